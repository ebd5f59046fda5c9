import { describe, expect, it } from 'vitest';
import { budgetFigures, tripVariance } from '#app/domain/budgets/budget-figures.ts';
import { fiscalYearOf } from '#app/domain/budgets/fiscal-year.ts';

describe('budget figures', () => {
  it('commits approved trips until settled, then counts their actual cost as spent', () => {
    const figures = budgetFigures(1_000_000, [
      { state: 'draft', estimate: 500_000, approved: null, actual: null },
      { state: 'submitted', estimate: 100_000, approved: null, actual: null },
      { state: 'approved', estimate: 300_000, approved: 280_000, actual: null },
      { state: 'travelling', estimate: 50_000, approved: 50_000, actual: null },
      { state: 'settled', estimate: 200_000, approved: 200_000, actual: 190_000 },
      { state: 'closed', estimate: null, approved: null, actual: 10_000 },
      { state: 'cancelled', estimate: 90_000, approved: 90_000, actual: null },
    ]);
    expect(figures).toEqual({ allocated: 1_000_000, committed: 330_000, spent: 200_000, remaining: 470_000 });
  });

  it('requires an explanation beyond the configured share', () => {
    expect(tripVariance(100_000, 109_000, 10)).toEqual({ variance: 9_000, percent: 9, explanationRequired: false });
    expect(tripVariance(100_000, 111_000, 10)?.explanationRequired).toBe(true);
    expect(tripVariance(100_000, 85_000, 10)).toEqual({ variance: -15_000, percent: -15, explanationRequired: true });
    expect(tripVariance(100_000, 111_000, 20)?.explanationRequired).toBe(false);
    expect(tripVariance(null, 5, 10)).toBeNull();
  });

  it('numbers fiscal years in the ROC calendar', () => {
    expect(fiscalYearOf('2018-05-11')).toBe(107);
  });
});
