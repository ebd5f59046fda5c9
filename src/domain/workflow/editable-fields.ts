import type { LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';

// Which fields a PATCH may change in each state. The plan is open while it is a draft or back for
// changes; once submitted it is what was (or is being) approved, so only what happens on and after
// the trip stays editable. Budget amounts move only through transitions (approve, settle).

const AFTER_THE_TRIP = ['outcomes', 'notes', 'report', 'crossStraitSteps', 'varianceExplanation'];
const PLAN = [
  'title', 'purpose', 'category', 'organisingAgency', 'invitingBody', 'start', 'end', 'destinations', 'members', 'headcount',
  'budget', 'topics', 'themes', 'expectedBenefits', 'days', 'source', ...AFTER_THE_TRIP,
];

const EDITABLE: Record<LifecycleState, readonly string[]> = {
  draft: PLAN,
  returned: PLAN,
  submitted: ['notes', 'crossStraitSteps'],
  approved: ['members', 'headcount', ...AFTER_THE_TRIP],
  travelling: AFTER_THE_TRIP,
  'returned-home': AFTER_THE_TRIP,
  settled: AFTER_THE_TRIP,
  'report-filed': AFTER_THE_TRIP,
  closed: ['outcomes', 'notes', 'report'],
  rejected: ['notes'],
  cancelled: ['notes'],
};

/** The fields of a patch that may not change in this state (empty when the patch is allowed). */
export function lockedFields(state: LifecycleState, changedFieldNames: readonly string[]): string[] {
  const allowed = EDITABLE[state];
  return changedFieldNames.filter((f) => !allowed.includes(f));
}

/** States in which a trip may still be deleted: it was never approved, so nothing public is lost. */
export const DELETABLE_STATES: readonly LifecycleState[] = ['draft', 'returned', 'rejected', 'cancelled'];
