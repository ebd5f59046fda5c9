import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { createTestStore, DATABASE_KINDS } from '#tests/support/test-store.ts';

describe.each(DATABASE_KINDS.filter((k) => k === 'postgres'))('a %s store whose connections are cut', (kind) => {
  it('survives the server ending its idle connections and answers the next query', async () => {
    const store = await createTestStore(kind);
    try {
      const repo = new TripRepository(store.db);
      expect(await repo.count()).toBe(0);
      // An administrator (or a database restart) ends every connection of this database.
      const database = new URL(store.target).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      // The idle clients' errors were absorbed by the pool; a new query gets a new connection.
      expect(Number((await sql<{ one: number }>`select 1 as one`.execute(store.db)).rows[0]?.one)).toBe(1);
      expect(await repo.count()).toBe(0);
    } finally {
      await store.cleanup();
    }
  });
});
