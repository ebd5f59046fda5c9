import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { isPublished, PUBLISHED_STATES, type LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';
import type { Principal } from '#app/server/auth/principal.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';

// Who sees and edits which trip (ADR 0003): the public sees published trips; clerks see those plus
// every trip of their own agency and edit only their own agency's; other staff see everything.

/** True when the principal's only role is clerk, so agency limits apply. */
export function isClerkOnly(principal: Principal | null): boolean {
  return principal !== null && principal.roles.length > 0 && principal.roles.every((r) => r === 'clerk');
}

/** The list filter for what a principal may see; undefined means everything. */
export function tripVisibility(principal: Principal | null): { states: readonly LifecycleState[]; orAgency: string | null } | undefined {
  if (principal === null) return { states: PUBLISHED_STATES, orAgency: null };
  if (isClerkOnly(principal)) return { states: PUBLISHED_STATES, orAgency: principal.agency ?? null };
  return undefined;
}

/** True when the principal may read this trip. */
export function canSeeTrip(principal: Principal | null, trip: Pick<Trip, 'lifecycleState' | 'organisingAgency'>): boolean {
  if (isPublished(trip.lifecycleState)) return true;
  if (principal === null) return false;
  if (isClerkOnly(principal)) return principal.agency !== null && principal.agency === trip.organisingAgency;
  return true;
}

/** Refuses a clerk writing to another agency's trip. */
export function assertOwnAgency(principal: Principal | null, agency: string): void {
  if (isClerkOnly(principal) && principal?.agency !== agency) {
    throw new HttpError(403, 'other-agency', `Clerks change only their own agency's trips; this one belongs to ${agency || '(no agency)'}`, `承辦人只能處理所屬機關的出國案；此案屬於「${agency || '未指定機關'}」`);
  }
}
