import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetSeriesSentence, budgetYearsStated } from '#app/domain/reports/budget-series.ts';

describe('budget years a report states', () => {
  it('reads exactly the two years the seed report’s closing states, and writes its sentence back', () => {
    const seed = readFileSync(new URL('../../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');
    const years = budgetYearsStated(seed);
    expect(years).toEqual([
      { rocYear: 100, amount: 12_000_000 },
      { rocYear: 107, amount: 7_800_000 },
    ]);
    expect(seed).toContain(budgetSeriesSentence(years).replace('減列', '已大幅減列'));
  });

  it('takes amounts in 萬元 with separators or decimals, and a year once', () => {
    expect(budgetYearsStated('108 年度預算數 1,234.5 萬元；108 年預算數 9 萬元')).toEqual([{ rocYear: 108, amount: 12_345_000 }]);
    expect(budgetYearsStated('沒有預算數')).toEqual([]);
  });
});
