import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { decodeDocument, DocumentRejectedError, importDocument } from '#app/import/import-document.ts';
import { buildApp } from '#app/server/app.ts';
import { seedIfEmpty } from '#app/server/start-server.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const SEED_NAME = 'taichung-council-report-2018-05-11.txt';
const seedText = readFileSync(new URL(`../../samples/${SEED_NAME}`, import.meta.url), 'utf8');
const TOKEN = 'import-test-token-0123456789';
const silent = { info: () => {} };

describe.each(DATABASE_KINDS)('importing the seed report on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('loads the 14 trips into an empty database on first start, and not again', async () => {
    expect(await seedIfEmpty(store, silent)).toBe(14);
    expect(await seedIfEmpty(store, silent)).toBe(0);
    const res = await app.inject({ url: '/api/v1/trips?limit=100' });
    const body = res.json() as { items: { budget: { actual: number | null } }[]; total: number };
    expect(body.total).toBe(14);
    expect(body.items.reduce((sum, t) => sum + (t.budget.actual ?? 0), 0)).toBe(7_836_797);
  });

  it('adds nothing when the same document is imported again', async () => {
    const again = await importDocument(store, seedText, SEED_NAME);
    expect(again.created).toBe(0);
    expect(again.unchanged).toBe(14);
    expect(await new TripRepository(store.db).count()).toBe(14);
  });

  it('finds seed trips by person, country, year and text', async () => {
    const list = async (q: string) => ((await app.inject({ url: `/api/v1/trips?${q}` })).json() as { total: number }).total;
    expect(await list('person=呂曜志')).toBe(4);
    expect(await list('country=JP')).toBe(4);
    expect(await list('country=韓國')).toBe(3);
    expect(await list('year=106')).toBe(5);
    expect(await list(`q=${encodeURIComponent('花博')}`)).toBeGreaterThanOrEqual(8);
    expect(await list('status=settling')).toBe(3);
  });

  it('keeps the source of every imported trip', async () => {
    const { items } = (await app.inject({ url: '/api/v1/trips?sort=start&limit=1' })).json() as { items: { source: { document: string; line: number } }[] };
    expect(items[0]?.source).toMatchObject({ document: SEED_NAME, line: 113 });
  });

  it('refuses empty, binary and table-less documents and stores nothing', async () => {
    const before = await new TripRepository(store.db).count();
    expect(() => decodeDocument(new Uint8Array(), 'empty.txt')).toThrow(DocumentRejectedError);
    expect(() => decodeDocument(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]), 'image.png')).toThrow(/not UTF-8|binary/);
    await expect(importDocument(store, '這是一份沒有表格的文件。\n只有敘述。', 'prose.txt')).rejects.toThrow(/no trip table/);
    expect(await new TripRepository(store.db).count()).toBe(before);
  });

  it('parses an upload through the API without storing it, and imports with the token', async () => {
    const parse = await app.inject({ method: 'POST', url: `/api/v1/imports/parse?name=${SEED_NAME}`, headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: seedText });
    expect(parse.statusCode).toBe(200);
    expect(parse.json().trips).toHaveLength(14);
    const binary = await app.inject({ method: 'POST', url: '/api/v1/imports/parse', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from([0xff, 0xfe, 0x00, 0x01]) });
    expect(binary.statusCode).toBe(400);
    expect(binary.json().error).toBe('document-binary');
    const noToken = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: { 'content-type': 'text/plain' }, payload: seedText });
    expect(noToken.statusCode).toBe(401);
    const imported = await app.inject({ method: 'POST', url: `/api/v1/imports?name=${SEED_NAME}`, headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` }, payload: seedText });
    expect(imported.json()).toMatchObject({ created: 0, unchanged: 14 });
  });
});

describe.each(DATABASE_KINDS)('trip list filters by agency and theme on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await importDocument(store, seedText, SEED_NAME);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('finds trips by a member’s agency and by an outcome theme', async () => {
    const list = async (q: string) => (await app.inject({ url: `/api/v1/trips?limit=100&${q}` })).json() as { items: { title: string }[]; total: number };
    // 經發局局長呂曜志 travelled on four trips; the agency comes from his title.
    expect((await list(`agency=${encodeURIComponent('經濟發展局')}`)).total).toBe(4);
    const youth = await list('theme=youth-games');
    expect(youth.items.map((t) => t.title)).toContain('組團拜會東亞運動會總會會員國(韓國、日本)');
    expect(youth.total).toBeLessThan(14);
    expect((await list('theme=no-such-theme')).total).toBe(0);
  });
});
