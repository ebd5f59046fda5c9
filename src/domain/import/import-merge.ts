import type { TripInput } from '#app/domain/trips/trip-schema.ts';

/**
 * The values an import writes into a trip, one entry per field a person may also edit by hand.
 * Budget parts are separate fields, so a hand-entered approved amount is no conflict with an
 * imported actual cost.
 */
export interface ImportedValues {
  title: string;
  purpose: string;
  invitingBody: string;
  start: string;
  end: string;
  destinations: TripInput['destinations'];
  members: TripInput['members'];
  headcount: number | null;
  'budget.estimate': number | null;
  'budget.actual': number | null;
  'budget.status': TripInput['budget']['status'];
  outcomes: TripInput['outcomes'];
}

/** Names of the imported fields, in the order conflicts are reported. */
export const IMPORTED_FIELDS: readonly (keyof ImportedValues)[] = [
  'title', 'start', 'end', 'destinations', 'members', 'headcount', 'budget.estimate', 'budget.actual', 'budget.status', 'outcomes', 'purpose', 'invitingBody',
];

/** A value edited by hand since the last import, which the import kept although the document says otherwise. */
export interface FieldConflict {
  field: keyof ImportedValues;
  /** The value kept: what is stored now. */
  stored: unknown;
  /** What the document says. */
  incoming: unknown;
  /** What the last import wrote; null when the trip was not imported before (entered by hand). */
  lastImported: unknown;
}

/** Reads the imported fields of a trip record. */
export function importedValuesOf(trip: Pick<TripInput, 'title' | 'purpose' | 'invitingBody' | 'start' | 'end' | 'destinations' | 'members' | 'headcount' | 'budget' | 'outcomes'>): ImportedValues {
  return {
    title: trip.title,
    purpose: trip.purpose,
    invitingBody: trip.invitingBody,
    start: trip.start,
    end: trip.end,
    destinations: trip.destinations.map((d) => ({ country: d.country, countryCode: d.countryCode, cities: [...d.cities] })),
    members: trip.members.map((m) => ({ name: m.name, title: m.title, agency: m.agency, role: m.role })),
    headcount: trip.headcount,
    'budget.estimate': trip.budget.estimate,
    'budget.actual': trip.budget.actual,
    'budget.status': trip.budget.status,
    outcomes: trip.outcomes.map((o) => ({ text: o.text })),
  };
}

/** Writes imported values into a trip record, leaving every other field (notes, report, workflow) as it is. */
export function withImportedValues<T extends TripInput>(trip: T, values: ImportedValues): T {
  return {
    ...trip,
    title: values.title,
    purpose: values.purpose,
    invitingBody: values.invitingBody,
    start: values.start,
    end: values.end,
    destinations: values.destinations,
    members: values.members,
    headcount: values.headcount,
    budget: { ...trip.budget, estimate: values['budget.estimate'], actual: values['budget.actual'], status: values['budget.status'] },
    outcomes: values.outcomes,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merges a document's values into a stored trip. A field still as the last import left it takes
 * the document's value; a field edited by hand since (stored ≠ last import, or no import before)
 * keeps the stored value and, when the document says something else, is reported as a conflict.
 */
export function mergeImportedValues(
  stored: ImportedValues,
  lastImported: ImportedValues | null,
  incoming: ImportedValues,
): { next: ImportedValues; updated: (keyof ImportedValues)[]; conflicts: FieldConflict[] } {
  const next = { ...stored } as Record<keyof ImportedValues, unknown>;
  const updated: (keyof ImportedValues)[] = [];
  const conflicts: FieldConflict[] = [];
  for (const field of IMPORTED_FIELDS) {
    const now = stored[field];
    const wanted = incoming[field];
    if (same(now, wanted)) continue;
    if (lastImported !== null && same(now, lastImported[field])) {
      next[field] = wanted;
      updated.push(field);
    } else {
      conflicts.push({ field, stored: now, incoming: wanted, lastImported: lastImported === null ? null : lastImported[field] });
    }
  }
  const merged = next as unknown as ImportedValues;
  // A kept hand edit of one date must not leave the trip ending before it starts.
  if (merged.end < merged.start) {
    for (const field of ['start', 'end'] as const) {
      if (merged[field] !== stored[field]) {
        const index = updated.indexOf(field);
        if (index >= 0) updated.splice(index, 1);
        conflicts.push({ field, stored: stored[field], incoming: incoming[field], lastImported: lastImported === null ? null : lastImported[field] });
      }
    }
    merged.start = stored.start;
    merged.end = stored.end;
  }
  return { next: merged, updated, conflicts };
}
