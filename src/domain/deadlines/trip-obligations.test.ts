import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays } from '#app/domain/deadlines/calendar-arithmetic.ts';
import { DEFAULT_DEADLINE_RULES } from '#app/domain/deadlines/deadline-rules.ts';
import { stillOwed, tripObligations, type ObligationFacts } from '#app/domain/deadlines/trip-obligations.ts';

const facts: ObligationFacts = { state: 'returned-home', start: '2024-05-01', end: '2024-05-10', crossStrait: false, permissionGrantedOn: null, returnNotifiedOn: null, settledOn: null, reportFiledOn: null, imported: false };

describe('deadlines', () => {
  it('adds months clamped to the end of the month and skips weekends and holidays', () => {
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-05-10', 3)).toBe('2024-08-10');
    // 2024-05-10 is a Friday: 7 working days later is Tuesday 2024-05-21, or Wednesday with a holiday.
    expect(addWorkingDays('2024-05-10', 7, [])).toBe('2024-05-21');
    expect(addWorkingDays('2024-05-10', 7, ['2024-05-13'])).toBe('2024-05-22');
  });

  it('owes the expense claim 45 days and the report 3 months after return', () => {
    const owed = tripObligations(facts, DEFAULT_DEADLINE_RULES, '2024-07-01');
    expect(owed.map((o) => [o.kind, o.dueOn, o.overdue, o.daysOverdue])).toEqual([
      ['expense-claim', '2024-06-24', true, 7],
      ['post-trip-report', '2024-08-10', false, 0],
    ]);
  });

  it('takes the periods from configuration', () => {
    const owed = tripObligations(facts, { ...DEFAULT_DEADLINE_RULES, reportMonthsAfterReturn: 1, expenseClaimDaysAfterReturn: 10 }, '2024-05-11');
    expect(owed.map((o) => o.dueOn)).toEqual(['2024-05-20', '2024-06-10']);
  });

  it('tracks the cross-strait permission and the 7-working-day return notification', () => {
    const owed = tripObligations({ ...facts, crossStrait: true, permissionGrantedOn: '2024-04-20' }, DEFAULT_DEADLINE_RULES, '2024-05-22');
    expect(owed.slice(0, 2).map((o) => [o.kind, o.dueOn, o.metOn, o.overdue])).toEqual([
      ['cross-strait-permission', '2024-04-30', '2024-04-20', false],
      ['return-notification', '2024-05-21', null, true],
    ]);
  });

  it('counts settlement and filing as met and owes nothing for drafts and imported trips', () => {
    const done = tripObligations({ ...facts, state: 'closed', settledOn: '2024-06-01', reportFiledOn: '2024-07-01' }, DEFAULT_DEADLINE_RULES, '2025-01-01');
    expect(stillOwed(done)).toEqual([]);
    expect(tripObligations({ ...facts, state: 'draft' }, DEFAULT_DEADLINE_RULES, '2025-01-01')).toEqual([]);
    expect(tripObligations({ ...facts, imported: true }, DEFAULT_DEADLINE_RULES, '2025-01-01')).toEqual([]);
  });
});
