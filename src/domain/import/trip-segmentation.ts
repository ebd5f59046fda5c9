import { parseRocDateRange } from '#app/domain/dates/roc-date-range.ts';
import { parseDelegation } from '#app/domain/delegation/member-list.ts';
import { continuationScore, type RowCells } from '#app/domain/import/row-continuation.ts';
import { TRIP_COLUMNS, type TripColumn } from '#app/domain/import/table-columns.ts';
import { tidyCjkText } from '#app/domain/import/tidy-cjk-text.ts';
import { parseTwdAmount } from '#app/domain/money/twd-amount.ts';
import { parsePlaces } from '#app/domain/places/place-list.ts';
import { joinCellPieces } from '#app/domain/text/join-cell-pieces.ts';
import { removeSpaces } from '#app/domain/text/normalize-text.ts';

/** The most table rows one trip may span; the seed's longest trip spans six. */
export const MAX_ROWS_PER_TRIP = 12;

// Below this, a row is taken as the start of a new trip without trying to join it: complete
// dates and amounts that do not join with the ones above say so plainly.
const NEW_TRIP_CERTAIN = -4;

// The pairwise evidence of a row (row-continuation.ts) counts a quarter as much as how well the
// trips read; it decides between readings that are otherwise equally good.
const EVIDENCE_WEIGHT = 0.25;

const CJK_NAME = /^[\u4E00-\u9FFF]{2,4}$/;

/**
 * How well a trip's joined cells read: complete dates, amount, delegation and places count for
 * it; cells that cannot be read, or are empty, count against it. Cutting a trip in two leaves
 * halves that read badly; gluing two trips together leaves dates and amounts that do not read.
 */
export function tripQuality(cells: Record<TripColumn, string>, columns: ReadonlySet<TripColumn>): number {
  let q = 0;
  if (columns.has('title')) q += tidyCjkText(cells.title) === '' ? -1 : 0.5;
  if (columns.has('dates')) {
    const t = removeSpaces(cells.dates);
    if (t === '') q -= 1;
    else {
      const r = parseRocDateRange(t);
      q += r.ok ? 2 : r.error.code === 'missing-year' ? 1 : -3;
    }
  }
  if (columns.has('budget')) {
    const t = removeSpaces(cells.budget);
    q += t === '' ? -0.5 : parseTwdAmount(t).ok ? 1 : -2;
  }
  if (columns.has('members')) {
    const t = tidyCjkText(cells.members);
    if (t === '') q -= 0.5;
    else {
      const d = parseDelegation(t);
      if (!d.ok) q -= 2;
      else {
        const doubtful = d.value.members.some((m) => m.title === '' || (/^[\u4E00-\u9FFF]+$/.test(m.name) && !CJK_NAME.test(m.name)));
        q += doubtful || d.value.members.length === 0 ? -1.5 : 1;
        if (/等\s*$/.test(t)) q -= 1;
        if (d.value.headcount !== null && d.value.headcount < d.value.members.length) q -= 1;
      }
    }
  }
  if (columns.has('places')) {
    const t = tidyCjkText(cells.places);
    if (t === '') q -= 0.5;
    else {
      const p = parsePlaces(t);
      q += p.ok && p.value.destinations.every((d) => d.countryCode !== null) ? 1 : -1;
    }
  }
  if (columns.has('outcomes')) {
    const t = cells.outcomes.replace(/<[^>]+>/g, '').trim();
    q += t === '' ? -0.5 : /[。」）)!！?？]$/.test(t) ? 0.5 : -0.5;
  }
  return q;
}

function joinRows(rows: readonly RowCells[], from: number, to: number): Record<TripColumn, string> {
  const cells = {} as Record<TripColumn, string>;
  for (const column of TRIP_COLUMNS) {
    const pieces: string[] = [];
    for (let i = from; i < to; i++) {
      const piece = rows[i]?.[column];
      if (piece !== undefined && /[^\s\u00A0\u3000]/.test(piece)) pieces.push(piece);
    }
    cells[column] = joinCellPieces(pieces);
  }
  return cells;
}

/**
 * Splits a table's data rows into trips, each a run of consecutive rows. Of all ways to cut the
 * rows (runs of at most MAX_ROWS_PER_TRIP), it picks the one whose trips read best as a whole,
 * so a row of fragments after a complete trip (the first line of the next trip, above a page
 * break) starts a trip when its continuation below completes it, not when it merely could
 * extend the trip above. Returns the index ranges [from, to) of the trips.
 */
export function segmentTripRows(rows: readonly RowCells[], columns: ReadonlySet<TripColumn>): [number, number][] {
  const n = rows.length;
  const best: number[] = new Array<number>(n + 1).fill(Number.NEGATIVE_INFINITY);
  const cut: number[] = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let from = 0; from < n; from++) {
    const base = best[from] as number;
    if (base === Number.NEGATIVE_INFINITY) continue;
    let evidence = 0;
    for (let to = from + 1; to <= Math.min(n, from + MAX_ROWS_PER_TRIP); to++) {
      if (to > from + 1) {
        const score = continuationScore(joinRows(rows, from, to - 1), rows[to - 1] as RowCells);
        if (score <= NEW_TRIP_CERTAIN) break;
        evidence += score;
      }
      const total = base + tripQuality(joinRows(rows, from, to), columns) + EVIDENCE_WEIGHT * evidence;
      // On a tie the earlier start wins, which joins the row to the trip above.
      if (total > (best[to] as number)) {
        best[to] = total;
        cut[to] = from;
      }
    }
  }
  const ranges: [number, number][] = [];
  for (let to = n; to > 0; to = cut[to] as number) ranges.unshift([cut[to] as number, to]);
  return ranges;
}
