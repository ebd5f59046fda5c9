import { z } from 'zod';
import { twdAmount } from '#app/domain/trips/trip-schema.ts';
import { lifecycleState } from '#app/domain/workflow/lifecycle-state.ts';

const rocYear = z.coerce.number().int().min(1).max(300).describe('ROC fiscal year (107 = 2018)');
const agency = z.string().trim().max(200).describe("Agency; '' for the city-wide total");

export const budgetBody = z.object({ id: z.string(), fiscalYear: z.number().int(), agency: z.string(), amount: z.number(), createdAt: z.string(), updatedAt: z.string(), version: z.number().int() });
const figures = z.object({ allocated: z.number(), committed: z.number(), spent: z.number(), remaining: z.number() });

export const budgetWithFigures = budgetBody.extend({ figures });

export const budgetDetail = budgetWithFigures.extend({
  adjustments: z.array(z.object({ id: z.string(), at: z.string(), actorId: z.string(), previousAmount: z.number().nullable(), amount: z.number(), reason: z.string() })),
  trips: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      state: lifecycleState,
      estimate: z.number().nullable(),
      approved: z.number().nullable(),
      actual: z.number().nullable(),
      variance: z.number().nullable(),
      variancePercent: z.number().nullable(),
      explanationRequired: z.boolean(),
      varianceExplanation: z.string(),
    }),
  ),
});

export const budgetListQuery = z.object({ fiscalYear: rocYear.optional(), agency: agency.optional() });
export const newBudgetBody = z.object({ fiscalYear: rocYear, agency: agency.default(''), amount: twdAmount, reason: z.string().trim().min(1).max(2000).default('initial budget') }).strict();
export const budgetAdjustBody = z.object({ version: z.number().int().positive(), amount: twdAmount, reason: z.string().trim().min(1).max(2000).describe('Why the amount changes (required)') }).strict();
export const budgetIdParams = z.object({ id: z.string().min(1).max(64) });
export const seriesQuery = z.object({ agency: agency.default('') });
export const budgetSeries = z.object({
  agency: z.string(),
  points: z.array(z.object({ fiscalYear: z.number().int(), label: z.string().describe('e.g. 107年'), gregorianYear: z.number().int(), amount: z.number() })),
});
