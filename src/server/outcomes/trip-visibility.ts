import type { Kysely } from 'kysely';
import { PUBLISHED_STATES } from '#app/domain/workflow/lifecycle-state.ts';
import type { Principal } from '#app/server/auth/principal.ts';
import { isClerkOnly } from '#app/server/auth/trip-access.ts';
import type { TripVisibilityRule } from '#app/store/analytics/ledger-summary-reader.ts';

/**
 * Which trips' outcomes, follow-ups, partner links and figures a requester may read, by the same
 * rule as the trips themselves (ADR 0003): staff read everything, clerks their own agency's
 * unpublished trips besides the published ones, the public only published trips. Unpublished trips
 * are few (plans in progress), so their ids are loaded once per request and the check is a lookup.
 */
export async function tripVisibility(db: Kysely<unknown>, principal: Principal | null): Promise<(tripId: string) => boolean> {
  const rule = tripVisibilityRule(principal);
  if (!rule) return () => true;
  const unpublished = await (db as Kysely<{ trips: { id: string; lifecycle_state: string; organising_agency: string } }>)
    .selectFrom('trips')
    .select(['id', 'organising_agency'])
    .where('lifecycle_state', 'not in', [...rule.states])
    .execute();
  const hidden = new Set(unpublished.filter((t) => rule.orAgency === null || t.organising_agency !== rule.orAgency).map((t) => t.id));
  return (tripId) => !hidden.has(tripId);
}

/**
 * The same rule as data the database can apply (the streamed analytics readers): undefined
 * (everything) for staff; published trips for the public; a clerk's (or any other principal's)
 * own agency's trips besides the published ones.
 */
export function tripVisibilityRule(principal: Principal | null): TripVisibilityRule | undefined {
  if (principal && principal.roles.length > 0 && !isClerkOnly(principal)) return undefined;
  return { states: PUBLISHED_STATES, orAgency: principal?.agency ?? null };
}
