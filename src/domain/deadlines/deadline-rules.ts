import { z } from 'zod';

// How long a trip has for what it owes after coming home. The defaults are the national rules the
// domain brief cites; both are marked "verify" there, so they are settings.

export const deadlineRules = z.object({
  reportMonthsAfterReturn: z.number().int().min(0).max(24).describe('Post-trip report due this many months after return'),
  expenseClaimDaysAfterReturn: z.number().int().min(0).max(365).describe('Expense claim due this many days after return'),
  returnNotificationWorkingDays: z.number().int().min(0).max(60).describe('Cross-strait return notification due this many working days after return'),
  holidays: z.array(z.iso.date()).max(1000).describe('Public holidays on weekdays, skipped when counting working days'),
});
export type DeadlineRules = z.infer<typeof deadlineRules>;

/** 3 months for the report, 45 days for the expense claim, 7 working days for the return notification. */
export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  reportMonthsAfterReturn: 3,
  expenseClaimDaysAfterReturn: 45,
  returnNotificationWorkingDays: 7,
  holidays: [],
};
