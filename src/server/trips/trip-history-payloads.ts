import { z } from 'zod';
import { lifecycleState } from '#app/domain/workflow/lifecycle-state.ts';

/**
 * One change to a trip as the public may know it: when, what kind, the state it moved to and the
 * names of the fields that changed. Never who made it, their comment, or the values before and
 * after (those stay in the audit trail, GET /api/v1/audit, for auditors).
 */
export const tripHistoryEntry = z.object({
  at: z.string().describe('When the change was made (ISO 8601 date-time)'),
  kind: z
    .enum(['imported', 'created', 'state-changed', 'fields-changed', 'report-file'])
    .describe('imported: taken from a published report; created: entered as a plan; state-changed: a workflow step; fields-changed: an edit; report-file: the post-trip report file was uploaded'),
  fromState: lifecycleState.nullable().describe('State before a workflow step'),
  state: lifecycleState.nullable().describe('State after a workflow step, or the state a trip was created in'),
  fields: z.array(z.string()).describe('Names of the public fields that changed (internal notes are never listed)'),
});
export type TripHistoryEntry = z.infer<typeof tripHistoryEntry>;

/** The public history of one trip, oldest first. */
export const tripHistory = z.object({ tripId: z.string(), items: z.array(tripHistoryEntry) });
export type TripHistory = z.infer<typeof tripHistory>;
