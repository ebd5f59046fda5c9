import { z } from 'zod';
import { followUp } from '#app/domain/outcomes/follow-up-schema.ts';
import { outcomeStatus, outcomeType, proposalState } from '#app/domain/outcomes/outcome-types.ts';
import { partnerKind } from '#app/domain/partners/partner-schema.ts';

/** A counterparty of an outcome: a partner record, proposed by the rules or confirmed. */
export const outcomeCounterparty = z.object({
  partnerId: z.string(),
  kind: partnerKind,
  name: z.string(),
  countryCode: z.string().nullable(),
  state: proposalState,
  matched: z.string().describe('Words of the text it was found from; empty when set by a person'),
});

/** An outcome item of a trip as a record: verbatim text, type, status, themes, counterparties, follow-ups. */
export const outcomeRecord = z.object({
  id: z.string(),
  tripId: z.string(),
  position: z.number().int().describe('0-based place in the trip’s outcome list'),
  text: z.string().describe('Verbatim; edited only through the trip'),
  type: outcomeType.nullable().describe('null until the rules or a person set it'),
  typeState: proposalState.nullable(),
  typeRule: z.string().nullable().describe('The rule that proposed the type'),
  status: outcomeStatus,
  agency: z.string().nullable().describe('Agency responsible for following it up'),
  themes: z.array(z.object({ id: z.string(), state: proposalState })),
  counterparties: z.array(outcomeCounterparty),
  followUps: z.array(followUp),
  overdue: z.boolean().describe('An open follow-up is past its due date'),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type OutcomeRecord = z.infer<typeof outcomeRecord>;

/** Payload to classify an outcome. Fields given are set and confirmed; `confirm` accepts proposals as they are. */
export const outcomePatch = z
  .object({
    type: outcomeType.optional(),
    status: outcomeStatus.optional(),
    agency: z.string().trim().max(200).nullable().optional(),
    themes: z.array(z.string().min(1).max(64)).max(20).optional().describe('Theme ids; replaces the list'),
    counterparties: z.array(z.string().min(1).max(64)).max(50).optional().describe('Partner ids; replaces the list'),
    confirm: z.array(z.enum(['type', 'themes', 'counterparties', 'followUps'])).max(4).optional(),
    version: z.number().int().positive().describe('Version the change is based on; a stale one is refused with 409'),
  })
  .strict();
export type OutcomePatch = z.infer<typeof outcomePatch>;
