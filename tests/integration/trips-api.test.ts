import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#app/server/app.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const TOKEN = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

describe.each(DATABASE_KINDS)('trips API on %s', (kind) => {
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

  async function create(overrides = {}): Promise<Trip> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/trips', headers: auth, payload: buildTripInput(overrides) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('creates, reads, lists and deletes a trip', async () => {
    const created = await create({ title: '赴荷蘭參加花博交流案' });
    expect(created.version).toBe(1);
    expect(created.members.map((m) => m.name)).toEqual(['林佳龍', '陳盛山']);
    expect(created.destinations[0]).toEqual({ country: '日本', countryCode: 'JP', cities: ['名古屋', '東京'] });
    const got = await app.inject({ headers: auth, url: `/api/v1/trips/${created.id}` });
    expect(got.json()).toEqual(created);
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/trips/${created.id}`, headers: auth });
    expect(del.statusCode).toBe(204);
    expect((await app.inject({ headers: auth, url: `/api/v1/trips/${created.id}` })).statusCode).toBe(404);
  });

  it('filters by year (Gregorian or ROC), country, person, status and text, and pages', async () => {
    await create({ title: '年度篩選甲', start: '2016-03-01', end: '2016-03-03', destinations: [{ country: '法國', countryCode: 'FR', cities: ['巴黎'] }] });
    await create({ title: '年度篩選乙', start: '2016-07-01', end: '2016-07-03', members: [{ name: '呂曜志', title: '經發局局長', agency: '經濟發展局', role: 'leader' }] });
    await create({ title: '年度篩選丙', start: '2017-07-01', end: '2017-07-03', budget: { currency: 'TWD', estimate: null, approved: null, actual: 100, status: 'settled', estimateBreakdown: {}, actualBreakdown: {} } });
    const list = async (query: string) => (await app.inject({ headers: auth, url: `/api/v1/trips?${query}` })).json() as { items: Trip[]; total: number };
    expect((await list('year=2016&q=年度篩選')).total).toBe(2);
    expect((await list('year=105&q=年度篩選')).total).toBe(2);
    expect((await list('country=FR&q=年度篩選')).items.map((t) => t.title)).toEqual(['年度篩選甲']);
    expect((await list('country=法國&q=年度篩選')).items.map((t) => t.title)).toEqual(['年度篩選甲']);
    expect((await list('person=曜志&q=年度篩選')).items.map((t) => t.title)).toEqual(['年度篩選乙']);
    expect((await list('status=settled&q=年度篩選')).items.map((t) => t.title)).toEqual(['年度篩選丙']);
    const page1 = await list('q=年度篩選&limit=2&offset=0&sort=start');
    const page2 = await list('q=年度篩選&limit=2&offset=2&sort=start');
    expect(page1.total).toBe(3);
    expect([...page1.items, ...page2.items].map((t) => t.title)).toEqual(['年度篩選甲', '年度篩選乙', '年度篩選丙']);
  });

  it('treats LIKE wildcards in the text filter literally', async () => {
    await create({ title: '百分比100%測試' });
    expect((await app.inject({ headers: auth, url: '/api/v1/trips?q=100%25' })).json().total).toBe(1);
    expect((await app.inject({ headers: auth, url: '/api/v1/trips?q=_%25_' })).json().total).toBe(0);
  });

  it('updates with the current version and refuses a stale one with 409 and the current trip', async () => {
    const created = await create();
    const ok = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${created.id}`, headers: auth, payload: { version: 1, title: '改過的名稱' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: '改過的名稱', version: 2, members: created.members });
    const stale = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${created.id}`, headers: auth, payload: { version: 1, title: '舊版本' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version-conflict', current: { title: '改過的名稱', version: 2 }, changedFields: ['title'] });
    expect((await app.inject({ headers: auth, url: `/api/v1/trips/${created.id}` })).json().title).toBe('改過的名稱');
  });

  it('loses no update when many writers race on one trip', async () => {
    const created = await create({ headcount: 1 });
    let version = created.version;
    let applied = 0;
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          app.inject({ method: 'PATCH', url: `/api/v1/trips/${created.id}`, headers: auth, payload: { version, notes: `writer ${round}-${i}` } }),
        ),
      );
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(7);
      applied += 1;
      version += 1;
    }
    const final = (await app.inject({ headers: auth, url: `/api/v1/trips/${created.id}` })).json() as Trip;
    expect(final.version).toBe(created.version + applied);
  });

  it('requires the admin token for writes', async () => {
    const noToken = await app.inject({ method: 'POST', url: '/api/v1/trips', payload: buildTripInput() });
    expect(noToken.statusCode).toBe(401);
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/trips', headers: { authorization: 'Bearer wrong-token-wrong-token!!' }, payload: buildTripInput() });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().messageZh).toBeTruthy();
  });

  it('answers bad input with 400 naming the field, and stores nothing', async () => {
    const before = (await app.inject({ headers: auth, url: '/api/v1/trips?limit=1' })).json().total;
    const cases: [unknown, string][] = [
      [{ ...buildTripInput(), end: '2019-04-01' }, 'end'],
      [{ ...buildTripInput(), start: '2019-02-30' }, 'start'],
      [{ ...buildTripInput(), budget: { ...buildTripInput().budget, estimate: -5 } }, 'budget.estimate'],
      [{ ...buildTripInput(), budget: { ...buildTripInput().budget, estimate: 1.5 } }, 'budget.estimate'],
      [{ ...buildTripInput(), title: '' }, 'title'],
      [{ ...buildTripInput(), headcount: 'seven' }, 'headcount'],
    ];
    for (const [payload, field] of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/trips', headers: auth, payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toContain(field);
      expect(res.json().messageZh).toContain('欄位');
    }
    const malformed = await app.inject({ method: 'POST', url: '/api/v1/trips', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"title": ' });
    expect(malformed.statusCode).toBe(400);
    const badQuery = await app.inject({ headers: auth, url: '/api/v1/trips?limit=1000' });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().message).toContain('limit');
    expect((await app.inject({ headers: auth, url: '/api/v1/trips?limit=1' })).json().total).toBe(before);
  });

  it('rejects a patch that would put the end before the start', async () => {
    const created = await create();
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${created.id}`, headers: auth, payload: { version: 1, end: '2000-01-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('end');
    expect((await app.inject({ headers: auth, url: `/api/v1/trips/${created.id}` })).json().version).toBe(1);
  });

  it('publishes an OpenAPI 3.1 document generated from the schemas', async () => {
    const doc = (await app.inject({ headers: auth, url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/trips', '/api/v1/trips/{id}', '/healthz']));
    const listParams = doc.paths['/api/v1/trips'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParams).toEqual(expect.arrayContaining(['year', 'country', 'person', 'status', 'q', 'limit', 'offset']));
    expect(doc.paths['/api/v1/trips'].post.requestBody.content['application/json'].schema.properties.members).toBeDefined();
  });

  it('reports health', async () => {
    expect((await app.inject({ headers: auth, url: '/healthz' })).json()).toEqual({ status: 'ok', database: kind });
  });
});
