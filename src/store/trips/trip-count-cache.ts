import { sql, SqliteAdapter, type Kysely } from 'kysely';

// The total of a trip list (how many trips match a filter) is the costly part of a page on a
// large ledger: counting 35,000 trips to Japan among 100,000 takes ~90 ms on SQLite, while the
// page itself walks an index for 20 rows in ~1 ms. The total does not depend on the page, the
// sort or, until the next write, on time, so it is kept per filter and dropped on any write.
//
// Exact, never stale, on SQLite only: the cache is keyed by a change marker made of
// `total_changes()` (every row this connection has inserted, updated or deleted; the app has one
// connection) and `PRAGMA data_version` (changes when another connection, e.g. a CLI import,
// commits). Any committed write changes one of them, so a total is served only while the
// database is as it was when it was counted. PostgreSQL has no such cheap marker across server
// processes, so there every total is counted (docs/scaling.md: processes keep no cache).

const MAX_ENTRIES = 500;

interface Entry {
  marker: string;
  /** Totals by filter; a promise while it is being counted, so concurrent requests share one count. */
  totals: Map<string, Promise<number>>;
}

const caches = new WeakMap<Kysely<any>, Entry>();

/** The SQLite change marker, or null where totals are not cached (PostgreSQL, or inside a transaction). */
async function changeMarker(db: Kysely<any>): Promise<string | null> {
  if (db.isTransaction || !(db.getExecutor().adapter instanceof SqliteAdapter)) return null;
  const row = (await sql<{ c: number; v: number }>`select total_changes() as c, (select data_version from pragma_data_version) as v`.execute(db)).rows[0];
  return row ? `${row.c}:${row.v}` : null;
}

/** The total for `key` (a filter, without page or sort), counted by `count` unless known since the last write. */
export async function cachedTotal(db: Kysely<any>, key: string, count: () => Promise<number>): Promise<number> {
  const marker = await changeMarker(db);
  if (marker === null) return count();
  let entry = caches.get(db);
  if (!entry || entry.marker !== marker) {
    entry = { marker, totals: new Map() };
    caches.set(db, entry);
  }
  const known = entry.totals.get(key);
  if (known !== undefined) return known;
  // Counted under `marker`: a write that lands meanwhile changes the marker, and the next request
  // starts a fresh entry, so this total is never served for a later state. Requests arriving
  // while it is counted wait for the same count (200 concurrent first requests would otherwise
  // each count 100,000 trips, one after another on SQLite's one connection).
  if (entry.totals.size >= MAX_ENTRIES) entry.totals.clear();
  const counting = count();
  const totals = entry.totals;
  totals.set(key, counting);
  counting.catch(() => totals.delete(key));
  return counting;
}
