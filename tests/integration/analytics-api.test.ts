import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { importDocument } from '#app/import/import-document.ts';
import { buildApp } from '#app/server/app.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const seedText = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');
const TOKEN = 'analytics-test-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };

describe.each(DATABASE_KINDS)('analytics API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let trips: Trip[];

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
    await importDocument(store, seedText, 'taichung-council-report-2018-05-11.txt');
    trips = (await app.inject({ url: '/api/v1/trips?limit=100', headers: admin })).json().items;
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('gives one trip’s cost per member and per person-day (headcount × days) and its outcomes by type', async () => {
    const seoul = trips.find((t) => t.start === '2015-04-06') as Trip;
    const res = await app.inject({ url: `/api/v1/analytics/trips/${seoul.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const days = (Date.parse(seoul.end) - Date.parse(seoul.start)) / 86_400_000 + 1;
    expect(res.json()).toMatchObject({ cost: 512_005, costBasis: 'actual', headcount: 7, headcountBasis: 'stated', days, personDays: 7 * days, costPerMember: Math.round(512_005 / 7), costPerPersonDay: Math.round(512_005 / (7 * days)), outcomes: 3 });
    expect(res.json().outcomesByType).toEqual({ other: 1, 'return-visit': 1, 'event-promotion': 1 });
    expect((await app.inject({ url: '/api/v1/analytics/trips/nope' })).statusCode).toBe(404);
  });

  it('sums the ledger and filters by year, country, person and theme', async () => {
    const all = (await app.inject({ url: '/api/v1/analytics/summary' })).json();
    expect(all).toMatchObject({ trips: 14, tripsWithCost: 10, totalCost: 7_836_797, outcomes: 59 });
    expect(all.tripsPerCountry[0]).toEqual({ countryCode: 'JP', country: '日本', trips: 4 });
    expect(all.followUps.total).toBeGreaterThan(20);
    expect(all.followUps.realisationRate).toBeGreaterThan(0.9);
    expect(all.outcomesPerTheme['flora-expo']).toBeGreaterThan(8);
    expect((await app.inject({ url: '/api/v1/analytics/summary?year=106' })).json().trips).toBe(5);
    expect((await app.inject({ url: '/api/v1/analytics/summary?country=KR' })).json().trips).toBe(3);
    expect((await app.inject({ url: `/api/v1/analytics/summary?person=${encodeURIComponent('呂曜志')}` })).json().trips).toBe(4);
    const sister = (await app.inject({ url: '/api/v1/analytics/summary?theme=sister-cities' })).json();
    expect(sister.outcomes).toBe(sister.outcomesPerTheme['sister-cities']);
    const perTrip = (await app.inject({ url: '/api/v1/analytics/trips?year=2016' })).json() as { items: { tripId: string; start: string }[]; total: number };
    expect(perTrip.items.length).toBeGreaterThan(0);
    expect(perTrip.items.every((t) => t.start.startsWith('2016'))).toBe(true);
    expect(perTrip.total).toBe(perTrip.items.length);
    // Paged in the ledger's order (start date, then id); the total counts every matching trip.
    const every = (await app.inject({ url: '/api/v1/analytics/trips' })).json() as { items: { tripId: string; start: string }[]; total: number };
    expect(every.total).toBe(all.trips);
    expect(every.items.map((t) => t.start)).toEqual(every.items.map((t) => t.start).sort());
    const second = (await app.inject({ url: '/api/v1/analytics/trips?limit=5&offset=5' })).json() as { items: { tripId: string }[]; total: number };
    expect(second).toEqual({ items: every.items.slice(5, 10), total: every.total });
    expect((await app.inject({ url: '/api/v1/analytics/summary?year=abc' })).json().message).toContain('year');
  });

  it('lints the ledger: unsettled trips, outcomes without follow-up, duplicates in a list', async () => {
    const res = await app.inject({ url: '/api/v1/analytics/lints?asOf=2018-12-31&settlementGraceDays=90', headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    const { items, counts } = res.json() as { items: { code: string; message: string }[]; counts: Record<string, number> };
    expect(counts['settlement-missing']).toBe(4);
    expect(items.filter((l) => l.code === 'duplicate-in-list').map((l) => l.message)).toEqual([expect.stringContaining('NVIDIA')]);
    expect(counts['outcome-without-follow-up']).toBeGreaterThan(20);
  });
});
