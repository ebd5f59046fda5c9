import { z } from 'zod';
import { proposalState } from '#app/domain/outcomes/outcome-types.ts';

/** One event in a partner's history: a trip, an outcome, a follow-up or an agreement. */
export const timelineEntry = z.object({
  date: z.string().describe('YYYY-MM-DD or YYYY-MM; an outcome is dated by its trip'),
  kind: z.enum(['trip', 'outcome', 'follow-up', 'agreement']),
  tripId: z.string().nullable(),
  outcomeId: z.string().nullable(),
  followUpId: z.string().nullable(),
  agreementId: z.string().nullable(),
  text: z.string(),
  /** How the entry touches the partner: the trip went there, an outcome names it, … */
  via: z.enum(['destination', 'outcome', 'follow-up', 'agreement']),
  state: proposalState.nullable().describe('For outcomes: whether the link is proposed or confirmed'),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

const KIND_ORDER: Record<TimelineEntry['kind'], number> = { trip: 0, outcome: 1, agreement: 2, 'follow-up': 3 };

/** The entries in time order (a trip before its outcomes), each once. */
export function orderTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const seen = new Set<string>();
  return [...entries]
    .sort((a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.text.localeCompare(b.text))
    .filter((e) => {
      const key = `${e.kind}:${e.tripId}:${e.outcomeId}:${e.followUpId}:${e.agreementId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
