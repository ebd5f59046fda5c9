import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '#app/store/open-database.ts';
import { ledgerRevision } from '#app/store/revision/ledger-revision.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

// Tables whose writes must not move the revision: sign-in data (a sign-in is not a change of the
// ledger) and the audit chain (always written with the change it records), plus bookkeeping.
const UNWATCHED = new Set(['users', 'sessions', 'api_tokens', 'audit_log', 'audit_head', 'ledger_revision', 'kysely_migration', 'kysely_migration_lock']);

async function tablesWithoutRevisionTriggers(db: Kysely<any>, kind: 'sqlite' | 'postgres'): Promise<string[]> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((name) => !UNWATCHED.has(name) && !name.startsWith('trip_search_fts'));
  const triggers =
    kind === 'sqlite'
      ? (await sql<{ tbl_name: string }>`select tbl_name from sqlite_master where type = 'trigger' and name like '%_ledger_revision_%'`.execute(db)).rows.map((r) => r.tbl_name)
      : (await sql<{ tbl_name: string }>`select c.relname as tbl_name from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname like '%_ledger_revision'`.execute(db)).rows.map((r) => r.tbl_name);
  const watched = new Set(triggers);
  return tables.filter((t) => !watched.has(t));
}

describe.each(DATABASE_KINDS)('ledger revision (%s)', (kind) => {
  let store: TestStore;
  afterEach(async () => store?.cleanup());

  it('is watched on every content table, so no write can leave a cached answer stale', async () => {
    store = await createTestStore(kind);
    expect(await tablesWithoutRevisionTriggers(store.db, kind)).toEqual([]);
  });

  it('moves with every committed write, from this or another connection, and not with sign-in data', async () => {
    store = await createTestStore(kind);
    const repo = new TripRepository(store.db);
    const r0 = Number(await ledgerRevision(store.db));
    const trip = await repo.insert(buildTripInput());
    const r1 = Number(await ledgerRevision(store.db));
    expect(r1).toBeGreaterThan(r0);
    await sql`update trips set title = ${'改過的標題'} where id = ${trip.id}`.execute(store.db);
    const r2 = Number(await ledgerRevision(store.db));
    expect(r2).toBeGreaterThan(r1);
    const other = await openStore(store.target);
    try {
      await sql`delete from trip_members where trip_id = ${trip.id}`.execute(other.db);
    } finally {
      await other.close();
    }
    const r3 = Number(await ledgerRevision(store.db));
    expect(r3).toBeGreaterThan(r2);
    await sql`insert into users (id, username, display_name, password_hash, created_at, updated_at) values (${'u1'}, ${'someone'}, ${'Someone'}, ${'x'}, ${'2026-11-26'}, ${'2026-11-26'})`.execute(store.db);
    expect(Number(await ledgerRevision(store.db))).toBe(r3);
  });

  it('does not move for a rolled-back write, and is not read inside a transaction', async () => {
    store = await createTestStore(kind);
    const before = await ledgerRevision(store.db);
    await expect(
      store.db.transaction().execute(async (trx) => {
        await new TripRepository(trx).insert(buildTripInput());
        expect(await ledgerRevision(trx)).toBeNull();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await ledgerRevision(store.db)).toBe(before);
  });

  it('is never newer than the rows a reader sees: the new value appears at commit with the rows', async () => {
    store = await createTestStore(kind);
    if (kind === 'sqlite') return; // one writer and snapshot reads make this hold by construction
    const reader = await openStore(store.target);
    try {
      const before = await ledgerRevision(reader.db);
      await store.db.transaction().execute(async (trx) => {
        await new TripRepository(trx).insert(buildTripInput({ title: '尚未提交的出國案' }));
        // Written but not committed: another connection sees neither the trip nor a new revision.
        expect(await ledgerRevision(reader.db)).toBe(before);
        expect(await new TripRepository(reader.db).count()).toBe(0);
      });
      expect(Number(await ledgerRevision(reader.db))).toBe(Number(before) + 1);
      expect(await new TripRepository(reader.db).count()).toBe(1);
    } finally {
      await reader.close();
    }
  });
});
