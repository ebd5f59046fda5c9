import type { DeadlineRules } from '#app/domain/deadlines/deadline-rules.ts';
import { addDays, addMonths, addWorkingDays, daysBetween } from '#app/domain/deadlines/calendar-arithmetic.ts';
import type { LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';

/** Something a trip owes: the cross-strait permission and return notice, the expense claim, the report. */
export type ObligationKind = 'cross-strait-permission' | 'return-notification' | 'expense-claim' | 'post-trip-report';

/** One obligation with its due date and, once met, the date it was met. */
export interface Obligation {
  kind: ObligationKind;
  dueOn: string;
  metOn: string | null;
  overdue: boolean;
  daysOverdue: number;
  zh: string;
}

/** The facts about a trip the deadlines depend on. */
export interface ObligationFacts {
  state: LifecycleState;
  start: string;
  end: string;
  crossStrait: boolean;
  permissionGrantedOn: string | null;
  returnNotifiedOn: string | null;
  /** Date of the settle transition, if any. */
  settledOn: string | null;
  /** Date of the file-report transition, if any. */
  reportFiledOn: string | null;
  /** Imported from a published report: its deadlines predate the ledger and are not tracked. */
  imported: boolean;
}

const LABEL: Record<ObligationKind, string> = {
  'cross-strait-permission': '赴陸港澳事前許可',
  'return-notification': '返臺通報',
  'expense-claim': '差旅費核銷',
  'post-trip-report': '出國報告',
};

const AFTER_SETTLEMENT: readonly LifecycleState[] = ['settled', 'report-filed', 'closed'];
const AFTER_REPORT: readonly LifecycleState[] = ['report-filed', 'closed'];

/**
 * Everything a trip owes, met or not, as of `today`. Drafts, rejected and cancelled trips owe
 * nothing; the report is due months after return, the claim days after, the cross-strait notice
 * working days after, and the cross-strait permission the day before departure.
 */
export function tripObligations(facts: ObligationFacts, rules: DeadlineRules, today: string): Obligation[] {
  if (facts.imported || ['draft', 'rejected', 'cancelled', 'returned'].includes(facts.state)) return [];
  const make = (kind: ObligationKind, dueOn: string, metOn: string | null): Obligation => {
    const late = metOn === null ? daysBetween(dueOn, today) : 0;
    return { kind, dueOn, metOn, overdue: late > 0, daysOverdue: Math.max(0, late), zh: LABEL[kind] };
  };
  const out: Obligation[] = [];
  if (facts.crossStrait) {
    out.push(make('cross-strait-permission', addDays(facts.start, -1), facts.permissionGrantedOn));
    out.push(make('return-notification', addWorkingDays(facts.end, rules.returnNotificationWorkingDays, rules.holidays), facts.returnNotifiedOn));
  }
  if (facts.state === 'submitted') return out;
  const settledOn = AFTER_SETTLEMENT.includes(facts.state) ? (facts.settledOn ?? facts.end) : null;
  const filedOn = AFTER_REPORT.includes(facts.state) ? (facts.reportFiledOn ?? facts.end) : null;
  out.push(make('expense-claim', addDays(facts.end, rules.expenseClaimDaysAfterReturn), settledOn));
  out.push(make('post-trip-report', addMonths(facts.end, rules.reportMonthsAfterReturn), filedOn));
  return out;
}

/** The obligations still unmet. */
export function stillOwed(obligations: readonly Obligation[]): Obligation[] {
  return obligations.filter((o) => o.metOn === null);
}
