import type { ObligationFacts } from '#app/domain/deadlines/trip-obligations.ts';
import type { LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';

/** The deadline facts of a stored trip, given the dates it entered each state. */
export function obligationFactsOf(
  trip: Pick<Trip, 'lifecycleState' | 'start' | 'end' | 'crossStrait' | 'crossStraitSteps' | 'source'>,
  enteredOn: Partial<Record<LifecycleState, string>>,
): ObligationFacts {
  return {
    state: trip.lifecycleState,
    start: trip.start,
    end: trip.end,
    crossStrait: trip.crossStrait,
    permissionGrantedOn: trip.crossStraitSteps.permissionGrantedOn,
    returnNotifiedOn: trip.crossStraitSteps.returnNotifiedOn,
    settledOn: enteredOn.settled ?? null,
    reportFiledOn: enteredOn['report-filed'] ?? null,
    imported: trip.source !== null,
  };
}

/** Today's date in Taiwan (UTC+8), the calendar deadlines are counted in. */
export function todayInTaiwan(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
