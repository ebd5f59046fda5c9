import type { ImportWarning, ParsedTrip } from '#app/domain/import/parsed-document.ts';

/** A trip as the overlap check needs it: who went, when, and where it came from. */
export interface DatedTrip {
  title: string;
  start: string | null;
  end: string | null;
  people: readonly string[];
  /** Source line in the document being read; null for a trip already stored. */
  line: number | null;
  /** Id of a stored trip; null for a trip of the document. */
  id: string | null;
}

const LATIN_NAME = /[A-Za-z][A-Za-z0-9&.\-]*/g;

/** The names one piece of an enumeration lists: its Latin words (美國NVIDIA → NVIDIA), else the piece itself. */
function namesInPiece(piece: string, position: 'first' | 'middle' | 'last'): string[] {
  const latin = piece.match(LATIN_NAME);
  if (latin) return position === 'first' ? latin.slice(-1) : position === 'last' ? latin.slice(0, 1) : latin;
  // The first and last pieces carry the sentence around the list: 邀請荷蘭飛利浦 / 思科等多家.
  const bare = position === 'last' ? piece.replace(/[等及與和].*$/, '') : piece;
  return position === 'first' || bare.length > 8 || bare.length < 2 ? [] : [bare];
}

/** Names listed twice in one enumeration of an outcome item: `NVIDIA、ACER、NVIDIA` → NVIDIA. */
export function repeatedListNames(item: string): string[] {
  const repeated: string[] = [];
  // Each run of `、`-joined names is one enumeration; a full stop, semicolon or comma ends it.
  for (const clause of item.split(/[。；;，,：:]/)) {
    const pieces = clause.split('、').map((p) => p.trim());
    if (pieces.length < 3) continue;
    const seen = new Map<string, number>();
    pieces.forEach((piece, i) => {
      const position = i === 0 ? 'first' : i === pieces.length - 1 ? 'last' : 'middle';
      for (const name of namesInPiece(piece, position)) {
        const key = name.toLowerCase();
        const before = seen.get(key);
        if (before !== undefined && before !== i && !repeated.includes(name)) repeated.push(name);
        else seen.set(key, i);
      }
    });
  }
  return repeated;
}

function overlaps(a: DatedTrip, b: DatedTrip): boolean {
  return a.start !== null && a.end !== null && b.start !== null && b.end !== null && a.start <= b.end && b.start <= a.end;
}

/** Pairs of trips that overlap in time and share a person, found per person with a sweep over start dates. */
export function overlappingTrips(trips: readonly DatedTrip[]): { a: DatedTrip; b: DatedTrip; person: string }[] {
  const byPerson = new Map<string, DatedTrip[]>();
  for (const trip of trips) {
    if (trip.start === null || trip.end === null) continue;
    for (const person of new Set(trip.people)) {
      const list = byPerson.get(person);
      if (list) list.push(trip);
      else byPerson.set(person, [trip]);
    }
  }
  const pairs: { a: DatedTrip; b: DatedTrip; person: string }[] = [];
  const reported = new Set<string>();
  for (const [person, list] of byPerson) {
    list.sort((x, y) => (x.start as string).localeCompare(y.start as string));
    const open: DatedTrip[] = [];
    for (const trip of list) {
      for (let i = open.length - 1; i >= 0; i--) if ((open[i]?.end as string) < (trip.start as string)) open.splice(i, 1);
      for (const other of open) {
        if (!overlaps(other, trip)) continue;
        // Within a document both trips are new; against the store, only pairs that involve the document count.
        if (other.line === null && trip.line === null) continue;
        const key = [other.id ?? `line${other.line}`, trip.id ?? `line${trip.line}`].sort().join('|');
        if (reported.has(key)) continue;
        reported.add(key);
        pairs.push({ a: other, b: trip, person });
      }
      open.push(trip);
    }
  }
  return pairs;
}

function describe(trip: DatedTrip): string {
  const where = trip.line !== null ? `line ${trip.line}` : `stored trip ${trip.id ?? ''}`;
  return `"${trip.title}" (${trip.start} to ${trip.end}, ${where})`;
}

/**
 * Findings for pairs of overlapping trips of one person, placed on the document line of the later
 * one; with `againstStoredOnly`, only pairs of a document trip and a stored trip.
 */
export function overlapFindings(trips: readonly DatedTrip[], options: { againstStoredOnly?: boolean } = {}): ImportWarning[] {
  const pairs = overlappingTrips(trips).filter(({ a, b }) => !options.againstStoredOnly || a.line === null || b.line === null);
  return pairs.map(({ a, b, person }) => {
    const here = b.line !== null ? b : a;
    const there = here === b ? a : b;
    return {
      line: here.line ?? 0,
      column: 'dates',
      code: 'overlapping-trips',
      message: `${person} is on ${describe(here)} and on ${describe(there)} at the same time`,
      assumed: 'both trips are kept as written; check the dates or the delegation',
    };
  });
}

/**
 * Data-quality findings on a document's trips: a headcount below the names listed, one person on
 * two trips at once, a name repeated in one outcome, an amount that is not final.
 */
export function dataQualityFindings(trips: readonly ParsedTrip[]): ImportWarning[] {
  const findings: ImportWarning[] = [];
  for (const trip of trips) {
    const line = trip.source.line;
    if (trip.headcount !== null && trip.headcount < trip.members.length) {
      findings.push({
        line,
        column: 'members',
        code: 'headcount-below-names',
        message: `"${trip.title}" (line ${line}) states a headcount of ${trip.headcount} but lists ${trip.members.length} names`,
        assumed: 'both kept as written; the headcount is probably wrong or a name is listed twice',
      });
    }
    trip.outcomes.forEach((item, index) => {
      for (const name of repeatedListNames(item)) {
        findings.push({
          line,
          column: 'outcomes',
          code: 'repeated-name-in-outcome',
          message: `outcome ${index + 1} of "${trip.title}" (line ${line}) lists ${name} twice`,
          assumed: 'the outcome is kept as written',
        });
      }
    });
    if (trip.budget.status === 'settling' || trip.budget.status === 'pending') {
      findings.push({
        line,
        column: 'budget',
        code: 'amount-not-final',
        message:
          trip.budget.status === 'settling'
            ? `the cost of "${trip.title}" (line ${line}) is still being settled (核銷中)`
            : `the cost of "${trip.title}" (line ${line}) is still being compiled (尚待彙整)`,
        assumed: 'no final amount is recorded; update the trip when the settlement is done',
      });
    }
  }
  const overlaps = overlapFindings(trips.map((t) => ({ title: t.title, start: t.start, end: t.end, people: t.members.map((m) => m.name), line: t.source.line, id: null })));
  // A loop, not push(...overlaps): a ledger of thousands of trips can have more findings than a call takes arguments.
  for (const finding of overlaps) findings.push(finding);
  return findings.sort((a, b) => a.line - b.line);
}
