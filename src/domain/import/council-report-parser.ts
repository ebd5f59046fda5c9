import { parseRocDateRange } from '#app/domain/dates/roc-date-range.ts';
import { gregorianToRocYear } from '#app/domain/dates/roc-date.ts';
import { parseDelegation } from '#app/domain/delegation/member-list.ts';
import { dataQualityFindings } from '#app/domain/import/data-quality-findings.ts';
import { tripFromFootnote } from '#app/domain/import/footnote-trip.ts';
import type { ImportWarning, ParsedDocument, ParsedTrip } from '#app/domain/import/parsed-document.ts';
import type { RowCells } from '#app/domain/import/row-continuation.ts';
import { segmentTripRows } from '#app/domain/import/trip-segmentation.ts';
import type { RawRow } from '#app/domain/import/tab-rows.ts';
import { readTableText } from '#app/domain/import/table-format.ts';
import { readHeaderRow, TRIP_COLUMNS, type TripColumn } from '#app/domain/import/table-columns.ts';
import { tidyCjkText } from '#app/domain/import/tidy-cjk-text.ts';
import { parseTwdAmount } from '#app/domain/money/twd-amount.ts';
import { splitOutcomeItems } from '#app/domain/outcomes/outcome-items.ts';
import { parsePlaces } from '#app/domain/places/place-list.ts';
import { joinCellPieces } from '#app/domain/text/join-cell-pieces.ts';
import { removeSpaces } from '#app/domain/text/normalize-text.ts';

/** The cells of one trip gathered from every row it spans, column by column. */
export interface TripGroup {
  lines: number[];
  pieces: Record<TripColumn, string[]>;
  /** Columns the table has; a missing one is reported once, not per trip. */
  columns: ReadonlySet<TripColumn>;
}

const COLUMN_NAMES: Record<TripColumn, string> = {
  title: 'plan title (計畫名稱)',
  dates: 'dates (出國日期)',
  places: 'places (出國地點)',
  members: 'delegation (出國人員)',
  budget: 'budget (預算經費)',
  outcomes: 'outcomes (成效)',
};

function emptyPieces(): Record<TripColumn, string[]> {
  return { title: [], dates: [], places: [], members: [], budget: [], outcomes: [] };
}

function joined(group: TripGroup, column: TripColumn): string {
  return joinCellPieces(group.pieces[column]);
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || !/[^\s\u00A0\u3000]/.test(text);
}

function rowByColumn(row: RawRow, header: Map<number, TripColumn>): RowCells {
  const cells: RowCells = {};
  for (const [index, column] of header) cells[column] = row.cells[index] ?? '';
  return cells;
}

/** Groups table rows into trips, skipping repeated header rows; which rows form a trip is decided from all their cells. */
export function groupTripRows(rows: readonly RawRow[], warnings: ImportWarning[]): TripGroup[] {
  const data: { line: number; cells: RowCells; columns: ReadonlySet<TripColumn> }[] = [];
  let header: Map<number, TripColumn> | undefined;
  let columns: ReadonlySet<TripColumn> = new Set();
  let missingReported = false;
  for (const row of rows) {
    const asHeader = readHeaderRow(row.cells);
    if (asHeader) {
      header = asHeader;
      columns = new Set(header.values());
      if (!missingReported) {
        missingReported = true;
        for (const column of TRIP_COLUMNS) {
          if (!columns.has(column)) {
            warnings.push({
              line: row.line,
              column,
              code: 'missing-column',
              message: `the table header on line ${row.line} has no ${COLUMN_NAMES[column]} column`,
              assumed: `every trip's ${column} is left empty`,
            });
          }
        }
      }
      continue;
    }
    if (!header) continue;
    const cells = rowByColumn(row, header);
    if (TRIP_COLUMNS.every((c) => isBlank(cells[c]))) continue;
    data.push({ line: row.line, cells, columns });
  }
  const allColumns = new Set(data.flatMap((d) => [...d.columns]));
  return segmentTripRows(
    data.map((d) => d.cells),
    allColumns,
  ).map(([from, to]) => {
    const pieces = emptyPieces();
    const part = data.slice(from, to);
    for (const row of part) for (const column of TRIP_COLUMNS) if (!isBlank(row.cells[column])) pieces[column].push(row.cells[column] ?? '');
    return { lines: part.map((r) => r.line), pieces, columns: part[0]?.columns ?? allColumns };
  });
}

