import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { tripInput } from '#app/domain/trips/trip-schema.ts';
import { importedTripState } from '#app/domain/workflow/lifecycle-state.ts';
import { openStore, type Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { GENERATOR_VERSION, syntheticTrip } from '#bench/synthetic-ledger.ts';

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

/** Stores `size` synthetic trips through the repository (the same writes, search index included, as the API). */
export async function loadSyntheticLedger(store: Store, size: number, onProgress: (done: number) => void = () => {}): Promise<void> {
  const batch = 500;
  for (let from = 0; from < size; from += batch) {
    await new TripRepository(store.db).transaction(async (repo) => {
      for (let i = from; i < Math.min(size, from + batch); i++) {
        const input = tripInput.parse(syntheticTrip(i));
        // Trips of a national ledger are past trips, published as imported ones are (ADR 0003).
        await repo.insert(input, { state: importedTripState(input.budget.status) });
      }
    });
    onProgress(Math.min(size, from + batch));
  }
}

/** A migrated database holding exactly `size` synthetic trips; built on first use, reused afterwards. */
export async function prepareBenchDatabase(kind: 'sqlite' | 'postgres', size: number, options: { fresh?: boolean; log?: (line: string) => void } = {}): Promise<{ target: string; loadSeconds: number | null }> {
  const log = options.log ?? (() => {});
  const name = `ml_bench_v${GENERATOR_VERSION}_${size}`;
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
    await loadSyntheticLedger(store, size, (done) => {
      if (done % 10_000 === 0 || done === size) log(`  ${done} / ${size}`);
    });
    if (kind === 'postgres') await sql`analyze`.execute(store.db);
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
