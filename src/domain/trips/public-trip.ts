import { isPublished } from '#app/domain/workflow/lifecycle-state.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';

/** Whether the public may see the trip at all (its lifecycle state is published). */
export function isPublicTrip(trip: Pick<Trip, 'lifecycleState'>): boolean {
  return isPublished(trip.lifecycleState);
}

/**
 * The trip as the public sees it: everything a disclosure needs, without the staff's internal
 * notes. Members keep name, title, agency and role only (the record holds no other personal data).
 */
export function toPublicTrip(trip: Trip): Trip {
  return { ...trip, notes: '' };
}
