import type { ImportWarning, ParsedDocument, ParsedTrip } from '#app/domain/import/parsed-document.ts';
import type { TripColumn } from '#app/domain/import/table-columns.ts';

/** A trip as a person read it from the document: the fields the accuracy check compares. */
export interface ExpectedTrip {
  title: string;
  start: string | null;
  end: string | null;
  destinations: ParsedTrip['destinations'];
  members: { title: string; name: string }[];
  headcount: number | null;
  budget: { amount: number | null; currency: 'TWD'; status: ParsedTrip['budget']['status'] };
  outcomes: string[];
}

/** The fields compared per trip, and the table column each one is read from. */
export const COMPARED_FIELDS: Readonly<Record<string, TripColumn>> = {
  title: 'title',
  start: 'dates',
  end: 'dates',
  destinations: 'places',
  members: 'members',
  headcount: 'members',
  'budget.amount': 'budget',
  'budget.status': 'budget',
  outcomes: 'outcomes',
};

/** One field that the parser got wrong, and whether a warning pointed at it. */
export interface FieldMiss {
  trip: number;
  title: string;
  field: string;
  expected: unknown;
  got: unknown;
  warned: boolean;
}

/** The score of one document: fields right out of fields compared, and every miss. */
export interface FieldAccuracy {
  fields: number;
  right: number;
  misses: FieldMiss[];
}

function fieldValues(trip: ExpectedTrip | ParsedTrip): Record<string, unknown> {
  return {
    title: trip.title,
    start: trip.start,
    end: trip.end,
    destinations: trip.destinations.map((d) => ({ country: d.country, countryCode: d.countryCode, cities: d.cities })),
    members: trip.members.map((m) => ({ title: m.title, name: m.name })),
    headcount: trip.headcount,
    'budget.amount': trip.budget.amount,
    'budget.status': trip.budget.status,
    outcomes: trip.outcomes,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The parsed trip that best matches an expected one: most equal fields, ties to the nearest position. */
function bestMatch(want: ExpectedTrip, index: number, trips: readonly ParsedTrip[], used: Set<number>): number | undefined {
  const wanted = fieldValues(want);
  let best: { at: number; score: number } | undefined;
  trips.forEach((trip, at) => {
    if (used.has(at)) return;
    const got = fieldValues(trip);
    const score = Object.keys(wanted).filter((k) => sameValue(wanted[k], got[k])).length - Math.abs(at - index) * 0.01;
    if (score >= 2 && (!best || score > best.score)) best = { at, score };
  });
  return best?.at;
}

function warnedAbout(trip: ParsedTrip, column: TripColumn, warnings: readonly ImportWarning[]): boolean {
  const lines = new Set(trip.source.lines);
  return warnings.some((w) => lines.has(w.line) && (w.column === column || w.column === null));
}

/**
 * Compares a parsed document with the trips a person read from it, field by field (title, start,
 * end, destinations, members, headcount, amount, status, outcomes), and lists every miss with
 * whether a warning or finding on that trip's lines and column reported it.
 */
export function fieldAccuracy(expected: readonly ExpectedTrip[], parsed: ParsedDocument): FieldAccuracy {
  const used = new Set<number>();
  const result: FieldAccuracy = { fields: 0, right: 0, misses: [] };
  const notes = [...parsed.warnings, ...parsed.findings];
  expected.forEach((want, index) => {
    const at = bestMatch(want, index, parsed.trips, used);
    const wanted = fieldValues(want);
    const fields = Object.keys(COMPARED_FIELDS);
    result.fields += fields.length;
    if (at === undefined) {
      for (const field of fields) result.misses.push({ trip: index + 1, title: want.title, field, expected: wanted[field], got: undefined, warned: false });
      return;
    }
    used.add(at);
    const trip = parsed.trips[at] as ParsedTrip;
    const got = fieldValues(trip);
    for (const field of fields) {
      if (sameValue(wanted[field], got[field])) result.right += 1;
      else result.misses.push({ trip: index + 1, title: want.title, field, expected: wanted[field], got: got[field], warned: warnedAbout(trip, COMPARED_FIELDS[field] as TripColumn, notes) });
    }
  });
  return result;
}
