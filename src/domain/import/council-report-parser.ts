import { parseRocDateRange } from '#app/domain/dates/roc-date-range.ts';
import { gregorianToRocYear } from '#app/domain/dates/roc-date.ts';
import { splitHeadcount } from '#app/domain/delegation/headcount.ts';
import { parseDelegation } from '#app/domain/delegation/member-list.ts';
import type { ImportWarning, ParsedDocument, ParsedTrip } from '#app/domain/import/parsed-document.ts';
import type { RawLine, RawRow } from '#app/domain/import/tab-rows.ts';
import { readTabSeparated } from '#app/domain/import/tab-rows.ts';
import { readHeaderRow, TRIP_COLUMNS, type TripColumn } from '#app/domain/import/table-columns.ts';
import { parseTwdAmount } from '#app/domain/money/twd-amount.ts';
import { splitOutcomeItems } from '#app/domain/outcomes/outcome-items.ts';
import { countryNamePrefix } from '#app/domain/places/country-list.ts';
import { parsePlaces } from '#app/domain/places/place-list.ts';
import { joinCellPieces } from '#app/domain/text/join-cell-pieces.ts';
import { collapseSpaces, removeSpaces } from '#app/domain/text/normalize-text.ts';

/** The cells of one trip gathered from every row it spans, column by column. */
interface TripGroup {
  lines: number[];
  pieces: Record<TripColumn, string[]>;
}

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\u3000-\\u303F\\uFF00-\\uFFEF';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}]) +(?=[${CJK}])`, 'g');

/** Collapses spaces and drops those between two CJK characters, which PDF extraction inserts. */
export function tidyCjkText(text: string): string {
  return collapseSpaces(text.replace(/<[^>]+>/g, ' ')).replace(SPACE_BETWEEN_CJK, '$1');
}

function emptyPieces(): Record<TripColumn, string[]> {
  return { title: [], dates: [], places: [], members: [], budget: [], outcomes: [] };
}

function joined(group: TripGroup, column: TripColumn): string {
  return joinCellPieces(group.pieces[column]);
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || removeSpaces(text) === '';
}

// A date cut at a page break ends in a separator: `105/4/10-`, `106/`.
function dateLooksCut(text: string): boolean {
  const t = removeSpaces(text);
  return t !== '' && /[-－–—~～至到/／.．年月]$/.test(t);
}

// An amount cut at a page break: `新臺幣 10 萬` with its `8,170 元` on the next page.
function budgetLooksCut(text: string): boolean {
  const t = removeSpaces(text);
  if (t === '') return false;
  return !parseTwdAmount(t).ok || (/萬$/.test(t) && /新[臺台]幣/.test(t));
}

function membersLookCut(text: string): number {
  const t = removeSpaces(text);
  if (t === '') return 0;
  let score = 0;
  if (/[、，,及和等]$/.test(t)) score += 2;
  if (splitHeadcount(t).headcount === null) score += 1;
  return score;
}

function outcomesLookCut(text: string): boolean {
  const t = text.replace(/<[^>]+>/g, '').trim();
  return t !== '' && !/[。」）)!！?？]$/.test(t);
}

/**
 * Scores whether `row` continues the trip in `group` rather than starting a new one.
 * No single cell decides: an empty date cell, a date, amount or delegation left unfinished by
 * the previous row all point to a continuation; a complete date, amount or a delegation that
 * starts with a job title point to a new trip.
 */
export function continuationScore(group: TripGroup, row: Partial<Record<TripColumn, string>>): number {
  let score = 0;
  if (isBlank(row.dates)) score += 2;
  if (isBlank(row.title)) score += 1;
  for (const column of ['places', 'members', 'budget'] as const) if (isBlank(row[column])) score += 0.5;

  if (dateLooksCut(joined(group, 'dates'))) score += 3;
  if (budgetLooksCut(joined(group, 'budget'))) score += 3;
  score += membersLookCut(joined(group, 'members'));
  if (outcomesLookCut(joined(group, 'outcomes'))) score += 1;

  if (!isBlank(row.dates)) {
    const range = parseRocDateRange(removeSpaces(row.dates ?? ''));
    if (range.ok) score -= 3;
    else if (range.error.code === 'missing-year') score -= 1;
  }
  if (!isBlank(row.budget) && !budgetLooksCut(row.budget ?? '')) score -= 1;
  if (!isBlank(row.members)) {
    const delegation = parseDelegation(row.members ?? '');
    if (delegation.ok && delegation.value.members[0]?.title) score -= 1;
  }
  return score;
}

function rowByColumn(row: RawRow, header: Map<number, TripColumn>): Partial<Record<TripColumn, string>> {
  const cells: Partial<Record<TripColumn, string>> = {};
  for (const [index, column] of header) cells[column] = row.cells[index] ?? '';
  return cells;
}