/** `line 121 [dates]` or `lines 121–124 [dates]`: where a value of a trip came from. */
function at(group: TripGroup, column: TripColumn): string {
  const first = group.lines[0] ?? 1;
  const last = group.lines[group.lines.length - 1] ?? first;
  return `${first === last ? `line ${first}` : `lines ${first}-${last}`}, ${column} cell`;
}

/** Reads one trip's joined cells; dates without a year are left for `resolveMissingYears`. */
function tripFromGroup(group: TripGroup, warnings: ImportWarning[]): { trip: ParsedTrip; dateText: string } {
  const line = group.lines[0] ?? 1;
  const warn = (column: TripColumn, code: string, message: string, assumed: string) => {
    warnings.push({ line, column, code, message: `${message} (${at(group, column)})`, assumed });
  };
  const has = (column: TripColumn) => group.columns.has(column);

  const title = tidyCjkText(joined(group, 'title'));
  if (title === '' && has('title')) warn('title', 'missing-title', 'the trip has no plan title', 'the trip is shown for review but cannot be stored without a title');

  const dateText = removeSpaces(joined(group, 'dates'));
  let start: string | null = null;
  let end: string | null = null;
  if (dateText === '') {
    if (has('dates')) warn('dates', 'missing-dates', `the trip "${title}" has no dates`, 'the trip cannot be stored without dates');
  } else {
    const range = parseRocDateRange(dateText);
    if (range.ok) {
      start = range.value.start;
      end = range.value.end;
    } else if (range.error.code !== 'missing-year') {
      warn('dates', 'unreadable-dates', `dates "${dateText}" of "${title}": ${range.error.message}`, 'the trip has no dates and cannot be stored until they are corrected');
    }
  }

  const placesText = tidyCjkText(joined(group, 'places'));
  let destinations: ParsedTrip['destinations'] = [];
  if (placesText !== '') {
    const places = parsePlaces(placesText);
    if (places.ok) {
      destinations = places.value.destinations;
      for (const w of places.value.warnings) warn('places', 'unknown-place', `places "${placesText}": ${w}`, 'the text is kept as a destination with no country code');
    } else warn('places', 'unreadable-places', `places "${placesText}": ${places.error.message}`, 'the trip has no destinations');
  } else if (has('places')) warn('places', 'missing-places', `the trip "${title}" names no places`, 'the trip has no destinations');

  const membersText = tidyCjkText(joined(group, 'members'));
  let members: ParsedTrip['members'] = [];
  let headcount: number | null = null;
  if (membersText !== '') {
    const delegation = parseDelegation(membersText);
    if (delegation.ok) {
      members = delegation.value.members;
      headcount = delegation.value.headcount;
      for (const w of delegation.value.warnings) {
        // The headcount check is a data-quality finding, reported once from the parsed trip.
        if (/smaller than the \d+ names listed/.test(w)) continue;
        warn('members', 'doubtful-member', `delegation "${membersText}": ${w}`, 'the names are kept as read; check the title and name split');
      }
    } else warn('members', 'unreadable-members', `delegation "${membersText}": ${delegation.error.message}`, 'the trip has no members');
  } else if (has('members')) warn('members', 'missing-members', `the trip "${title}" lists no delegation`, 'the trip has no members');

  const budgetText = removeSpaces(joined(group, 'budget'));
  let budget: ParsedTrip['budget'] = { amount: null, currency: 'TWD', status: 'pending' };
  if (budgetText === '') {
    if (has('budget')) warn('budget', 'missing-budget', `the trip "${title}" states no budget`, 'recorded as pending with no amount');
  } else {
    const amount = parseTwdAmount(budgetText);
    if (amount.ok) budget = { amount: amount.value.amount, currency: 'TWD', status: amount.value.status };
    else warn('budget', 'unreadable-budget', `budget "${budgetText}": ${amount.error.message}`, 'recorded as pending with no amount');
  }

  const outcomes = splitOutcomeItems(joined(group, 'outcomes'));
  for (const w of outcomes.warnings) warn('outcomes', 'outcome-numbering', `outcomes of "${title}": ${w}`, 'the items are kept in the order written');

  return {
    trip: {
      title,
      start,
      end,
      destinations,
      members,
      headcount,
      budget,
      outcomes: outcomes.items,
      purpose: '',
      invitingBody: '',
      source: { line, lines: group.lines, kind: 'table-row' },
    },
    dateText,
  };
}

