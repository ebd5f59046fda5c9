import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { cachedTotal } from '#app/store/trips/trip-count-cache.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

// The list total is cached per filter until the ledger revision moves; it must never be stale.
describe.each(DATABASE_KINDS)('trip list totals (%s)', (kind) => {
  let store: TestStore;
  afterEach(async () => store?.cleanup());

  const page = { limit: 2, offset: 0 };

  it('follow every write through the repository, whatever page or sort is asked', async () => {
    store = await createTestStore(kind);
    const repo = new TripRepository(store.db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await repo.insert(buildTripInput({ destinations: [{ country: '日本', countryCode: 'JP', cities: [] }] }))).id);
    expect((await repo.list({ ...page, country: 'JP' })).total).toBe(3);
    expect((await repo.list({ limit: 1, offset: 2, sort: 'title', country: 'JP' })).total).toBe(3);
    await repo.insert(buildTripInput({ destinations: [{ country: '日本', countryCode: 'JP', cities: [] }] }));
    expect((await repo.list({ ...page, country: 'JP' })).total).toBe(4);
    const current = (await repo.get(ids[0]!))!;
    await repo.update(ids[0]!, { version: current.version }, (trip) => ({ ...trip, destinations: [{ country: '韓國', countryCode: 'KR', cities: [] }] }));
    expect((await repo.list({ ...page, country: 'JP' })).total).toBe(3);
    expect((await repo.list({ ...page, country: 'KR' })).total).toBe(1);
    await repo.delete(ids[1]!);
    expect((await repo.list({ ...page, country: 'JP' })).total).toBe(2);
    expect((await repo.list({ ...page, q: '名古屋' })).total).toBe(3);
  });

  it('follow writes another connection commits (a CLI import beside the server)', async () => {
    store = await createTestStore(kind);
    const repo = new TripRepository(store.db);
    await repo.insert(buildTripInput());
    expect((await repo.list(page)).total).toBe(1);
    const other = await openStore(store.target);
    try {
      await new TripRepository(other.db).insert(buildTripInput());
    } finally {
      await other.close();
    }
    expect((await repo.list(page)).total).toBe(2);
  });

  it('count inside a transaction, seeing its own uncommitted trips, and keep nothing from a rollback', async () => {
    store = await createTestStore(kind);
    const repo = new TripRepository(store.db);
    await repo.insert(buildTripInput());
    expect((await repo.list(page)).total).toBe(1);
    await expect(
      repo.transaction(async (trx) => {
        await trx.insert(buildTripInput());
        expect((await trx.list(page)).total).toBe(2);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await repo.list(page)).total).toBe(1);
  });

  it('count once for requests arriving together, and not keep a failed count', async () => {
    store = await createTestStore(kind);
    let counts = 0;
    const count = async () => {
      counts += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 7;
    };
    const totals = await Promise.all(Array.from({ length: 5 }, () => cachedTotal(store.db, 'same filter', count)));
    expect(totals).toEqual([7, 7, 7, 7, 7]);
    expect(counts).toBe(1);
    await expect(cachedTotal(store.db, 'failing', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cachedTotal(store.db, 'failing', async () => 3)).toBe(3);
  });
});