/** Groups table rows into trips, skipping repeated header rows. */
export function groupTripRows(rows: readonly RawRow[], warnings: ImportWarning[]): TripGroup[] {
  const groups: TripGroup[] = [];
  let header: Map<number, TripColumn> | undefined;
  let missingReported = false;
  for (const row of rows) {
    const asHeader = readHeaderRow(row.cells);
    if (asHeader) {
      header = asHeader;
      if (!missingReported) {
        missingReported = true;
        const present = new Set(header.values());
        for (const column of TRIP_COLUMNS) {
          if (!present.has(column)) {
            warnings.push({ line: row.line, column, code: 'missing-column', message: `the table header on line ${row.line} has no ${column} column; that field is left empty` });
          }
        }
      }
      continue;
    }
    if (!header) continue;
    const cells = rowByColumn(row, header);
    if (TRIP_COLUMNS.every((c) => isBlank(cells[c]))) continue;
    const current = groups[groups.length - 1];
    if (current && continuationScore(current, cells) > 0) {
      current.lines.push(row.line);
      for (const column of TRIP_COLUMNS) if (!isBlank(cells[column])) current.pieces[column].push(cells[column] ?? '');
    } else {
      const pieces = emptyPieces();
      for (const column of TRIP_COLUMNS) if (!isBlank(cells[column])) pieces[column].push(cells[column] ?? '');
      groups.push({ lines: [row.line], pieces });
    }
  }
  return groups;
}

function warn(warnings: ImportWarning[], line: number, column: TripColumn | null, code: string, message: string): void {
  warnings.push({ line, column, code, message });
}

/** Reads one trip's joined cells; dates without a year are left for `resolveMissingYears`. */
function tripFromGroup(group: TripGroup, warnings: ImportWarning[]): { trip: ParsedTrip; dateText: string } {
  const line = group.lines[0] ?? 1;
  const title = tidyCjkText(joined(group, 'title'));
  if (title === '') warn(warnings, line, 'title', 'missing-title', `the trip on line ${line} has no plan title`);

  const dateText = removeSpaces(joined(group, 'dates'));
  let start: string | null = null;
  let end: string | null = null;
  if (dateText === '') {
    warn(warnings, line, 'dates', 'missing-dates', `the trip on line ${line} ("${title}") has no dates`);
  } else {
    const range = parseRocDateRange(dateText);
    if (range.ok) {
      start = range.value.start;
      end = range.value.end;
    } else if (range.error.code !== 'missing-year') {
      warn(warnings, line, 'dates', 'unreadable-dates', `dates "${dateText}" on line ${line}: ${range.error.message}`);
    }
  }

  const placesText = tidyCjkText(joined(group, 'places'));
  let destinations: ParsedTrip['destinations'] = [];
  if (placesText !== '') {
    const places = parsePlaces(placesText);
    if (places.ok) {
      destinations = places.value.destinations;
      for (const w of places.value.warnings) warn(warnings, line, 'places', 'place', `line ${line}: ${w}`);
    } else warn(warnings, line, 'places', 'unreadable-places', `places "${placesText}" on line ${line}: ${places.error.message}`);
  }

  const membersText = tidyCjkText(joined(group, 'members'));
  let members: ParsedTrip['members'] = [];
  let headcount: number | null = null;
  if (membersText !== '') {
    const delegation = parseDelegation(membersText);
    if (delegation.ok) {
      members = delegation.value.members;
      headcount = delegation.value.headcount;
      for (const w of delegation.value.warnings) warn(warnings, line, 'members', 'delegation', `line ${line}: ${w}`);
    } else warn(warnings, line, 'members', 'unreadable-members', `delegation "${membersText}" on line ${line}: ${delegation.error.message}`);
  }

  const budgetText = removeSpaces(joined(group, 'budget'));
  let budget: ParsedTrip['budget'] = { amount: null, currency: 'TWD', status: 'pending' };
  if (budgetText === '') {
    warn(warnings, line, 'budget', 'missing-budget', `the trip on line ${line} states no budget; recorded as pending`);
  } else {
    const amount = parseTwdAmount(budgetText);
    if (amount.ok) budget = { amount: amount.value.amount, currency: 'TWD', status: amount.value.status };
    else warn(warnings, line, 'budget', 'unreadable-budget', `budget "${budgetText}" on line ${line}: ${amount.error.message}; recorded as pending`);
  }
  if (budget.status === 'settling') {
    warn(warnings, line, 'budget', 'amount-not-final', `the cost of "${title}" (line ${line}) is still being settled (核銷中); no final amount yet`);
  }

  const outcomes = splitOutcomeItems(joined(group, 'outcomes'));
  for (const w of outcomes.warnings) warn(warnings, line, 'outcomes', 'outcome', `line ${line}: ${w}`);

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
      warn(warnings, line, 'dates', 'missing-year', `dates "${dateText}" on line ${line} have no year and no neighbouring trip gives one; the trip has no dates`);
      return;
    }
    const range = parseRocDateRange(dateText, { rocYear: year });
    if (!range.ok) {
      warn(warnings, line, 'dates', 'unreadable-dates', `dates "${dateText}" on line ${line}: ${range.error.message}`);
      return;
    }
    trip.start = range.value.start;
    trip.end = range.value.end;
    const source = fromPrevious !== undefined ? 'the previous trip' : 'the next trip';
    const disagree = fromPrevious !== undefined && fromNext !== undefined && fromNext !== fromPrevious ? ` (the next trip is in ${fromNext}; check this one)` : '';
    warn(warnings, line, 'dates', 'year-from-context', `year of ${dateText} taken from ${source}: ${year}${disagree}`);
  });
}

