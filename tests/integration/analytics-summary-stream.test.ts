import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { ledgerSummary, type LedgerFilter } from '#app/domain/analytics/ledger-summary.ts';
import { tripCostRatios } from '#app/domain/analytics/trip-cost-ratios.ts';
import { tripInput, type TripInput } from '#app/domain/trips/trip-schema.ts';
import { LIFECYCLE_STATES } from '#app/domain/workflow/lifecycle-state.ts';
import { buildApp } from '#app/server/app.ts';
import { tripVisibilityRule } from '#app/server/analytics/analytics-routes.ts';
import type { Principal } from '#app/server/auth/principal.ts';
import { tripVisibility } from '#app/server/outcomes/trip-visibility.ts';
import { loadLedgerSnapshot } from '#app/store/analytics/ledger-snapshot.ts';
import { readLedgerSummary } from '#app/store/analytics/ledger-summary-reader.ts';
import { outcomeDb } from '#app/store/outcomes/outcome-db.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { referenceLedgerSummary } from '#tests/analytics/reference-ledger-summary.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { CLERK_AGENCY, createStaff, OTHER_AGENCY } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

// The streamed summary (pages of trips, their outcomes and follow-ups, visibility and year in SQL)
// must equal the in-memory summary over the whole snapshot as it was computed before, for every
// filter and every reader. Small pages make the keyset cross trips that start on the same day.

const TOKEN = 'analytics-stream-test-token-0123456789';
const TODAY = '2019-06-01';
const AGENCIES = [CLERK_AGENCY, OTHER_AGENCY, '秘書處'];
const PLACES: TripInput['destinations'][] = [
  [{ country: '日本', countryCode: 'JP', cities: ['東京'] }],
  [
    { country: '韓國', countryCode: 'KR', cities: ['首爾'] },
    { country: '日本', countryCode: 'JP', cities: ['大阪'] },
  ],
  [{ country: 'Japan', countryCode: 'JP', cities: ['Nagoya'] }],
  [{ country: '日本', countryCode: null, cities: [] }],
  [
    { country: '美國', countryCode: 'US', cities: ['舊金山'] },
    { country: '美國', countryCode: 'US', cities: ['洛杉磯'] },
  ],
  [],
  [{ country: '新加坡', countryCode: 'SG', cities: [] }],
];
const NAMES = ['林佳龍', '陳盛山', '呂曜志', '林陳海', '王大明'];
const TYPES = ['sister-friendship-city', 'mou-agreement', null, 'event-promotion', 'other', 'investment'];
const STATUSES = ['claimed', 'in-progress', 'realised', 'lapsed', 'realised'];
const THEMES = ['tourism', 'sister-cities', 'investment'];
const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled', 'open', 'done'];
const DUE = ['2018-12-31', null, '2019-05-31', '2020-01-15', '2019-06-01'];

function tripOf(i: number): TripInput {
  const year = 2016 + (i % 5);
  const start = `${year}-0${1 + (i % 3)}-1${i % 2}`;
  const end = `${year}-0${1 + (i % 3)}-${String(11 + (i % 7)).padStart(2, '0')}`;
  const members = Array.from({ length: i % 4 }, (_, m) => ({
    name: NAMES[(i + m) % NAMES.length] as string,
    title: m === 0 && i % 6 === 0 ? `${OTHER_AGENCY}局長` : '專門委員',
    agency: m % 2 ? null : (AGENCIES[(i + m) % 3] as string),
    role: m === 0 ? ('leader' as const) : ('member' as const),
  }));
  const known = <T,>(every: number, value: T) => (i % every === 0 ? null : value);
  return tripInput.parse(
    buildTripInput({
      title: `出國案 ${i}`,
      organisingAgency: AGENCIES[i % 3] as string,
      start,
      end,
      destinations: PLACES[i % PLACES.length] as TripInput['destinations'],
      members,
      headcount: i % 4 === 1 ? null : 2 + (i % 5),
      budget: { currency: 'TWD', estimate: known(7, 100_000 + i * 1_000), approved: known(3, 90_000 + i * 777), actual: known(2, 80_000 + i * 1_313), status: 'planned', estimateBreakdown: {}, actualBreakdown: {} },
      outcomes: Array.from({ length: i % 5 }, (_, k) => ({ text: `成果 ${i}-${k}` })),
    }),
  );
}

