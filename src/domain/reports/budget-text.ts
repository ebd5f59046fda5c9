import type { Budget } from '#app/domain/trips/trip-schema.ts';
import { formatTwdAmount } from '#app/domain/money/twd-amount.ts';

/** What the 預算經費 cell says: the amount in the report's form, or why there is none yet. */
export interface BudgetCell {
  text: string;
  /** The amount the text shows, in whole TWD; null when the cell shows a status instead. */
  amount: number | null;
}

const STATUS_TEXT = { settling: '核銷中', pending: '尚待彙整' } as const;

/**
 * The 預算經費 cell of a trip: the settled cost as `新臺幣 51 萬 2,005 元`, `核銷中` while expenses
 * are being settled, `尚待彙整` while figures are compiled, and the plan's amount marked 預估 before the trip.
 */
export function budgetCell(budget: Budget): BudgetCell {
  if (budget.status === 'settling' || budget.status === 'pending') return { text: STATUS_TEXT[budget.status], amount: null };
  if (budget.status === 'settled') {
    const amount = budget.actual ?? budget.approved ?? budget.estimate;
    return amount === null ? { text: '已核銷（金額未登錄）', amount: null } : { text: formatTwdAmount(amount), amount };
  }
  const planned = budget.approved ?? budget.estimate;
  return planned === null ? { text: '尚未編列', amount: null } : { text: `${formatTwdAmount(planned)}（預估）`, amount: planned };
}

/** An amount in the closing's form: `1,200 萬元` when it is whole 萬, otherwise `51 萬 2,005 元`. */
export function formatWanAmount(amount: number): string {
  if (Number.isSafeInteger(amount) && amount >= 0 && amount % 10000 === 0 && amount > 0) {
    return `${String(amount / 10000).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} 萬元`;
  }
  return formatTwdAmount(amount).replace(/^新臺幣 /, '');
}
