import { formatWanAmount } from '#app/domain/reports/budget-text.ts';

/** The overseas-travel budget of one fiscal year, as the closing quotes it (100年 12,000,000). */
export interface BudgetYear {
  /** ROC fiscal year, e.g. 107. */
  rocYear: number;
  /** Whole TWD. */
  amount: number;
}

/**
 * The closing's sentence about the budget series, e.g. `自 100 年預算數 1,200 萬元，逐年減編至 107 年預算數
 * 780 萬元，8 年前後相比，減列 420 萬元`; empty when fewer than two years are known.
 */
export function budgetSeriesSentence(series: readonly BudgetYear[]): string {
  const years = [...series].sort((a, b) => a.rocYear - b.rocYear);
  const first = years[0];
  const last = years[years.length - 1];
  if (!first || !last || years.length < 2) return '';
  const span = last.rocYear - first.rocYear + 1;
  const steps = years.slice(1).map((y, i) => y.amount - (years[i] as BudgetYear).amount);
  // "逐年減編" is only true when no year went up; otherwise the sentence must not claim it.
  const verb = steps.every((d) => d <= 0) ? '逐年減編至' : steps.every((d) => d >= 0) ? '逐年增編至' : '調整至';
  const change = last.amount - first.amount;
  const changeText = change === 0 ? '金額相同' : `${change < 0 ? '減列' : '增列'} ${formatWanAmount(Math.abs(change))}`;
  return `自 ${first.rocYear} 年預算數 ${formatWanAmount(first.amount)}，${verb} ${last.rocYear} 年預算數 ${formatWanAmount(last.amount)}，${span} 年前後相比，${changeText}`;
}

/**
 * The budget years a report's text states, as `100 年預算數 1,200 萬元` (the seed's closing):
 * each ROC year with its amount in whole TWD, in the order the text gives them; a year stated
 * twice keeps its first amount.
 */
export function budgetYearsStated(text: string): BudgetYear[] {
  const years: BudgetYear[] = [];
  for (const m of text.matchAll(/(\d{2,3})\s*年(?:度)?預算數\s*([\d,]+(?:\.\d+)?)\s*萬元/g)) {
    const rocYear = Number(m[1]);
    const amount = Math.round(Number((m[2] as string).replace(/,/g, '')) * 10_000);
    if (Number.isSafeInteger(amount) && !years.some((y) => y.rocYear === rocYear)) years.push({ rocYear, amount });
  }
  return years;
}
