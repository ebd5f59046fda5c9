import type { ParsedTrip } from '#app/domain/import/parsed-document.ts';
import { tripInput, type TripInput } from '#app/domain/trips/trip-schema.ts';

/** Why a parsed trip cannot be stored as it is. */
export interface UnstorableTrip {
  line: number;
  title: string;
  reason: string;
}

/**
 * Turns a parsed trip into a trip record. A report's stated amount for a settled trip is what
 * was spent, so it becomes the actual cost; trips without dates or title cannot be stored, and a
 * value the trip schema refuses (a 600-character title) makes the trip unstorable, not an error.
 */
export function parsedTripToInput(
  trip: ParsedTrip,
  source: { document: string; documentHash: string },
): { ok: true; input: TripInput } | { ok: false; problem: UnstorableTrip } {
  const problem = (reason: string) => ({ ok: false as const, problem: { line: trip.source.line, title: trip.title, reason } });
  if (trip.start === null || trip.end === null) return problem('no dates could be read, so the trip cannot be stored');
  if (trip.title === '') return problem('the trip has no plan title');
  const settled = trip.budget.status === 'settled';
  // Parsing through the schema fills the fields an import does not know (plan, workflow) with their defaults.
  const checked = tripInput.safeParse({
    title: trip.title,
    purpose: trip.purpose,
    category: 'other',
    organisingAgency: '',
    invitingBody: trip.invitingBody,
    start: trip.start,
    end: trip.end,
    destinations: trip.destinations,
    members: trip.members,
    headcount: trip.headcount,
    budget: {
      currency: 'TWD',
      estimate: trip.budget.status === 'planned' ? trip.budget.amount : null,
      approved: null,
      actual: settled ? trip.budget.amount : null,
      status: trip.budget.status,
      estimateBreakdown: {},
      actualBreakdown: {},
    },
    outcomes: trip.outcomes.map((text) => ({ text })),
    notes: '',
    source: { document: source.document.slice(0, 300), documentHash: source.documentHash, line: trip.source.line },
  });
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => `${i.path.join('.') || 'trip'}: ${i.message}`).join('; ');
    return problem(`the trip does not fit the trip record: ${issues}`);
  }
  return { ok: true, input: checked.data };
}