const PRINCIPALS: Record<string, Principal | null> = {
  public: null,
  clerk: { userId: 'c1', displayName: 'clerk', roles: ['clerk'], agency: CLERK_AGENCY, via: 'api-token' },
  'clerk without agency': { userId: 'c2', displayName: 'clerk', roles: ['clerk'], agency: null, via: 'api-token' },
  'no roles, with agency': { userId: 'c3', displayName: 'nobody', roles: [], agency: OTHER_AGENCY, via: 'api-token' },
  auditor: { userId: 'a1', displayName: 'auditor', roles: ['auditor'], agency: null, via: 'api-token' },
};

const FILTERS: LedgerFilter[] = [
  {},
  { year: 2017 },
  { year: 2019 },
  { year: 2031 },
  { country: 'JP' },
  { country: '日本' },
  { country: 'Japan' },
  { country: 'kr' },
  { country: '美國' },
  { person: '林' },
  { person: '呂曜志' },
  { agency: CLERK_AGENCY },
  { agency: OTHER_AGENCY },
  { agency: '局' },
  { theme: 'tourism' },
  { theme: 'sister-cities', year: 2018 },
  { theme: 'no-such-theme' },
  { agency: OTHER_AGENCY, country: 'JP' },
  { year: 2016, person: '陳', country: 'JP' },
];

