import { describe, expect, it } from 'vitest';
import { disclosureRecord } from '#app/domain/reports/disclosure-record.ts';
import { formatChineseCount } from '#app/domain/reports/chinese-count.ts';
import { budgetSeriesSentence } from '#app/domain/reports/budget-series.ts';
import { fillTemplate } from '#app/domain/reports/report-template.ts';
import { trip as tripSchema, WORKFLOW_FIELD_DEFAULTS, type Trip } from '#app/domain/trips/trip-schema.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';

function storedTrip(overrides: Partial<Trip> = {}): Trip {
  return tripSchema.parse({ ...WORKFLOW_FIELD_DEFAULTS, ...buildTripInput(), id: 't1', lifecycleState: 'settled', crossStrait: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1, ...overrides });
}

describe('disclosure record', () => {
  it('publishes settled costs by Canada’s categories, unknown categories as empty, and the post-trip report', () => {
    const trip = storedTrip({
      budget: { currency: 'TWD', estimate: 450000, approved: 430000, actual: 420000, status: 'settled', estimateBreakdown: {}, actualBreakdown: { airfare: 200000, lodging: 120000, perDiem: 80000, other: 20000 } },
      report: { title: '赴日本名古屋市政交流出國報告', date: '2019-07-01', pages: 30, summary: '摘要', keywords: ['觀光', '航線'], bodiesVisited: [], recommendations: [], file: null },
    });
    const record = disclosureRecord(trip);
    expect(record).toMatchObject({ airfare: 200000, lodging: 120000, meals_incidentals: 80000, other_expenses: 20000, other_transport: null, total: 420000, days: 5 });
    expect(record).toMatchObject({ report_title: '赴日本名古屋市政交流出國報告', report_date: '2019-07-01', report_summary: '摘要', keywords: ['觀光', '航線'] });
    expect(record.travellers).toEqual(['市長 林佳龍（市政府）', '觀旅局局長 陳盛山（觀光旅遊局）']);
  });

  it('shows no actual costs before settlement and falls back to outcome themes for keywords', () => {
    const record = disclosureRecord(storedTrip());
    expect(record).toMatchObject({ airfare: null, total: null, report_title: '', settlement_status: 'planned', budget_text: '新臺幣 43 萬元（預估）' });
    expect(record.keywords).toEqual(['締結姊妹/友好城市，加深國際合作', '觀光交流']);
  });
});

describe('report wording', () => {
  it('writes counts as the reports do', () => {
    expect([2, 7, 10, 13, 20, 105, 110, 1005].map(formatChineseCount)).toEqual(['二', '七', '十', '十三', '二十', '一百零五', '一百一十', '一千零五']);
  });

  it('says what the budget series did, without claiming a steady cut that did not happen', () => {
    expect(budgetSeriesSentence([{ rocYear: 107, amount: 7_800_000 }, { rocYear: 100, amount: 12_000_000 }])).toBe('自 100 年預算數 1,200 萬元，逐年減編至 107 年預算數 780 萬元，8 年前後相比，減列 420 萬元');
    expect(budgetSeriesSentence([{ rocYear: 100, amount: 100_000 }, { rocYear: 101, amount: 300_000 }, { rocYear: 102, amount: 200_000 }])).toContain('調整至');
    expect(budgetSeriesSentence([{ rocYear: 100, amount: 1 }])).toBe('');
  });

  it('fills known placeholders, drops editor notes, joins Chinese lines, and names unknown placeholders', () => {
    expect(fillTemplate('# note\n共 {{n}} 案，\n合計。\n\nSecond\nline', { n: '3' })).toEqual({ ok: true, paragraphs: ['共 3 案，合計。', 'Second line'] });
    const bad = fillTemplate('{{nope}} {{constructor}}', { n: '3' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.placeholder)).toEqual(['{{nope}}', '{{constructor}}']);
  });
});
