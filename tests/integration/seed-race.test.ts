import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '#app/store/open-database.ts';
import { seedIfEmpty } from '#app/server/start-server.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const silent = { info: () => {} };

describe.each(DATABASE_KINDS.filter((k) => k === 'postgres'))('two processes seeding one empty %s database at once', (kind) => {
  let test: TestStore;
  let second: Store;
  beforeAll(async () => {
    test = await createTestStore(kind);
    // A second, independent connection pool stands in for the second server process.
    second = await openStore(test.target);
  });
  afterAll(async () => {
    await second.close();
    await test.cleanup();
  });

  it('loads the sample report once', async () => {
    const loaded = await Promise.all([seedIfEmpty(test, silent), seedIfEmpty(second, silent)]);
    expect(loaded.sort()).toEqual([0, 14]);
    expect(await new TripRepository(test.db).count()).toBe(14);
  });
});

describe.each(DATABASE_KINDS)('the source-row guard on %s', (kind) => {
  it('refuses a second trip from the same row of the same document', async () => {
    const store = await createTestStore(kind);
    try {
      const repo = new TripRepository(store.db);
      const { buildTripInput } = await import('#tests/support/trip-builder.ts');
      const source = { document: 'a.txt', documentHash: 'f'.repeat(64), line: 3 };
      await repo.insert(buildTripInput({ source }));
      await expect(repo.insert(buildTripInput({ source }))).rejects.toThrow();
      await repo.insert(buildTripInput({ source: { ...source, line: 4 } }));
      expect(await repo.count()).toBe(2);
    } finally {
      await store.cleanup();
    }
  });
});
