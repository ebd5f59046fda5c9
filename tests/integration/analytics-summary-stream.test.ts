import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { ledgerSummary, type LedgerFilter } from '#app/domain/analytics/ledger-summary.ts';
import { tripCostRatios } from '#app/domain/analytics/trip-cost-ratios.ts';
import { buildApp } from '#app/server/app.ts';
import type { Principal } from '#app/server/auth/principal.ts';
import { tripVisibility, tripVisibilityRule } from '#app/server/outcomes/trip-visibility.ts';
import { loadLedgerSnapshot } from '#app/store/analytics/ledger-snapshot.ts';
import { readLedgerSummary } from '#app/store/analytics/ledger-summary-reader.ts';
import { FILTERS, PRINCIPALS, seedAnalyticsLedger, THEMES } from '#tests/analytics/analytics-test-ledger.ts';
import { referenceLedgerSummary } from '#tests/analytics/reference-ledger-summary.ts';
import { createStaff } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

// The streamed summary (pages of trips, their outcomes and follow-ups, visibility and year in SQL)
// must equal the in-memory summary over the whole snapshot as it was computed before, for every
// filter and every reader (tests/analytics/analytics-test-ledger.ts). Small pages make the keyset
// cross trips that start on the same day.

const TOKEN = 'analytics-stream-test-token-0123456789';
const TODAY = '2019-06-01';

describe.each(DATABASE_KINDS)('streamed ledger summary on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
    await seedAnalyticsLedger(store);
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
