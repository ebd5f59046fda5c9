import { z } from 'zod';
import { budgetRules, DEFAULT_BUDGET_RULES } from '#app/domain/budgets/budget-rules.ts';
import { deadlineRules, DEFAULT_DEADLINE_RULES } from '#app/domain/deadlines/deadline-rules.ts';
import { DEFAULT_PER_DIEM_RULES, perDiemRules } from '#app/domain/per-diem/per-diem-rules.ts';

/** Every rule of the workflow that the domain brief marks "verify": kept as settings with defaults. */
export const workflowSettings = z.object({
  perDiem: perDiemRules,
  deadlines: deadlineRules,
  budget: budgetRules,
  report: z
    .object({
      summaryMinCharacters: z.number().int().min(0).max(5000),
      summaryMaxCharacters: z.number().int().min(1).max(5000),
    })
    .refine((r) => r.summaryMinCharacters <= r.summaryMaxCharacters, { path: ['summaryMaxCharacters'], message: 'must not be below the minimum' }),
});
export type WorkflowSettings = z.infer<typeof workflowSettings>;

/** The defaults: the national rules as the domain brief states them. */
export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = {
  perDiem: DEFAULT_PER_DIEM_RULES,
  deadlines: DEFAULT_DEADLINE_RULES,
  budget: DEFAULT_BUDGET_RULES,
  report: { summaryMinCharacters: 200, summaryMaxCharacters: 300 },
};