function rocYearOf(iso: string | null): number | undefined {
  return iso ? gregorianToRocYear(Number(iso.slice(0, 4))) : undefined;
}

/** Gives dates like `4/10-4/12` the year of the neighbouring trips, with a warning that says so. */
function resolveMissingYears(parsed: { trip: ParsedTrip; dateText: string }[], warnings: ImportWarning[]): void {
  parsed.forEach((entry, index) => {
    const { trip, dateText } = entry;
    if (trip.start !== null || dateText === '') return;
    const first = parseRocDateRange(dateText);
    if (first.ok || first.error.code !== 'missing-year') return;
    const previous = parsed.slice(0, index).reverse().find((e) => e.trip.end !== null)?.trip;
    const next = parsed.slice(index + 1).find((e) => e.trip.start !== null)?.trip;
    const fromPrevious = rocYearOf(previous?.end ?? null);
    const fromNext = rocYearOf(next?.start ?? null);
    const year = fromPrevious ?? fromNext;
    const line = trip.source.line;
    if (year === undefined) {
      warnings.push({ line, column: 'dates', code: 'missing-year', message: `dates "${dateText}" on line ${line} have no year and no neighbouring trip gives one`, assumed: 'the trip has no dates and cannot be stored until a year is added' });
      return;
    }
    const range = parseRocDateRange(dateText, { rocYear: year });
    if (!range.ok) {
      warnings.push({ line, column: 'dates', code: 'unreadable-dates', message: `dates "${dateText}" on line ${line}: ${range.error.message}`, assumed: 'the trip has no dates' });
      return;
    }
    trip.start = range.value.start;
    trip.end = range.value.end;
    const source = fromPrevious !== undefined ? 'the previous trip' : 'the next trip';
    const disagree = fromPrevious !== undefined && fromNext !== undefined && fromNext !== fromPrevious ? ` (the next trip is in ${fromNext}; check this one)` : '';
    warnings.push({ line, column: 'dates', code: 'year-from-context', message: `year of ${dateText} taken from ${source}: ${year}${disagree}`, assumed: `the trip ran ${range.value.start} to ${range.value.end}` });
  });
}

/** Parses a report's trip table (tab-separated, Markdown or HTML), its footnotes and its data-quality findings. */
export function parseCouncilReport(text: string, document: { name: string; sha256: string | null }): ParsedDocument {
  const warnings: ImportWarning[] = [];
  const { format, rows, lines } = readTableText(text);
  const groups = groupTripRows(rows, warnings);
  const parsed = groups.map((g) => tripFromGroup(g, warnings));
  resolveMissingYears(parsed, warnings);
  const trips = parsed.map((p) => p.trip);
  const firstTableLine = rows.find((r) => readHeaderRow(r.cells))?.line ?? Number.POSITIVE_INFINITY;
  for (const note of lines) {
    if (note.line < firstTableLine) continue;
    const trip = tripFromFootnote(note, trips, warnings);
    if (trip) trips.push(trip);
  }
  if (trips.length === 0) {
    warnings.push({
      line: 0,
      column: null,
      code: 'no-trip-table',
      message: 'no trip table was found: no row names at least three of the columns 計畫名稱, 出國日期, 出國地點, 出國人員, 預算經費, 成效',
      assumed: 'nothing can be imported from this document',
    });
  }
  warnings.sort((a, b) => a.line - b.line);
  return { document, format, trips, warnings, findings: dataQualityFindings(trips) };
}
