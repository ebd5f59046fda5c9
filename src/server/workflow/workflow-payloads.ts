import { z } from 'zod';
import { budgetBreakdown, trip, twdAmount } from '#app/domain/trips/trip-schema.ts';
import { lifecycleState } from '#app/domain/workflow/lifecycle-state.ts';
import { transitionAction } from '#app/domain/workflow/lifecycle-transitions.ts';
import { workflowSettings } from '#app/domain/workflow/workflow-settings.ts';

/** Body of POST /api/v1/trips/:id/transitions. */
export const transitionBody = z
  .object({
    action: transitionAction,
    version: z.number().int().positive().describe('Version of the trip the step is based on'),
    comment: z.string().max(5000).default(''),
    approvedAmount: twdAmount.optional().describe('approve: amount approved; default the estimate'),
    actual: twdAmount.optional().describe('settle: settled actual cost (required)'),
    actualBreakdown: budgetBreakdown.optional().describe('settle: actual cost by category'),
    varianceExplanation: z.string().trim().max(5000).optional().describe('settle: why the actual differs from the approved amount'),
    budgetOverrideReason: z.string().trim().min(1).max(2000).optional().describe('submit/approve over budget: the secretariat’s reason'),
  })
  .strict();
export type TransitionBody = z.output<typeof transitionBody>;

export const transitionRecord = z.object({
  id: z.string(),
  at: z.string(),
  action: transitionAction,
  from: lifecycleState,
  to: lifecycleState,
  actorId: z.string(),
  actorName: z.string(),
  comment: z.string(),
  overrideReason: z.string().nullable(),
});

export const transitionAnswer = z.object({ trip, transition: transitionRecord });

const figures = z.object({ allocated: z.number(), committed: z.number(), spent: z.number(), remaining: z.number() });

export const obligationBody = z.object({
  kind: z.enum(['cross-strait-permission', 'return-notification', 'expense-claim', 'post-trip-report']),
  zh: z.string(),
  dueOn: z.string(),
  metOn: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
});

/** GET /api/v1/trips/:id/workflow: where the trip is, what the caller may do, what it owes. */
export const workflowView = z.object({
  tripId: z.string(),
  state: lifecycleState,
  stateLabel: z.object({ zh: z.string(), en: z.string() }),
  version: z.number().int(),
  crossStrait: z.boolean(),
  allowedActions: z.array(transitionAction).describe('Actions the caller may take now'),
  history: z.array(transitionRecord),
  obligations: z.array(obligationBody),
  stillOwed: z.array(obligationBody),
  budget: z
    .object({ budgetId: z.string(), fiscalYear: z.number().int(), agency: z.string(), figures, variance: z.object({ variance: z.number(), percent: z.number().nullable(), explanationRequired: z.boolean() }).nullable() })
    .nullable(),
  budgetOverride: z.object({ reason: z.string(), amount: z.number(), by: z.string(), at: z.string() }).nullable(),
  reportProblems: z.array(z.object({ field: z.string(), message: z.string(), messageZh: z.string() })),
});

export const budgetOverrideBody = z
  .object({
    version: z.number().int().positive(),
    reason: z.string().trim().min(1).max(2000).describe('Why the trip may exceed the remaining budget'),
    amount: twdAmount.describe('Largest amount the override covers'),
  })
  .strict();

export const deadlineQuery = z.object({
  agency: z.string().trim().min(1).max(200).optional().describe('One agency; clerks always see their own'),
  asOf: z.iso.date().optional().describe('Date to judge by; default today'),
  overdueOnly: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

export const deadlineList = z.object({
  asOf: z.string(),
  items: z.array(obligationBody.extend({ tripId: z.string(), title: z.string(), agency: z.string(), state: lifecycleState })),
  byAgency: z.array(z.object({ agency: z.string(), overdue: z.number().int(), owed: z.number().int() })),
});

export const settingsAnswer = z.object({ settings: workflowSettings, version: z.number().int() });
export const settingsBody = z.object({ settings: workflowSettings, version: z.number().int().min(0) }).strict();
