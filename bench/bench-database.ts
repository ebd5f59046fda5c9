import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { tripInput } from '#app/domain/trips/trip-schema.ts';
import { importedTripState } from '#app/domain/workflow/lifecycle-state.ts';
import { openStore, type Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { childRows, tripColumns } from '#app/store/trips/trip-rows.ts';
import { searchDocumentOf } from '#app/domain/search/search-document.ts';
import { DEFAULT_SEED, GENERATOR_VERSION, syntheticTrip } from '#bench/synthetic-ledger.ts';

// Benchmark databases are built once per size and generator version and kept (SQLite files under
// .tmp/bench, PostgreSQL databases named ml_bench_*), so reruns measure instead of loading.

/** Where the benchmark keeps its SQLite files. */
export const BENCH_DATA_DIR = join(process.cwd(), '.tmp', 'bench');

/** Administrative PostgreSQL URL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local default). */
export function postgresAdminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Stores `size` synthetic trips through the repository (the same writes, search index included, as the API); slow, kept to check the bulk loader. */
export async function loadSyntheticLedgerThroughRepository(store: Store, size: number, seed = DEFAULT_SEED): Promise<void> {
  const batch = 500;
  for (let from = 0; from < size; from += batch) {
    await new TripRepository(store.db).transaction(async (repo) => {
      for (let i = from; i < Math.min(size, from + batch); i++) {
        const input = tripInput.parse(syntheticTrip(i, seed));
        await repo.insert(input, { state: importedTripState(input.budget.status) });
      }
    });
  }
}

/** A stable UUID-shaped id for trip `index` of the ledger of `seed`, so cached ledgers and reruns name the same trips. */
function benchId(kind: string, seed: number, index: number): string {
  const h = createHash('sha1').update(`${kind}:${seed}:${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Stores `size` synthetic trips with multi-row inserts, a few thousand trips per transaction, and
 * builds the search index in batch at the end. The rows are the repository's own (tripColumns,
 * childRows, searchDocumentOf), so the data equals what `TripRepository.insert` writes; only the
 * write path differs. Test data for the benchmark only: the product writes through the repository.
 */
export async function loadSyntheticLedger(store: Store, size: number, seed = DEFAULT_SEED, onProgress: (done: number) => void = () => {}): Promise<void> {
  const db = store.db as unknown as Kysely<any>;
  const postgres = store.adapter.kind === 'postgres';
  const at = '2026-01-01T00:00:00.000Z';
  const perTransaction = 5000;
  // Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
  const insertAll = async (trx: Kysely<any>, table: string, rows: object[]) => {
    if (rows.length === 0) return;
    const per = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
    for (let i = 0; i < rows.length; i += per) await trx.insertInto(table).values(rows.slice(i, i + per)).execute();
  };
  if (postgres) await sql`drop index if exists trip_search_documents_terms_idx`.execute(db);
  let outcome = 0;
  for (let from = 0; from < size; from += perTransaction) {
    const trips: object[] = [];
    const destinations: object[] = [];
    const members: object[] = [];
    const outcomes: object[] = [];
    const documents: object[] = [];
    for (let i = from; i < Math.min(size, from + perTransaction); i++) {
      const input = tripInput.parse(syntheticTrip(i, seed));
      const id = benchId('trip', seed, i);
      // Trips of a national ledger are past trips, published as imported ones are (ADR 0003).
      trips.push({ id, ...tripColumns(input), lifecycle_state: importedTripState(input.budget.status), created_by: null, created_at: at, updated_at: at, version: 1 });
      const children = childRows(id, { ...input, outcomes: input.outcomes.map((o) => ({ text: o.text })) }, () => benchId('outcome', seed, outcome++));
      destinations.push(...children.destinations);
      members.push(...children.members);
      outcomes.push(...children.outcomes);
      const doc = searchDocumentOf(input);
      documents.push({ ...(postgres ? {} : { doc: i + 1 }), trip_id: id, title: doc.title, body: doc.body, terms: doc.terms.join(' ') });
    }
    await db.transaction().execute(async (trx) => {
      await insertAll(trx, 'trips', trips);
      await insertAll(trx, 'trip_destinations', destinations);
      await insertAll(trx, 'trip_members', members);
      await insertAll(trx, 'trip_outcomes', outcomes);
      await insertAll(trx, 'trip_search_documents', documents);
    });
    onProgress(Math.min(size, from + perTransaction));
  }
  // The term index in one pass over the stored documents.
  if (postgres) await sql`create index trip_search_documents_terms_idx on trip_search_documents using gin (string_to_array(terms, ' '))`.execute(db);
  else {
    await sql`insert into trip_search_fts(rowid, terms) select doc, terms from trip_search_documents`.execute(db);
    await sql`insert into trip_search_fts(trip_search_fts) values ('optimize')`.execute(db);
  }
}

/** A migrated database holding exactly `size` synthetic trips; built on first use, reused afterwards. */
export async function prepareBenchDatabase(kind: 'sqlite' | 'postgres', size: number, options: { fresh?: boolean; seed?: number; log?: (line: string) => void } = {}): Promise<{ target: string; loadSeconds: number | null }> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? DEFAULT_SEED;
  // Keyed by generator version, size and seed: a cached ledger is reused only if it is the same data.
  const name = `ml_bench_v${GENERATOR_VERSION}_${size}_s${seed}`;
  let target: string;
  if (kind === 'sqlite') {
    mkdirSync(BENCH_DATA_DIR, { recursive: true });
    target = join(BENCH_DATA_DIR, `${name}.db`);
    if (options.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
    if (existsSync(target) && (await countTrips(target)) === size) return { target, loadSeconds: null };
    for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  } else {
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    try {
      target = withDatabase(postgresAdminUrl(), name);
      const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
      if (exists && !options.fresh && (await countTrips(target)) === size) return { target, loadSeconds: null };
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
  }
  log(`building ${kind} ledger of ${size} trips at ${target.replace(/\/\/[^@]*@/, '//')}`);
  const started = performance.now();
  const store = await openStore(target);
  try {
    await loadSyntheticLedger(store, size, seed, (done) => {
      if (done % 10_000 === 0 || done === size) log(`  ${done} / ${size} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    });
    await sql`analyze`.execute(store.db);
  } finally {
    await store.close();
  }
  return { target, loadSeconds: (performance.now() - started) / 1000 };
}

async function countTrips(target: string): Promise<number> {
  try {
    const store = await openStore(target);
    try {
      return await new TripRepository(store.db).count();
    } finally {
      await store.close();
    }
  } catch {
    return -1;
  }
}
