import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { planSearch } from '#app/domain/search/search-plan.ts';
import { matchesPlan, rankOf } from '#app/domain/search/search-ranking.ts';
import { searchDocumentOf } from '#app/domain/search/search-document.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { importDocument } from '#app/import/import-document.ts';
import { buildApp } from '#app/server/app.ts';
import { migrateTo, migrateToLatest } from '#app/store/open-database.ts';
import { searchTripIds } from '#app/store/search/trip-search-query.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';
import { SEED_QUERIES } from '#tests/search/seed-queries.ts';

const TOKEN = 'search-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const seedText = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');

describe.each(DATABASE_KINDS)('search ranking of a larger ledger on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  const trips: { trip: Trip; published: boolean }[] = [];

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN, PUBLIC_CACHE_MB: 0 } });
    const repo = new TripRepository(store.db);
    // Titles with the phrase, bodies with it, titles with its characters apart, same dates.
    for (let i = 0; i < 48; i++) {
      const title = ['赴荷蘭參加花博交流', '赴日本名古屋考察', '赴花蓮博覽會觀摩', '赴日本名古屋參加花博'][i % 4]!;
      const outcome = i % 3 === 0 ? '邀請參觀台中花博。' : i % 3 === 1 ? '名古屋市長回訪。' : '簽署備忘錄。';
      const published = i % 5 !== 0;
      const input = buildTripInput({ title: `${title}${i}`, start: `2017-0${1 + (i % 9)}-1${i % 7}`, end: `2017-0${1 + (i % 9)}-2${i % 7}`, outcomes: [{ text: outcome }] });
      trips.push({ trip: await repo.insert(input, { state: published ? 'approved' : 'draft' }), published });
    }
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  function reference(query: string, publicOnly: boolean): string[] {
    const plan = planSearch(query);
    return trips
      .filter((t) => !publicOnly || t.published)
      .map((t) => ({ id: t.trip.id, start: t.trip.start, doc: searchDocumentOf(t.trip) }))
      .filter((t) => matchesPlan(t.doc, plan))
      .sort((a, b) => rankOf(b.doc, plan) - rankOf(a.doc, plan) || b.start.localeCompare(a.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((t) => t.id);
  }

  it.each(['花博', '名古屋', '名古屋參加花博', '博覽會', '日本'])('pages %s exactly as the domain ranks, for the public and for staff', async (query) => {
    for (const asStaff of [false, true]) {
      const expected = reference(query, !asStaff);
      expect(expected.length).toBeGreaterThan(0);
      for (const limit of [1, 4, 7, 50]) {
        const paged: string[] = [];
        let total = -1;
        for (let offset = 0; offset < expected.length + limit; offset += limit) {
          const res = await app.inject({ url: `/api/v1/trips?q=${encodeURIComponent(query)}&limit=${limit}&offset=${offset}`, ...(asStaff ? { headers: auth } : {}) });
          expect(res.statusCode, res.body).toBe(200);
          const body = res.json() as { items: Trip[]; total: number };
          paged.push(...body.items.map((t) => t.id));
          total = body.total;
        }
        expect(paged, `${query} by ${limit}${asStaff ? ' (staff)' : ''}`).toEqual(expected);
        expect(total).toBe(expected.length);
      }
      const direct = await searchTripIds(store.db, query, { limit: 5, offset: 0 });
      if (asStaff) expect(direct.ids).toEqual(expected.slice(0, 5));
    }
  });
});

