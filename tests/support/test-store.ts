import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '#app/store/open-database.ts';

/** The databases the integration suites run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASE_KINDS: readonly ('sqlite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A store on a database of its own, and how to throw it away. */
export interface TestStore extends Store {
  target: string;
  cleanup(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Opens a fresh database, migrated unless `migrate: false`: a temporary SQLite file, or a new
 * PostgreSQL database created through TEST_DATABASE_URL, so test files never share state.
 */
export async function createTestStore(kind: 'sqlite' | 'postgres', options: { migrate?: boolean } = {}): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mission-ledger-test-'));
    const target = join(dir, 'ledger.db');
    const store = await openStore(target, options);
    return {
      ...store,
      target,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set; PostgreSQL tests need it (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
  const database = `ml_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const target = withDatabase(adminUrl, database);
  const store = await openStore(target, options);
  return {
    ...store,
    target,
    cleanup: async () => {
      await store.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
