import { z } from 'zod';
import { outcomeRecord } from '#app/domain/outcomes/outcome-record-schema.ts';
import { outcomeStatus, outcomeType, proposalState } from '#app/domain/outcomes/outcome-types.ts';

/** Query of GET /api/v1/outcomes. */
export const outcomeListQuery = z.object({
  tripId: z.string().min(1).max(64).optional(),
  type: z.union([outcomeType, z.literal('unclassified')]).optional(),
  status: outcomeStatus.optional(),
  theme: z.string().min(1).max(64).optional().describe('Theme id'),
  partnerId: z.string().min(1).max(64).optional(),
  typeState: proposalState.optional().describe('proposed: types still waiting for a person'),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** A page of outcome records. */
export const outcomeList = z.object({ items: z.array(outcomeRecord), total: z.number().int().nonnegative() });

export const idParams = z.object({ id: z.string().min(1).max(64) });
export const fileParams = z.object({ id: z.string().min(1).max(64), fileId: z.string().min(1).max(64) });

/** A theme of the configurable list. */
export const themePayload = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens'),
  zh: z.string().trim().min(1).max(200),
  en: z.string().trim().max(200).default(''),
  keywords: z.array(z.string().trim().min(1).max(50)).max(100).default([]).describe('Words that suggest the theme in an outcome text'),
});
export const themePatch = themePayload.omit({ id: true }).partial().strict();
export const themeList = z.object({ items: z.array(themePayload) });

/** What a run of the proposal rules stored. */
export const proposalRun = z.object({
  outcomes: z.number().int(),
  typesProposed: z.number().int(),
  themeLinks: z.number().int(),
  counterpartyLinks: z.number().int(),
  partnersCreated: z.number().int(),
  followUps: z.number().int(),
});