describe.each(DATABASE_KINDS)('full-text search on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
    await importDocument(store, seedText, 'seed.txt');
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  async function tableExists(name: string): Promise<boolean> {
    const tables = await store.db.introspection.getTables();
    return tables.some((t) => t.name === name);
  }

  async function search(query: string, extra = ''): Promise<{ items: Trip[]; total: number }> {
    const res = await app.inject({ url: `/api/v1/trips?limit=100&q=${encodeURIComponent(query)}${extra}`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it.each(SEED_QUERIES)('finds exactly the seed trips holding $query, exact phrase first', async ({ query, expected, phraseFirst }) => {
    const { items, total } = await search(query);
    const starts = items.map((t) => t.start);
    expect([...starts].sort()).toEqual([...expected].sort());
    expect(total).toBe(expected.length);
    if (phraseFirst) expect(starts.slice(0, phraseFirst.length).sort()).toEqual([...phraseFirst].sort());
  });

  it('orders by the same relevance tiers as the domain reference, then latest first', async () => {
    for (const { query } of SEED_QUERIES) {
      const plan = planSearch(query);
      const { items } = await search(query);
      const docs = await store.db
        .withTables<{ trip_search_documents: { trip_id: string; title: string; body: string } }>()
        .selectFrom('trip_search_documents')
        .select(['trip_id', 'title', 'body'])
        .where('trip_id', 'in', items.map((t) => t.id).concat(['-']))
        .execute();
      const rank = new Map(docs.map((d) => [d.trip_id, rankOf(d, plan)]));
      const keys = items.map((t) => [rank.get(t.id)!, t.start] as const);
      const sorted = [...keys].sort((a, b) => b[0] - a[0] || b[1].localeCompare(a[1]));
      expect(keys, query).toEqual(sorted);
    }
  });

  it('gives, page by page, the same order from the title tier as the full ranking', async () => {
    for (const { query } of SEED_QUERIES) {
      const full = (await search(query)).items.map((t) => t.id);
      for (const limit of [1, 2, 3]) {
        const paged: string[] = [];
        for (let offset = 0; offset < full.length; offset += limit) {
          const res = await app.inject({ url: `/api/v1/trips?q=${encodeURIComponent(query)}&limit=${limit}&offset=${offset}`, headers: auth });
          paged.push(...(res.json() as { items: Trip[] }).items.map((t) => t.id));
        }
        expect(paged, `${query} by ${limit}`).toEqual(full);
      }
    }
  });

  it('keeps an explicit sort and combines the text with other filters', async () => {
    const byStart = await search('花博', '&sort=start');
    expect(byStart.items.map((t) => t.start)).toEqual([...byStart.items.map((t) => t.start)].sort());
    expect((await search('花博', '&year=106')).items.map((t) => t.start).sort()).toEqual(['2017-03-05', '2017-05-31', '2017-06-17', '2017-08-09', '2017-11-19']);
    expect((await search('呂曜志', '&country=FR')).items.map((t) => t.start)).toEqual(['2017-06-17']);
  });

  it('pages a ranked result without losing or repeating a trip', async () => {
    const pages: string[] = [];
    for (let offset = 0; offset < 14; offset += 4) {
      const res = await app.inject({ url: `/api/v1/trips?q=${encodeURIComponent('林佳龍')}&limit=4&offset=${offset}`, headers: auth });
      pages.push(...(res.json() as { items: Trip[] }).items.map((t) => t.id));
    }
    expect(new Set(pages).size).toBe(14);
  });

  it('keeps the index in step with creates, changes and deletes, and with refused changes', async () => {
    const created = (await app.inject({ method: 'POST', url: '/api/v1/trips', headers: auth, payload: buildTripInput({ title: '赴紐西蘭參加奇異果產業論壇' }) })).json() as Trip;
    expect((await search('奇異果')).items.map((t) => t.id)).toEqual([created.id]);
    const stale = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${created.id}`, headers: auth, payload: { version: 99, title: '赴智利考察鮭魚養殖' } });
    expect(stale.statusCode).toBe(409);
    expect((await search('鮭魚')).total).toBe(0);
    const changed = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${created.id}`, headers: auth, payload: { version: 1, title: '赴智利考察鮭魚養殖' } });
    expect(changed.statusCode).toBe(200);
    expect((await search('奇異果')).total).toBe(0);
    expect((await search('鮭魚')).items.map((t) => t.id)).toEqual([created.id]);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/trips/${created.id}`, headers: auth })).statusCode).toBe(204);
    expect((await search('鮭魚')).total).toBe(0);
  });

  it('reads wildcards and lone characters literally, and refuses an over-long query with 400', async () => {
    expect((await search('%')).total).toBe(0);
    expect((await search('_')).total).toBe(0);
    expect((await search('蒙')).items.map((t) => t.start)).toEqual(['2017-11-19']);
    const long = await app.inject({ url: `/api/v1/trips?q=${'花'.repeat(201)}`, headers: auth });
    expect(long.statusCode).toBe(400);
    expect(long.json().messageZh).toBeTruthy();
  });

  it('gives the same ids and totals through the store query as through the API', async () => {
    for (const { query, expected } of SEED_QUERIES) {
      const direct = await searchTripIds(store.db, query, { limit: 100, offset: 0 });
      expect(direct.total, query).toBe(expected.length);
      expect(direct.ids).toEqual((await search(query)).items.map((t) => t.id));
    }
  });

  it('migration 0004 builds the index for trips stored before it', async () => {
    const before = await searchTripIds(store.db, '花博', { limit: 100, offset: 0 });
    await migrateTo(store.db, '0003-outcomes');
    expect(await tableExists('trip_search_documents')).toBe(false);
    await migrateToLatest(store.db);
    const after = await searchTripIds(store.db, '花博', { limit: 100, offset: 0 });
    expect(after).toEqual(before);
    expect(after.total).toBe(9);
  });
});
