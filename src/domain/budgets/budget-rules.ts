import { z } from 'zod';

export const budgetRules = z.object({
  varianceExplanationPercent: z.number().min(0).max(1000).describe('Actual cost may differ from the approved amount by this share before an explanation is required'),
});
export type BudgetRules = z.infer<typeof budgetRules>;

/** An explanation is required when the actual cost differs from the approved amount by more than 10 %. */
export const DEFAULT_BUDGET_RULES: BudgetRules = { varianceExplanationPercent: 10 };
