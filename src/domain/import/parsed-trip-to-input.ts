import type { ParsedTrip } from '#app/domain/import/parsed-document.ts';
import type { TripInput } from '#app/domain/trips/trip-schema.ts';

/** Why a parsed trip cannot be stored as it is. */
export interface UnstorableTrip {
  line: number;
  title: string;
  reason: string;
}

/**
 * Turns a parsed trip into a trip record. A report's stated amount for a settled trip is what
 * was spent, so it becomes the actual cost; trips without dates cannot be stored.
 */
export function parsedTripToInput(
  trip: ParsedTrip,
  source: { document: string; documentHash: string },
): { ok: true; input: TripInput } | { ok: false; problem: UnstorableTrip } {
  if (trip.start === null || trip.end === null) {
    return { ok: false, problem: { line: trip.source.line, title: trip.title, reason: 'no dates could be read, so the trip cannot be stored' } };
  }
  if (trip.title === '') {
    return { ok: false, problem: { line: trip.source.line, title: trip.title, reason: 'the trip has no plan title' } };
  }
  const settled = trip.budget.status === 'settled';
  return {
    ok: true,
    input: {
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
      source: { document: source.document, documentHash: source.documentHash, line: trip.source.line },
    },
  };
}
