import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SAMPLE_BUDGET_ACTOR } from '#app/import/sample-budget-series.ts';
import { councilReportModel, loadSelectedTrips, loadStoredBudgetSeries } from '#app/reports/report-service.ts';
import { loadTemplates } from '#app/reports/report-templates.ts';
import { buildApp } from '#app/server/app.ts';
import { seedIfEmpty } from '#app/server/start-server.ts';
import { createStaff } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const silent = { info: () => {} };
const TEMPLATE_SENTENCE = '自 100 年預算數 1,200 萬元，逐年減編至 107 年預算數';

// Issue 4: the city-wide series the seed report quotes (100年 12,000,000 → 107年 7,800,000) is
// entered through the budgets API (agency '' = city-wide), charted from the public series, and
// quoted by the council report's closing in place of the template settings.
describe.each(DATABASE_KINDS)('the city-wide budget series on %s', (kind) => {
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

  const closingOf = async () => {
    const selection = { publishedOnly: true };
    const trips = await loadSelectedTrips(store, selection);
    const model = councilReportModel(trips, { selection, templates: loadTemplates(), storedBudgetSeries: await loadStoredBudgetSeries(store) }, '2018-05-11');
    return model.closing;
  };
  const series = async () => ((await app.inject({ url: '/api/v1/budgets/series' })).json() as { agency: string; points: { fiscalYear: number; amount: number }[] }).points.map((p) => [p.fiscalYear, p.amount]);

  it('seeds exactly the two years the sample report states, marked as taken from it, and not again', async () => {
    expect(await loadStoredBudgetSeries(store)).toEqual([]);
    expect(await seedIfEmpty(store, silent)).toBe(14);
    expect(await series()).toEqual([
      [100, 12_000_000],
      [107, 7_800_000],
    ]);
    expect(await seedIfEmpty(store, silent)).toBe(0);
    const budgets = (await app.inject({ url: '/api/v1/budgets?agency=', headers: staff.auditor.headers })).json() as { id: string }[];
    expect(budgets).toHaveLength(2);
    for (const b of budgets) {
      const detail = (await app.inject({ url: `/api/v1/budgets/${b.id}`, headers: staff.auditor.headers })).json() as { agency: string; adjustments: { actorId: string; reason: string }[] };
      expect(detail.agency).toBe('');
      expect(detail.adjustments).toEqual([expect.objectContaining({ actorId: SAMPLE_BUDGET_ACTOR, reason: expect.stringContaining('範例報告 taichung-council-report-2018-05-11.txt') })]);
    }
    // The seeded series is what the template says, so the seed's closing reads the same either way.
    const closing = await closingOf();
    expect(closing.paragraphs.join('')).toContain('自 100 年預算數 1,200 萬元，逐年減編至 107 年預算數 780 萬元，8 年前後相比，減列 420 萬元');
  });

  it('enters and adjusts years through the API, reads them back, and the report closing follows them', async () => {
    const h = staff.secretariat.headers;
    const created = await app.inject({ method: 'POST', url: '/api/v1/budgets', headers: h, payload: { fiscalYear: 108, agency: '', amount: 7_000_000, reason: '108 年度總預算書' } });
    expect(created.statusCode, created.body).toBe(201);
    const y107 = ((await app.inject({ url: '/api/v1/budgets?fiscalYear=107&agency=', headers: h })).json() as { id: string; version: number }[])[0]!;
    const noReason = await app.inject({ method: 'PATCH', url: `/api/v1/budgets/${y107.id}`, headers: h, payload: { version: y107.version, amount: 7_500_000 } });
    expect(noReason.statusCode).toBe(400);
    const adjusted = await app.inject({ method: 'PATCH', url: `/api/v1/budgets/${y107.id}`, headers: h, payload: { version: y107.version, amount: 7_500_000, reason: '依追加減預算修正' } });
    expect(adjusted.statusCode, adjusted.body).toBe(200);

    expect(await series()).toEqual([
      [100, 12_000_000],
      [107, 7_500_000],
      [108, 7_000_000],
    ]);
    expect(await loadStoredBudgetSeries(store)).toEqual([
      { rocYear: 100, amount: 12_000_000 },
      { rocYear: 107, amount: 7_500_000 },
      { rocYear: 108, amount: 7_000_000 },
    ]);
    const closing = await closingOf();
    expect(closing.paragraphs.join('')).toContain('自 100 年預算數 1,200 萬元，逐年減編至 108 年預算數 700 萬元，9 年前後相比，減列 500 萬元');
    expect(closing.budgetSeries).toEqual([
      { year: '100 年', amount: '新臺幣 1,200 萬元' },
      { year: '107 年', amount: '新臺幣 750 萬元' },
      { year: '108 年', amount: '新臺幣 700 萬元' },
    ]);

    // The report the secretariat generates over HTTP says the same.
    const report = await app.inject({ method: 'POST', url: '/api/v1/reports/council', headers: h, payload: { format: 'html', reportDate: '2018-05-11' } });
    expect(report.statusCode, report.body.slice(0, 300)).toBe(200);
    expect(report.body).toContain('逐年減編至 108 年預算數 700 萬元');
    // A series given for one report still wins over the stored one.
    const given = await app.inject({ method: 'POST', url: '/api/v1/reports/council', headers: h, payload: { format: 'html', reportDate: '2018-05-11', budgetSeries: [{ rocYear: 100, amount: 12_000_000 }, { rocYear: 107, amount: 7_800_000 }] } });
    expect(given.body).toContain('逐年減編至 107 年預算數 780 萬元');
  });

  it('falls back to the template settings when no city-wide year is stored', async () => {
    const selection = { publishedOnly: true };
    const trips = await loadSelectedTrips(store, selection);
    const model = councilReportModel(trips, { selection, templates: loadTemplates(), storedBudgetSeries: [] }, '2018-05-11');
    expect(model.closing.paragraphs.join('')).toContain(`${TEMPLATE_SENTENCE} 780 萬元`);
    expect(model.closing.budgetSeries.map((y) => y.year)).toEqual(['100 年', '107 年']);
  });
});
