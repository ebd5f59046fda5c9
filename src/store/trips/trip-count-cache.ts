import type { Kysely } from 'kysely';
import { ledgerRevision } from '#app/store/revision/ledger-revision.ts';

// The total of a trip list (how many trips match a filter) is the costly part of a page on a
// large ledger: counting 35,000 trips to Japan among 100,000 takes ~90 ms on SQLite and longer on
// PostgreSQL, while the page itself walks an index for 20 rows in ~1 ms. The total does not depend
// on the page, the sort or, until the next write, on time, so it is kept per filter and revision.
//
// Exact, never stale: keyed by the ledger revision (migration 0011), which every committed write
// to the ledger moves — through this process, another server process or a CLI import — so a
// total is served only while the ledger is as it was when it was counted.

const MAX_ENTRIES = 500;

interface Entry {
  revision: string;
  /** Totals by filter; a promise while it is being counted, so concurrent requests share one count. */
  totals: Map<string, Promise<number>>;
}

const caches = new WeakMap<Kysely<any>, Entry>();

/** The total for `key` (a filter, without page or sort), counted by `count` unless known at the current revision. */
export async function cachedTotal(db: Kysely<any>, key: string, count: () => Promise<number>): Promise<number> {
  const revision = await ledgerRevision(db);
  if (revision === null) return count();
  let entry = caches.get(db);
  if (!entry || entry.revision !== revision) {
    entry = { revision, totals: new Map() };
    caches.set(db, entry);
  }
  const known = entry.totals.get(key);
  if (known !== undefined) return known;
  // Counted after reading `revision`: a write that lands meanwhile moves the revision, and the
  // next request starts a fresh entry, so this total is never served for a later state. Requests
  // arriving while it is counted wait for the same count (200 concurrent first requests would
  // otherwise each count 100,000 trips).
  if (entry.totals.size >= MAX_ENTRIES) entry.totals.clear();
  const counting = count();
  const totals = entry.totals;
  totals.set(key, counting);
  counting.catch(() => totals.delete(key));
  return counting;
}
