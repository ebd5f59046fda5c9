import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { planSearch } from '#app/domain/search/search-plan.ts';
import { rankOf } from '#app/domain/search/search-ranking.ts';
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
