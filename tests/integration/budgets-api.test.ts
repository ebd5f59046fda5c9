import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { buildApp } from '#app/server/app.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { CLERK_AGENCY, createStaff } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

// The city-wide overseas-travel budget the seed report quotes (100年 → 107年); the years between are illustrative.
const SERIES: [number, number][] = [[100, 12_000_000], [101, 11_000_000], [102, 10_500_000], [103, 10_000_000], [104, 9_000_000], [105, 8_500_000], [106, 8_000_000], [107, 7_800_000]];

describe.each(DATABASE_KINDS)('budgets API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let staff: Awaited<ReturnType<typeof createStaff>>;

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: undefined } });
    staff = await createStaff(store, app);
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('enters the multi-year city series and serves it for charting', async () => {
    for (const [fiscalYear, amount] of SERIES) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/budgets', headers: staff.secretariat.headers, payload: { fiscalYear, amount } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const series = (await app.inject({ url: '/api/v1/budgets/series' })).json();
    expect(series.points.map((p: { label: string; amount: number }) => [p.label, p.amount])).toEqual(SERIES.map(([y, a]) => [`${y}年`, a]));
    expect(series.points[7].gregorianYear).toBe(2018);
    const again = await app.inject({ method: 'POST', url: '/api/v1/budgets', headers: staff.secretariat.headers, payload: { fiscalYear: 107, amount: 1 } });
    expect(again.statusCode).toBe(409);
  });

  it('charges a trip to its agency budget, else to the city-wide one', async () => {
    await app.inject({ method: 'POST', url: '/api/v1/budgets', headers: staff.secretariat.headers, payload: { fiscalYear: 108, amount: 1_000_000 } });
    const trip = (await app.inject({ method: 'POST', url: '/api/v1/trips', headers: staff.clerk.headers, payload: buildTripInput({ organisingAgency: CLERK_AGENCY }) })).json() as Trip;
    const view = (await app.inject({ url: `/api/v1/trips/${trip.id}/workflow`, headers: staff.clerk.headers })).json();
    expect(view.budget).toMatchObject({ fiscalYear: 108, agency: '', figures: { allocated: 1_000_000, remaining: 1_000_000 } });
    await app.inject({ method: 'POST', url: '/api/v1/budgets', headers: staff.secretariat.headers, payload: { fiscalYear: 108, agency: CLERK_AGENCY, amount: 300_000 } });
    const own = (await app.inject({ url: `/api/v1/trips/${trip.id}/workflow`, headers: staff.clerk.headers })).json();
    expect(own.budget).toMatchObject({ agency: CLERK_AGENCY, figures: { allocated: 300_000 } });
  });

  it('answers bad input with 400 naming the field in both languages, never 500, and changes nothing', async () => {
    const post = (payload: unknown, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/v1/budgets', headers: { ...staff.secretariat.headers, ...headers }, payload: payload as string });
    const cases: [unknown, string][] = [
      [{ fiscalYear: 109, amount: -5 }, 'body.amount'],
      [{ fiscalYear: 109, amount: 1.5 }, 'body.amount'],
      [{ fiscalYear: 'abc', amount: 5 }, 'body.fiscalYear'],
      [{ fiscalYear: 109, amount: 5, colour: 'red' }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toContain(field);
      expect(res.json().messageZh).toContain('欄位');
    }
    expect((await post('{"fiscalYear": ', { 'content-type': 'application/json' })).statusCode).toBe(400);
    const huge = await post(JSON.stringify({ fiscalYear: 109, amount: 5, reason: 'x'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().messageZh).toBeTruthy();
    const trip = buildTripInput({ organisingAgency: CLERK_AGENCY });
    const unknownCountry = await app.inject({ method: 'POST', url: '/api/v1/trips', headers: staff.clerk.headers, payload: { ...trip, destinations: [{ country: '無此國', countryCode: 'XX', cities: [] }] } });
    expect(unknownCountry.statusCode).toBe(400);
    expect(unknownCountry.json().message).toContain('body.destinations.0.countryCode');
    const badTransition = await app.inject({ method: 'POST', url: '/api/v1/trips/whatever/transitions', headers: staff.clerk.headers, payload: { action: 'fly', version: 1 } });
    expect(badTransition.statusCode).toBe(400);
    expect(badTransition.json().message).toContain('body.action');
    expect((await app.inject({ url: '/api/v1/budgets?fiscalYear=109', headers: staff.auditor.headers })).json()).toEqual([]);
  });

  it('loses no adjustment when many writers race on one budget', async () => {
    const created = (await app.inject({ method: 'POST', url: '/api/v1/budgets', headers: staff.secretariat.headers, payload: { fiscalYear: 110, amount: 100 } })).json();
    let version = created.version as number;
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => app.inject({ method: 'PATCH', url: `/api/v1/budgets/${created.id}`, headers: staff.secretariat.headers, payload: { version, amount: 1000 * round + i, reason: `writer ${round}-${i}` } })),
      );
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(7);
      version += 1;
    }
    const detail = (await app.inject({ url: `/api/v1/budgets/${created.id}`, headers: staff.auditor.headers })).json();
    expect(detail.version).toBe(5);
    expect(detail.adjustments).toHaveLength(5);
    const audited = (await app.inject({ url: `/api/v1/audit?entityType=budget&entityId=${created.id}`, headers: staff.auditor.headers })).json().items;
    expect(audited).toHaveLength(5);
  });

  it('lets exactly one of many racing approvers move a trip', async () => {
    await app.inject({ method: 'POST', url: '/api/v1/budgets', headers: staff.secretariat.headers, payload: { fiscalYear: 111, agency: CLERK_AGENCY, amount: 10_000_000 } });
    let trip = (await app.inject({ method: 'POST', url: '/api/v1/trips', headers: staff.clerk.headers, payload: buildTripInput({ organisingAgency: CLERK_AGENCY, start: '2022-03-01', end: '2022-03-02' }) })).json() as Trip;
    trip = (await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: staff.clerk.headers, payload: { action: 'submit', version: trip.version } })).json().trip;
    const results = await Promise.all(Array.from({ length: 6 }, () => app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: staff.approver.headers, payload: { action: 'approve', version: trip.version } })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
    const history = (await app.inject({ url: `/api/v1/trips/${trip.id}/workflow`, headers: staff.auditor.headers })).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['submit', 'approve']);
  });
});