describe.each(DATABASE_KINDS)('streamed ledger summary on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
    const repo = new TripRepository(store.db);
    for (let i = 0; i < 60; i++) await repo.insert(tripOf(i), { state: LIFECYCLE_STATES[i % LIFECYCLE_STATES.length] });
    // Outcome types, statuses, agencies, themes and follow-ups, varied by position.
    const db = outcomeDb(store.db);
    const outcomes = await db.selectFrom('trip_outcomes').select(['id']).orderBy('trip_id').orderBy('position').execute();
    let followUp = 0;
    for (const [k, o] of outcomes.entries()) {
      await db
        .updateTable('trip_outcomes')
        .set({ type: TYPES[k % TYPES.length] ?? null, status: STATUSES[k % STATUSES.length] as string, agency: k % 4 === 0 ? OTHER_AGENCY : k % 4 === 1 ? CLERK_AGENCY : null })
        .where('id', '=', o.id)
        .execute();
      for (const [t, theme] of THEMES.entries()) {
        if ((k + t) % (t + 2) === 0) await db.insertInto('outcome_theme_links').values({ outcome_id: o.id, theme_id: theme, state: t ? 'proposed' : 'confirmed' }).execute();
      }
      for (let f = 0; f < k % 3; f++, followUp++) {
        await db
          .insertInto('outcome_follow_ups')
          .values({
            id: `fu-${followUp}`,
            outcome_id: o.id,
            occurred_on: null,
            due_on: DUE[followUp % DUE.length] ?? null,
            description: `追蹤 ${followUp}`,
            status: FOLLOW_UP_STATUSES[followUp % FOLLOW_UP_STATUSES.length] as string,
            state: 'confirmed',
            source: 'manual',
            written: null,
            links: '[]',
            created_at: '2019-01-01T00:00:00.000Z',
            updated_at: '2019-01-01T00:00:00.000Z',
            version: 1,
          })
          .execute();
      }
    }
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  const reference = async (principal: Principal | null, filter: LedgerFilter, today = TODAY) => {
    const snapshot = await loadLedgerSnapshot(store.db, await tripVisibility(store.db as unknown as Kysely<unknown>, principal));
    return { snapshot, summary: referenceLedgerSummary(snapshot.trips, snapshot.outcomes, snapshot.followUps, filter, today) };
  };

  it('has a ledger that exercises every part of the summary', async () => {
    const { summary } = await reference(null, {});
    expect(summary.trips).toBeGreaterThan(10);
    expect(summary.trips).toBeLessThan(60);
    expect(summary.tripsWithCost).toBeLessThan(summary.trips);
    expect(summary.outcomes).toBeGreaterThan(20);
    expect(Object.keys(summary.outcomesPerTheme).sort()).toEqual([...THEMES].sort());
    expect(summary.followUps).toMatchObject({ done: expect.any(Number), open: expect.any(Number) });
    expect(summary.followUps.overdue).toBeGreaterThan(0);
    expect(summary.followUps.cancelled).toBeGreaterThan(0);
    expect(summary.tripsPerCountry.map((c) => c.country)).toContain('日本');
    const staff = (await reference(PRINCIPALS.auditor as Principal, {})).summary;
    expect(staff.trips).toBe(60);
  });

  for (const [who, principal] of Object.entries(PRINCIPALS)) {
    it(`equals the in-memory summary for every filter, as seen by ${who}`, async () => {
      for (const filter of FILTERS) {
        const { snapshot, summary: expected } = await reference(principal, filter);
        for (const paging of [{ pageSize: 1 }, { pageSize: 4, outcomesPerQuery: 3 }, { pageSize: 1000, outcomesPerQuery: 7 }, {}]) {
          expect(await readLedgerSummary(store.db, filter, TODAY, tripVisibilityRule(principal), paging), `${JSON.stringify(filter)} in pages of ${JSON.stringify(paging)}`).toEqual(expected);
        }
        expect(ledgerSummary(snapshot.trips, snapshot.outcomes, snapshot.followUps, filter, TODAY), JSON.stringify(filter)).toEqual(expected);
      }
    });
  }

  it('answers GET /analytics/summary with the same figures for the public, a clerk and staff', async () => {
    const staff = await createStaff(store, app);
    const today = new Date().toISOString().slice(0, 10);
    const readers: [Principal | null, Record<string, string>][] = [
      [null, {}],
      [PRINCIPALS.clerk as Principal, staff.clerk.headers],
      [PRINCIPALS.auditor as Principal, staff.auditor.headers],
      [PRINCIPALS.auditor as Principal, { authorization: `Bearer ${TOKEN}` }],
    ];
    for (const [principal, headers] of readers) {
      for (const query of ['', 'year=2017', 'year=106', 'country=JP', `agency=${encodeURIComponent('局')}`, 'theme=tourism', `person=${encodeURIComponent('林')}&year=2018`]) {
        const res = await app.inject({ url: `/api/v1/analytics/summary${query ? `?${query}` : ''}`, headers });
        expect(res.statusCode, res.body).toBe(200);
        const filter = Object.fromEntries(new URLSearchParams(query)) as Record<string, string>;
        const parsed: LedgerFilter = { ...filter, year: filter.year ? (Number(filter.year) < 1911 ? Number(filter.year) + 1911 : Number(filter.year)) : undefined };
        expect(res.json(), `${query} as ${principal?.roles.join() ?? 'public'}`).toEqual((await reference(principal, parsed, today)).summary);
      }
    }
  });

  it('gives one trip’s ratios from that trip alone, and hides an unpublished trip from the public', async () => {
    const { snapshot } = await reference(PRINCIPALS.auditor as Principal, {});
    const draft = snapshot.trips.find((t) => t.lifecycleState === 'draft' && t.outcomes.length > 0);
    const published = snapshot.trips.find((t) => t.lifecycleState === 'closed' && t.outcomes.length > 0);
    if (!draft || !published) throw new Error('the ledger lacks a draft or a closed trip with outcomes');
    expect((await app.inject({ url: `/api/v1/analytics/trips/${draft.id}` })).statusCode).toBe(404);
    const staffView = await app.inject({ url: `/api/v1/analytics/trips/${draft.id}`, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(staffView.json()).toEqual(tripCostRatios(draft, snapshot.outcomes));
    const publicView = await app.inject({ url: `/api/v1/analytics/trips/${published.id}` });
    expect(publicView.json()).toEqual(tripCostRatios(published, snapshot.outcomes));
  });
});