const FOOTNOTE = /^(?:備註|附註|註)\s*[:：]\s*(.*)$/;
const TITLE_WORDS = ['副市長', '市長', '副秘書長', '秘書長'];

/** The name most often listed with `title` across the parsed trips, e.g. who the 市長 is. */
function nameForTitle(trips: readonly ParsedTrip[], title: string): string | undefined {
  const counts = new Map<string, number>();
  for (const trip of trips) for (const m of trip.members) if (m.title === title) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function countriesMentioned(text: string): ParsedTrip['destinations'] {
  const found: ParsedTrip['destinations'] = [];
  for (let i = 0; i < text.length; i++) {
    const hit = countryNamePrefix(text.slice(i));
    if (hit && !found.some((d) => d.countryCode === hit.country.code)) {
      found.push({ country: hit.country.name, countryCode: hit.country.code, cities: [] });
      i += hit.matched.length - 1;
    }
  }
  return found;
}

/**
 * Reads a footnote such as `備註：107/4/19-4/25「…計畫」市長應…邀請出席…。相關經費及成果尚待彙整資料中。`
 * as a trip whose figures are still being compiled.
 */
export function tripFromFootnote(note: RawLine, tableTrips: readonly ParsedTrip[], warnings: ImportWarning[]): ParsedTrip | undefined {
  const match = FOOTNOTE.exec(note.text);
  if (!match) return undefined;
  const body = collapseSpaces(match[1] ?? '');
  const dateMatch = /^([0-9０-９]{2,3}\s*[/／.年][^「\s]*)/.exec(body);
  if (!dateMatch) return undefined;
  const range = parseRocDateRange(removeSpaces(dateMatch[1] ?? ''));
  if (!range.ok) {
    warn(warnings, note.line, 'dates', 'unreadable-dates', `footnote on line ${note.line}: ${range.error.message}`);
    return undefined;
  }
  const rest = body.slice(dateMatch[0].length).trim();
  const titleMatch = /「([^」]+)」/.exec(rest);
  const title = titleMatch ? tidyCjkText(titleMatch[1] ?? '') : tidyCjkText(rest.split(/[。，,]/)[0] ?? '');
  const afterTitle = titleMatch ? rest.slice((titleMatch.index ?? 0) + titleMatch[0].length).trim() : rest;
  const sentences = afterTitle.split(/(?<=。)/).map((s) => s.trim()).filter(Boolean);
  const statusSentence = sentences.find((s) => /尚待彙整|彙整中|尚待核銷|核銷中/.test(s));
  const status = statusSentence && /核銷/.test(statusSentence) ? 'settling' : 'pending';
  const purpose = sentences.filter((s) => s !== statusSentence).join('').replace(/。$/, '');

  const members: ParsedTrip['members'] = [];
  for (const t of TITLE_WORDS) {
    if (purpose.startsWith(t)) {
      const name = nameForTitle(tableTrips, t);
      if (name) {
        members.push({ name, title: t, agency: '市政府', role: 'leader' });
        warn(warnings, note.line, 'members', 'name-from-context', `footnote on line ${note.line} names only "${t}"; taken to be ${name}, the ${t} listed on the other trips`);
      }
      break;
    }
  }
  const inviting = /^(?:副?市長)?應(.+?)邀請/.exec(purpose);
  warn(warnings, note.line, 'budget', 'pending-footnote', `footnote on line ${note.line} ("${title}") is a trip whose cost and outcomes are still being compiled; recorded as pending`);
  return {
    title,
    start: range.value.start,
    end: range.value.end,
    destinations: countriesMentioned(title),
    members,
    headcount: null,
    budget: { amount: null, currency: 'TWD', status },
    outcomes: [],
    purpose,
    invitingBody: inviting ? tidyCjkText(inviting[1] ?? '') : '',
    source: { line: note.line, lines: [note.line], kind: 'footnote' },
  };
}

/** Parses a council report's trip summary table (tab-separated text) and its footnotes. */
export function parseCouncilReport(text: string, document: { name: string; sha256: string | null }): ParsedDocument {
  const warnings: ImportWarning[] = [];
  const { rows, lines } = readTabSeparated(text);
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
    warnings.push({ line: 0, column: null, code: 'no-trip-table', message: 'no trip table was found: no row names at least three of the columns 計畫名稱, 出國日期, 出國地點, 出國人員, 預算經費, 成效' });
  }
  warnings.sort((a, b) => a.line - b.line);
  return { document, trips, warnings };
}
