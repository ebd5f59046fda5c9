import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { buildApp } from '#app/server/app.ts';
import { acceptsGzip } from '#app/server/plugins/public-read-cache.ts';
import { openStore } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const TOKEN = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

// Anonymous answers are kept per ledger revision: they must be served again without the ledger,
// and must never outlive a write, whoever makes it.
describe.each(DATABASE_KINDS)('public read cache (%s)', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  afterEach(async () => {
    await app?.close();
    await store?.cleanup();
  });

  async function setUp(publicCacheMb = 32) {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN, PUBLIC_CACHE_MB: publicCacheMb } });
    const repo = new TripRepository(store.db);
    const published = await repo.insert(buildTripInput({ title: '赴日本名古屋交流案' }), { state: 'approved' });
    const draft = await repo.insert(buildTripInput({ title: '尚在草稿的出國案' }), { state: 'draft' });
    return { published, draft };
  }

  /** Renames a table the list needs, so only a kept answer can still be a 200 (DDL does not move the revision). */
  async function breakTheLedger(): Promise<() => Promise<void>> {
    await sql`alter table trip_members rename to trip_members_away`.execute(store.db);
    return async () => {
      await sql`alter table trip_members_away rename to trip_members`.execute(store.db);
    };
  }

  it('serves an anonymous answer again without reading the ledger, byte for byte', async () => {
    await setUp();
    const first = await app.inject({ url: '/api/v1/trips?limit=5' });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((t: { title: string }) => t.title)).toEqual(['赴日本名古屋交流案']);
    const restore = await breakTheLedger();
    try {
      const again = await app.inject({ url: '/api/v1/trips?limit=5' });
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
      expect(again.headers['content-type']).toBe(first.headers['content-type']);
      expect(again.headers['etag']).toBe(first.headers['etag']);
      // Another URL was never kept: it reads the (broken) ledger.
      expect((await app.inject({ url: '/api/v1/trips?limit=6' })).statusCode).toBe(500);
    } finally {
      await restore();
    }
  });

  it('drops every kept answer on a write through the API, another connection or plain SQL', async () => {
    const { published } = await setUp();
    const list = async () => (await app.inject({ url: '/api/v1/trips?limit=5' })).json().items as { title: string; headcount: number }[];
    const titles = async () => (await list()).map((t) => t.title);
    expect(await titles()).toEqual(['赴日本名古屋交流案']);
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${published.id}`, headers: auth, payload: { version: published.version, headcount: 9 } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await list()).map((t) => t.headcount)).toEqual([9]);
    const other = await openStore(store.target);
    try {
      await sql`update trips set title = ${'另一個連線修改的標題'} where id = ${published.id}`.execute(other.db);
    } finally {
      await other.close();
    }
    expect(await titles()).toEqual(['另一個連線修改的標題']);
    await sql`update trips set lifecycle_state = ${'draft'} where id = ${published.id}`.execute(store.db);
    expect(await titles()).toEqual([]);
    expect((await app.inject({ url: `/api/v1/trips/${published.id}` })).statusCode).toBe(404);
  });

  it('answers a revalidation with 304 until the ledger changes', async () => {
    const { published } = await setUp();
    const first = await app.inject({ url: `/api/v1/trips/${published.id}` });
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const revalidated = await app.inject({ url: `/api/v1/trips/${published.id}`, headers: { 'if-none-match': etag } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    await new TripRepository(store.db).insert(buildTripInput({ title: '新的出國案' }), { state: 'approved' });
    const changed = await app.inject({ url: `/api/v1/trips/${published.id}`, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers['etag']).not.toBe(etag);
  });

  it('never keeps or revalidates staff answers, and never serves a kept public answer to staff', async () => {
    const { draft } = await setUp();
    const publicList = await app.inject({ url: '/api/v1/trips?limit=5' });
    const staffList = await app.inject({ url: '/api/v1/trips?limit=5', headers: auth });
    expect(staffList.json().total).toBe(2);
    expect(staffList.headers['etag']).toBeUndefined();
    const staffAgain = await app.inject({ url: '/api/v1/trips?limit=5', headers: { ...auth, 'if-none-match': publicList.headers['etag'] as string } });
    expect(staffAgain.statusCode).toBe(200);
    expect(staffAgain.json().items.map((t: { id: string }) => t.id)).toContain(draft.id);
    // The public still gets its own answer.
    expect((await app.inject({ url: '/api/v1/trips?limit=5' })).json().total).toBe(1);
  });

  it('keeps no error answers and tags none', async () => {
    const { draft } = await setUp();
    const hidden = await app.inject({ url: `/api/v1/trips/${draft.id}` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['etag']).toBeUndefined();
    const bad = await app.inject({ url: '/api/v1/trips?limit=-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['etag']).toBeUndefined();
  });

  it.each([32, 0])('sends public answers gzip\'d to clients that accept it, kept or computed (PUBLIC_CACHE_MB=%i)', async (mb) => {
    await setUp(mb);
    for (let i = 0; i < 4; i++) await new TripRepository(store.db).insert(buildTripInput({ title: `壓縮測試出國案${i}` }), { state: 'approved' });
    const plain = await app.inject({ url: '/api/v1/trips?limit=5' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (let i = 0; i < 2; i++) {
      const zipped = await app.inject({ url: '/api/v1/trips?limit=5', headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' } });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers['vary']).toContain('accept-encoding');
      expect(zipped.rawPayload.length).toBeLessThan(plain.body.length / 2);
      expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    }
    const refused = await app.inject({ url: '/api/v1/trips?limit=5', headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
    // Staff answers are not touched by the public cache.
    expect((await app.inject({ url: '/api/v1/trips?limit=5', headers: { ...auth, 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBeUndefined();
  });

  it('computes an answer once for requests arriving together, and lets them compute if the first fails', async () => {
    await setUp();
    const list = vi.spyOn(TripRepository.prototype, 'list');
    try {
      const together = await Promise.all(Array.from({ length: 12 }, () => app.inject({ url: '/api/v1/trips?limit=3' })));
      expect(together.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
      expect(new Set(together.map((r) => r.body)).size).toBe(1);
      expect(list).toHaveBeenCalledTimes(1);
      list.mockClear();
      list.mockRejectedValueOnce(new Error('database went away'));
      const afterFailure = await Promise.all(Array.from({ length: 4 }, () => app.inject({ url: '/api/v1/trips?limit=4' })));
      expect(afterFailure.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 500]);
      expect(afterFailure.filter((r) => r.statusCode === 200).every((r) => r.json().items.length === 1)).toBe(true);
    } finally {
      list.mockRestore();
    }
  });

  it('with PUBLIC_CACHE_MB=0 keeps nothing but still tags answers', async () => {
    await setUp(0);
    const first = await app.inject({ url: '/api/v1/trips?limit=5' });
    expect(first.headers['etag']).toBeDefined();
    const restore = await breakTheLedger();
    try {
      expect((await app.inject({ url: '/api/v1/trips?limit=5' })).statusCode).toBe(500);
    } finally {
      await restore();
    }
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding as RFC 9110 does for gzip', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0.0, identity')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip(['br', 'gzip'])).toBe(true);
  });
});
