import type { Principal } from '#app/server/auth/principal.ts';

/**
 * Which trips' outcomes, follow-ups, partner links and figures a requester may read. Staff read
 * everything; the public reads what belongs to published trips. Until the publication rule of
 * issue 4 is wired in here, every trip counts as published. All reads of this capability go
 * through this one function so that the rule has to be pointed at once.
 */
export function tripVisibility(principal: Principal | null): (tripId: string) => boolean {
  if (principal && principal.roles.length > 0) return () => true;
  return () => true;
}
