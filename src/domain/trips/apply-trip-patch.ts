import type { Trip, TripInput, TripPatch } from '#app/domain/trips/trip-schema.ts';

/** The trip as it will be after a patch: fields present in the patch replace the stored ones. */
export function applyTripPatch(current: Trip, patch: TripPatch): TripInput {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...stored } = current;
  const { version: _pv, ...changes } = patch;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return { ...stored, ...defined } as TripInput;
}

/** Names of the fields whose values differ between two versions of a trip (for 409 answers). */
export function changedFields(a: Partial<TripInput>, b: Partial<TripInput>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k as keyof TripInput]) !== JSON.stringify(b[k as keyof TripInput])).sort();
}
