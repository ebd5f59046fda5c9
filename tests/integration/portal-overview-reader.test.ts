import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TripOverviewBuilder, tripOverviewFacts, type TripOverview } from '#app/domain/portal/trip-overview.ts';
import { isPublicTrip, toPublicTrip } from '#app/domain/trips/public-trip.ts';
import { tripInput, type SettlementStatus, type Trip, type TripInput } from '#app/domain/trips/trip-schema.ts';
import { isPublished, LIFECYCLE_STATES } from '#app/domain/workflow/lifecycle-state.ts';
import { buildApp } from '#app/server/app.ts';
import { readTripOverview } from '#app/store/portal/trip-overview-reader.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { ReferenceTripOverviewBuilder } from '#tests/portal/reference-trip-overview.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

// The overview read in pages of published trips with only the columns it needs must equal the
// overview as it was computed before: the builder over every hydrated trip (`TripRepository.all()`)
// that `isPublicTrip` lets through, in its public form. Small pages make the keyset cross trips
// that start on the same day; every lifecycle state is present, drafts and the like must not count.

const TOKEN = 'portal-overview-test-token-0123456789';
const PLACES: TripInput['destinations'][] = [
  [{ country: '日本', countryCode: 'JP', cities: ['東京'] }],
  [
    { country: '韓國', countryCode: 'KR', cities: ['首爾'] },
    { country: '日本', countryCode: 'JP', cities: ['大阪'] },
  ],
  // The same country under another name: the first trip in ledger order names it.
  [{ country: 'Japan', countryCode: 'JP', cities: ['Nagoya'] }],
  [{ country: '日本', countryCode: null, cities: [] }],
  [
    { country: '美國', countryCode: 'US', cities: ['舊金山'] },
    { country: '美國', countryCode: 'US', cities: ['洛杉磯'] },
    { country: '加拿大', countryCode: 'CA', cities: [] },
  ],
  [],
  // Equal names under different keys: ties keep the order the countries were first met.
  [{ country: '韓國', countryCode: null, cities: [] }],
  [
    { country: 'Korea', countryCode: 'KR', cities: [] },
    { country: '新加坡', countryCode: 'SG', cities: [] },
  ],
];
const NAMES = ['林佳龍', '陳盛山', '呂曜志', '王大明'];
const SETTLEMENT: SettlementStatus[] = ['planned', 'settling', 'settled', 'pending', 'settled'];

function tripOf(i: number): TripInput {
  const year = 2015 + (i % 4);
  const start = `${year}-0${1 + (i % 3)}-1${i % 2}`;
  const end = `${year}-0${1 + (i % 3)}-${String(11 + (i % 7)).padStart(2, '0')}`;
  return tripInput.parse(
    buildTripInput({
      title: `出國案 ${i}`,
      start,
      end,
      destinations: PLACES[i % PLACES.length] as TripInput['destinations'],
      members: Array.from({ length: i % 4 }, (_, m) => ({ name: NAMES[(i + m) % NAMES.length] as string, title: '專門委員', agency: null, role: m === 0 ? ('leader' as const) : ('member' as const) })),
      headcount: i % 3 === 1 ? null : 2 + (i % 5),
      budget: {
        currency: 'TWD',
        estimate: 100_000 + i,
        approved: null,
        actual: i % 2 === 0 ? null : 80_000 + i * 1_313,
        status: SETTLEMENT[i % SETTLEMENT.length] as SettlementStatus,
        estimateBreakdown: {},
        actualBreakdown: {},
      },
      outcomes: Array.from({ length: i % 5 }, (_, k) => ({ text: `成果 ${i}-${k}` })),
    }),
  );
}

describe.each(DATABASE_KINDS)('portal overview read in pages on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let emptyOverview: TripOverview;
  const stored: Trip[] = [];

  /** The overview as the portal computed it before: whole trips, filtered and made public in memory. */
  async function referenceOverview(latestCount: number): Promise<TripOverview> {
    const builder = new ReferenceTripOverviewBuilder(latestCount);
    for await (const trip of new TripRepository(store.db).all()) if (isPublicTrip(trip)) builder.add(toPublicTrip(trip));
    return builder.result();
  }

  beforeAll(async () => {
    store = await createTestStore(kind);
    emptyOverview = await readTripOverview(store.db);
    const repo = new TripRepository(store.db);
    for (let i = 0; i < 77; i++) stored.push(await repo.insert(tripOf(i), { state: LIFECYCLE_STATES[i % LIFECYCLE_STATES.length] }));
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app?.close();
    await store?.cleanup();
  });

  it('answers an empty ledger with zeros and no dates', () => {
    expect(emptyOverview).toStrictEqual({ tripCount: 0, firstStart: null, lastEnd: null, actualTotal: 0, tripsWithActual: 0, tripsWithoutActual: 0, outcomeCount: 0, travellerCount: 0, countries: [], years: [], latest: [] });
  });

  it('counts only the published trips', async () => {
    const published = stored.filter((t) => isPublished(t.lifecycleState));
    expect(published.length).toBeGreaterThan(0);
    expect(published.length).toBeLessThan(stored.length);
    const all = await readTripOverview(store.db, stored.length, { pageSize: 7 });
    expect(all.tripCount).toBe(published.length);
    expect(all.latest.map((t) => t.id).sort()).toEqual(published.map((t) => t.id).sort());
  });

  it.each([
    [5, undefined],
    [5, 1],
    [5, 7],
    [3, 13],
    [1, 2000],
    [100, 4],
  ])('equals the overview over whole public trips (latest %i, pages of %s)', async (latestCount, pageSize) => {
    const expected = await referenceOverview(latestCount);
    expect(expected.tripCount).toBeGreaterThan(20);
    expect(expected.countries.length).toBeGreaterThan(4);
    expect(await readTripOverview(store.db, latestCount, pageSize === undefined ? {} : { pageSize })).toStrictEqual(expected);
  });

  it('builds the same overview from the facts of whole trips', async () => {
    const builder = new TripOverviewBuilder(5);
    for await (const trip of new TripRepository(store.db).all(9)) if (isPublicTrip(trip)) builder.add(tripOverviewFacts(toPublicTrip(trip)));
    expect(builder.result()).toStrictEqual(await referenceOverview(5));
  });

  it('serves the same overview at GET /api/v1/portal/overview', async () => {
    const res = await app.inject({ url: '/api/v1/portal/overview' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toStrictEqual(JSON.parse(JSON.stringify(await referenceOverview(5))));
  });
});
