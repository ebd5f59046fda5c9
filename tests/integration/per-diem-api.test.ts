import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#app/server/app.ts';
import { createStaff } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const SAMPLE = readFileSync(new URL('../../samples/per-diem-rates.sample.csv', import.meta.url), 'utf8');

describe.each(DATABASE_KINDS)('per-diem API on %s', (kind) => {
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

  const check = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/per-diem/check', headers: staff.clerk.headers, payload: payload as object });

  it('loads the sample table (labelled as a sample), keeps versions, and refuses a bad CSV naming the line', async () => {
    const csv = { ...staff.secretariat.headers, 'content-type': 'text/csv' };
    expect((await check({ exchangeRate: { twdPerUsd: 32, date: '2024-04-30' }, days: [{ date: '2024-05-01', countryCode: 'JP' }], members: [{ name: '甲' }] })).statusCode).toBe(409);
    const first = await app.inject({ method: 'PUT', url: '/api/v1/per-diem/rates?name=sample.csv', headers: csv, payload: SAMPLE });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ sample: true, rowCount: 14 });
    const bad = await app.inject({ method: 'PUT', url: '/api/v1/per-diem/rates', headers: csv, payload: 'country_code,country,city,usd_per_day,effective_from\nJP,日本,,abc,2024-01-01\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('body.line2.usd_per_day');
    expect((await app.inject({ method: 'PUT', url: '/api/v1/per-diem/rates', headers: csv, payload: SAMPLE.replace('JP,日本,東京,300,2025-01-01', 'JP,日本,東京,310,2025-01-01') })).statusCode).toBe(200);
    const versions = (await app.inject({ url: '/api/v1/per-diem/rate-tables', headers: staff.auditor.headers })).json();
    expect(versions).toHaveLength(2);
  });

  it('computes each member’s allowance and flags claims above it with the rule broken', async () => {
    const days = [
      { date: '2024-05-01', countryCode: 'JP', city: '東京', night: 'plane' },
      { date: '2024-05-02', countryCode: 'JP', city: '東京', mealsProvided: { dinner: true } },
      { date: '2024-05-03', countryCode: 'JP', city: '東京', night: 'home' },
    ];
    const res = await check({
      exchangeRate: { twdPerUsd: 32, date: '2024-04-30' },
      days,
      members: [
        { name: '林佳龍', claims: [{ date: '2024-05-02', lodging: 6272, meals: 1075, incidentals: 896 }] },
        { name: '陳盛山', claims: [{ date: '2024-05-01', lodging: 3000 }, { date: '2024-05-02', meals: 1792 }, { date: '2024-05-03', meals: 3000 }] },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // 280 USD × 32: plane night 30 % = 2688; host dinner: 8960 − 8 % (717) = 8243; return day 30 % = 2688.
    expect(body.members[0].days.map((d: { allowedTwd: number }) => d.allowedTwd)).toEqual([2688, 8243, 2688]);
    expect(body.members[0].flags).toEqual([]);
    expect(body.members[1].flags.map((f: { date: string; rule: string }) => `${f.date} ${f.rule}`)).toEqual(['2024-05-01 plane-night', '2024-05-02 host-meals', '2024-05-03 return-day']);
    expect(body.compliant).toBe(false);
  });

  it('answers bad itineraries with 400 naming the field, in English and Chinese', async () => {
    const base = { exchangeRate: { twdPerUsd: 32, date: '2024-04-30' }, days: [{ date: '2024-05-01', countryCode: 'JP' }], members: [{ name: '甲' }] };
    const cases: [unknown, string][] = [
      [{ ...base, days: [{ date: '2024-05-01', countryCode: 'XX' }] }, 'body.days.0.countryCode'],
      [{ ...base, days: [{ date: '2024-05-01', countryCode: 'FR' }] }, 'body.days.0.countryCode'],
      [{ ...base, exchangeRate: { twdPerUsd: 32, date: '2024-05-01' } }, 'body.exchangeRate.date'],
      [{ ...base, exchangeRate: { twdPerUsd: -1, date: '2024-04-30' } }, 'body.exchangeRate.twdPerUsd'],
      [{ ...base, days: [{ date: '2024-02-30', countryCode: 'JP' }] }, 'body.days.0.date'],
      [{ ...base, members: [{ name: '甲', claims: [{ date: '2024-05-01', lodging: 1.5 }] }] }, 'body.members.0.claims.0.lodging'],
    ];
    for (const [payload, field] of cases) {
      const res = await check(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toContain(field);
      expect(res.json().messageZh).toContain('欄位');
    }
  });
});
