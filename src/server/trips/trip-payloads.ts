import { z } from 'zod';
import { settlementStatus, trip } from '#app/domain/trips/trip-schema.ts';
import { lifecycleState } from '#app/domain/workflow/lifecycle-state.ts';

/** Query of GET /api/v1/trips. A year below 1911 is read as an ROC year (107 = 2018). */
/** A year filter: a year below 1911 is read as an ROC year (107 = 2018). */
export const yearQueryParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(9999)
  .transform((y) => (y < 1911 ? y + 1911 : y))
  .optional()
  .describe('Year the trip starts in: Gregorian (2018) or ROC (107)');

export const tripListQuery = z.object({
  year: yearQueryParam,
  country: z.string().trim().min(1).max(100).optional().describe('Country name (日本) or ISO code (JP)'),
  person: z.string().trim().min(1).max(100).optional().describe('Part of a delegation member’s name'),
  agency: z.string().trim().min(1).max(200).optional().describe('Agency that organised the trip or that a member comes from, e.g. 經濟發展局'),
  theme: z.string().trim().min(1).max(64).optional().describe('Outcome theme id (see /api/v1/outcome-themes), e.g. tourism'),
  status: settlementStatus.optional(),
  state: lifecycleState.optional().describe('Lifecycle state; the public sees only published states whatever is asked'),
  q: z.string().trim().min(1).max(200).optional().describe('Text in title, places, people or outcomes'),
  sort: z
    .enum(['relevance', 'start', '-start', 'title', 'cost', '-cost'])
    .optional()
    .describe('Order of the list; default: relevance (exact phrase first) when q is given, else -start (latest first)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** A page of trips and how many match in all. */
export const tripList = z.object({ items: z.array(trip), total: z.number().int().nonnegative() });

export const tripIdParams = z.object({ id: z.string().min(1).max(64) });

/** Shape of every error answer. */
export const errorBody = z
  .object({
    error: z.string(),
    message: z.string(),
    messageZh: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .passthrough();

/** 409 answer: the current trip, so the client can show what someone else changed. */
export const conflictBody = errorBody.extend({ current: trip, changedFields: z.array(z.string()) });
