import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#app/server/app.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { importedTripState } from '#app/domain/workflow/lifecycle-state.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const TOKEN = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

describe.each(DATABASE_KINDS)('portal API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  const created: Trip[] = [];

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
    const inputs = [
      buildTripInput({ title: '赴荷蘭宣傳花博案', start: '2016-09-22', end: '2016-09-29', headcount: 5, destinations: [{ country: '荷蘭', countryCode: 'NL', cities: ['阿姆斯特丹'] }, { country: '德國', countryCode: 'DE', cities: [] }], budget: { currency: 'TWD', estimate: null, approved: null, actual: 2294129, status: 'settled', estimateBreakdown: {}, actualBreakdown: {} } }),
      buildTripInput({ title: '赴日本招商案, "名古屋"', start: '2017-03-05', end: '2017-03-09', headcount: 4, budget: { currency: 'TWD', estimate: null, approved: null, actual: 478236, status: 'settled', estimateBreakdown: {}, actualBreakdown: {} } }),
      buildTripInput({ title: '=赴墨西哥案', start: '2018-04-19', end: '2018-04-25', headcount: 3, outcomes: [], destinations: [{ country: '墨西哥', countryCode: 'MX', cities: [] }], budget: { currency: 'TWD', estimate: null, approved: null, actual: null, status: 'pending', estimateBreakdown: {}, actualBreakdown: {} } }),
    ];
    // Historical trips, published as imported ones are (ADR 0003); trips created through the API start as drafts.
    for (const payload of inputs) created.push(await new TripRepository(store.db).insert(payload, { state: importedTripState(payload.budget.status) }));
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('answers the overview: counts, settled cost only, countries, years and the latest trips', async () => {
    const res = await app.inject({ url: '/api/v1/portal/overview' });
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({ tripCount: 3, firstStart: '2016-09-22', lastEnd: '2018-04-25', actualTotal: 2294129 + 478236, tripsWithActual: 2, tripsWithoutActual: 1, outcomeCount: 2, travellerCount: 12 });
    expect(o.countries.map((c: { code: string }) => c.code).sort()).toEqual(['DE', 'JP', 'MX', 'NL']);
    expect(o.years).toEqual([
      { year: 2016, trips: 1, actual: 2294129, tripsWithoutActual: 0 },
      { year: 2017, trips: 1, actual: 478236, tripsWithoutActual: 0 },
      { year: 2018, trips: 1, actual: 0, tripsWithoutActual: 1 },
    ]);
    expect(o.latest.map((t: { title: string }) => t.title)).toEqual(['=赴墨西哥案', '赴日本招商案, "名古屋"', '赴荷蘭宣傳花博案']);
  });

  it('offers every published trip as open-data CSV, with quoting, formula guard and an optional BOM', async () => {
    const res = await app.inject({ url: '/api/v1/open-data/ledger?format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toContain('赴荷蘭宣傳花博案');
    expect(res.body).toContain('"赴日本招商案, ""名古屋"""');
    expect(res.body).toContain(`'=赴墨西哥案`);
    expect(res.body.charCodeAt(0)).not.toBe(0xfeff);
    const withBom = await app.inject({ url: '/api/v1/open-data/ledger?format=csv&bom=true' });
    expect(withBom.body.charCodeAt(0)).toBe(0xfeff);
  });

  it('offers every published trip as open-data JSON', async () => {
    const res = await app.inject({ url: '/api/v1/open-data/ledger?format=json' });
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(res.json())).toContain('赴荷蘭宣傳花博案');
    for (const trip of created) expect(res.body).toContain(trip.id);
  });

  it('refuses a bad bom flag with a 400 naming the field', async () => {
    const res = await app.inject({ url: '/api/v1/open-data/ledger?format=csv&bom=maybe' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'validation' });
    expect(res.json().message).toContain('bom');
  });

  it('lists the portal and open-data routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/portal/overview', '/api/v1/open-data/{dataset}', '/api/v1/open-data/data-dictionary']));
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/export'))).toEqual([]);
  });
});
