import type { Kysely } from 'kysely';
import { PUBLISHED_STATES } from '#app/domain/workflow/lifecycle-state.ts';
import type { Principal } from '#app/server/auth/principal.ts';
import { isClerkOnly } from '#app/server/auth/trip-access.ts';

/**
 * Which trips' outcomes, follow-ups, partner links and figures a requester may read, by the same
 * rule as the trips themselves (ADR 0003): staff read everything, clerks their own agency's
 * unpublished trips besides the published ones, the public only published trips. Unpublished trips
 * are few (plans in progress), so their ids are loaded once per request and the check is a lookup.
 */
export async function tripVisibility(db: Kysely<unknown>, principal: Principal | null): Promise<(tripId: string) => boolean> {
  if (principal && principal.roles.length > 0 && !isClerkOnly(principal)) return () => true;
  const unpublished = await (db as Kysely<{ trips: { id: string; lifecycle_state: string; organising_agency: string } }>)
    .selectFrom('trips')
    .select(['id', 'organising_agency'])
    .where('lifecycle_state', 'not in', [...PUBLISHED_STATES])
    .execute();
  const agency = principal?.agency ?? null;
  const hidden = new Set(unpublished.filter((t) => agency === null || t.organising_agency !== agency).map((t) => t.id));
  return (tripId) => !hidden.has(tripId);
}
