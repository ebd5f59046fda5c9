import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { tripMatches, type LedgerFilter } from '#app/domain/analytics/ledger-summary.ts';
import { tripCostRatios, type TripCostRatios } from '#app/domain/analytics/trip-cost-ratios.ts';
import { buildApp } from '#app/server/app.ts';
import type { Principal } from '#app/server/auth/principal.ts';
import { tripVisibility, tripVisibilityRule } from '#app/server/outcomes/trip-visibility.ts';
import { loadLedgerSnapshot } from '#app/store/analytics/ledger-snapshot.ts';
import { readTripCostRatios } from '#app/store/analytics/trip-cost-ratio-reader.ts';
import { FILTERS, PRINCIPALS, seedAnalyticsLedger } from '#tests/analytics/analytics-test-ledger.ts';
import { createStaff } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

// GET /analytics/trips answers a page of the matching trips' ratios and how many match. Streamed
// (pages of trips with only the columns needed, visibility, year and theme in SQL), its pages put
// end to end must equal the whole list as it was computed before, from the in-memory snapshot, in
// the same order (start date, then id), for every filter and every reader.

const TOKEN = 'analytics-ratios-stream-test-token-0123456789';

describe.each(DATABASE_KINDS)('streamed per-trip cost ratios on %s', (kind) => {
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

  /** The whole list as the endpoint computed it before it was paged: the snapshot, filtered. */
  const reference = async (principal: Principal | null, filter: LedgerFilter): Promise<TripCostRatios[]> => {
    const snapshot = await loadLedgerSnapshot(store.db, await tripVisibility(store.db as unknown as Kysely<unknown>, principal));
    return snapshot.trips.filter((t) => tripMatches(t, filter, snapshot.outcomes)).map((t) => tripCostRatios(t, snapshot.outcomes));
  };

  /** Every page of `limit` from the reader, put end to end; each page's total must be the same. */
  const allPages = async (principal: Principal | null, filter: LedgerFilter, limit: number, paging: { pageSize?: number; outcomesPerQuery?: number }) => {
    const items: TripCostRatios[] = [];
    const totals = new Set<number>();
    for (let offset = 0; ; offset += limit) {
      const page = await readTripCostRatios(store.db, filter, { limit, offset }, tripVisibilityRule(principal), paging);
      totals.add(page.total);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      if (page.items.length < limit) break;
    }
    return { items, totals: [...totals] };
  };

  it('has a ledger in which the filters and readers see different trips, some starting on the same day', async () => {
    const everything = await reference(PRINCIPALS.auditor as Principal, {});
    expect(everything).toHaveLength(60);
    expect(new Set(everything.map((t) => t.start)).size).toBeLessThan(40);
    const published = await reference(null, {});
    expect(published.length).toBeGreaterThan(10);
    expect(published.length).toBeLessThan(60);
    expect((await reference(PRINCIPALS.clerk as Principal, {})).length).toBeGreaterThan(published.length);
    expect(published.some((t) => t.outcomes > 0 && Object.keys(t.outcomesByType).length > 1)).toBe(true);
    expect(published.some((t) => t.cost === null)).toBe(true);
  });

  for (const [who, principal] of Object.entries(PRINCIPALS)) {
    it(`pages, end to end, equal the whole in-memory list for every filter, as seen by ${who}`, async () => {
      for (const filter of FILTERS) {
        const expected = await reference(principal, filter);
        for (const [limit, paging] of [
          [7, { pageSize: 4, outcomesPerQuery: 3 }],
          [1, {}],
          [1000, { pageSize: 1 }],
          [3, { pageSize: 1000, outcomesPerQuery: 7 }],
        ] as const) {
          const { items, totals } = await allPages(principal, filter, limit, paging);
          const label = `${JSON.stringify(filter)} by ${limit} in pages of ${JSON.stringify(paging)}`;
          expect(items, label).toEqual(expected);
          expect(totals, label).toEqual([expected.length]);
        }
        const beyond = await readTripCostRatios(store.db, filter, { limit: 5, offset: expected.length }, tripVisibilityRule(principal));
        expect(beyond).toEqual({ items: [], total: expected.length });
      }
    });
  }

  it('answers GET /analytics/trips a page at a time, equal to the whole list, for the public, a clerk and staff', async () => {
    const staff = await createStaff(store, app);
    const readers: [Principal | null, Record<string, string>][] = [
      [null, {}],
      [PRINCIPALS.clerk as Principal, staff.clerk.headers],
      [PRINCIPALS.auditor as Principal, staff.auditor.headers],
      [PRINCIPALS.auditor as Principal, { authorization: `Bearer ${TOKEN}` }],
    ];
    for (const [principal, headers] of readers) {
      for (const query of ['', 'year=2017', 'year=106', 'country=JP', `agency=${encodeURIComponent('局')}`, 'theme=tourism', `person=${encodeURIComponent('林')}&year=2018`]) {
        const filter = Object.fromEntries(new URLSearchParams(query)) as Record<string, string>;
        const parsed: LedgerFilter = { ...filter, year: filter.year ? (Number(filter.year) < 1911 ? Number(filter.year) + 1911 : Number(filter.year)) : undefined };
        const expected = await reference(principal, parsed);
        const label = `${query} as ${principal?.roles.join() ?? 'public'}`;
        // The default page (100) holds the whole small ledger.
        const whole = await app.inject({ url: `/api/v1/analytics/trips${query ? `?${query}` : ''}`, headers });
        expect(whole.statusCode, whole.body).toBe(200);
        expect(whole.json(), label).toEqual({ items: expected, total: expected.length });
        const items: TripCostRatios[] = [];
        for (let offset = 0; offset < expected.length + 4; offset += 4) {
          const res = await app.inject({ url: `/api/v1/analytics/trips?${query ? `${query}&` : ''}limit=4&offset=${offset}`, headers });
          expect(res.statusCode, res.body).toBe(200);
          const page = res.json() as { items: TripCostRatios[]; total: number };
          expect(page.total, label).toBe(expected.length);
          items.push(...page.items);
        }
        expect(items, label).toEqual(expected);
      }
    }
  });

  it('refuses a page size outside 1–1000 or a negative offset, and documents limit, offset and total', async () => {
    for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'limit=2.5', 'offset=-1', 'offset=x']) {
      const res = await app.inject({ url: `/api/v1/analytics/trips?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message, query).toMatch(/limit|offset/);
    }
    const most = await app.inject({ url: '/api/v1/analytics/trips?limit=1000&offset=2' });
    expect(most.statusCode, most.body).toBe(200);
    expect(most.json().items).toEqual((await reference(null, {})).slice(2));
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, { get: { parameters: { name: string; in: string; schema: { minimum?: number; maximum?: number; default?: number } }[]; responses: Record<string, unknown> } }>;
    };
    const operation = doc.paths['/api/v1/analytics/trips']?.get;
    const params = Object.fromEntries((operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
    expect(params.limit).toMatchObject({ minimum: 1, maximum: 1000, default: 100 });
    expect(params.offset).toMatchObject({ minimum: 0, default: 0 });
    expect(Object.keys(params)).toEqual(expect.arrayContaining(['year', 'agency', 'country', 'person', 'theme']));
    expect(JSON.stringify(operation?.responses['200'])).toContain('total');
  });
});
