import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { openStore } from '#app/store/open-database.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { startServerProcess, type ServerProcess } from '#tests/support/server-process.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const TOKEN = 'crash-test-token-0123456789';

describe.each(DATABASE_KINDS)('a server killed with SIGKILL during writes on %s', (kind) => {
  const stores: TestStore[] = [];
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    for (const s of stores) await s.cleanup();
  });

  it('keeps every acknowledged write and a consistent database', async () => {
    // The test store only provides the database; the server process opens it itself.
    const store = await createTestStore(kind);
    stores.push(store);
    await store.close();
    const env = { DATABASE_URL: store.target, ADMIN_TOKEN: TOKEN, SEED_ON_EMPTY: 'false' };
    server = await startServerProcess(env);
    const acknowledged = new Map<string, string>();
    let attempted = 0;
    let stop = false;
    const writer = async (lane: number) => {
      while (!stop) {
        const title = `當機測試 ${lane}-${attempted++}`;
        try {
          const res = await fetch(`${server!.url}/api/v1/trips`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
            body: JSON.stringify(buildTripInput({ title })),
          });
          if (res.status === 201) acknowledged.set(((await res.json()) as { id: string }).id, title);
        } catch {
          return; // the server is gone
        }
      }
    };
    const lanes = [0, 1, 2, 3].map(writer);
    while (acknowledged.size < 120) await new Promise((r) => setTimeout(r, 20));
    await server.stop('SIGKILL');
    stop = true;
    await Promise.all(lanes);
    expect(attempted).toBeGreaterThan(acknowledged.size);

    server = await startServerProcess(env);
    for (const [id, title] of acknowledged) {
      // New trips are drafts, visible to staff only: read them as the administrator.
      const res = await fetch(`${server.url}/api/v1/trips/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status, `acknowledged trip ${id} lost`).toBe(200);
      const trip = (await res.json()) as { title: string; members: unknown[]; destinations: unknown[] };
      expect(trip.title).toBe(title);
      expect(trip.members).toHaveLength(2);
      expect(trip.destinations).toHaveLength(1);
    }
    await server.stop();
    server = undefined;

    const reopened = await openStore(store.target);
    try {
      if (kind === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(reopened.db);
        expect(check.rows[0]?.integrity_check).toBe('ok');
      }
      // No half-written trip: every trip row has its children (all or nothing per transaction).
      const orphans = await sql<{ n: number | string }>`select count(*) as n from trips t where not exists (select 1 from trip_members m where m.trip_id = t.id)`.execute(reopened.db);
      expect(Number(orphans.rows[0]?.n)).toBe(0);
      expect(await new TripRepository(reopened.db).count()).toBeGreaterThanOrEqual(acknowledged.size);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
