import { parseRocDateRange } from '#app/domain/dates/roc-date-range.ts';
import { splitHeadcount } from '#app/domain/delegation/headcount.ts';
import { AGENCY_NAMES, BODY_TITLES, splitTitleAndName, TITLE_WORDS } from '#app/domain/delegation/member-list.ts';
import type { TripColumn } from '#app/domain/import/table-columns.ts';
import { parseTwdAmount } from '#app/domain/money/twd-amount.ts';
import { countries, countryNamePrefix } from '#app/domain/places/country-list.ts';
import { removeCjkSpaces, removeSpaces, toHalfWidth } from '#app/domain/text/normalize-text.ts';

/** The cells of one row by column; a column the table lacks is absent. */
export type RowCells = Partial<Record<TripColumn, string>>;

type ValueState = 'empty' | 'complete' | 'year-less' | 'broken';

// The same cell texts are judged again for every way of grouping rows; parsing is pure, so
// remembering the answers is safe. The caches are emptied when they grow large.
const dateStates = new Map<string, ValueState>();
const budgetStates = new Map<string, ValueState>();

function remembered(cache: Map<string, ValueState>, text: string, judge: (t: string) => ValueState): ValueState {
  const known = cache.get(text);
  if (known !== undefined) return known;
  if (cache.size > 20_000) cache.clear();
  const state = judge(text);
  cache.set(text, state);
  return state;
}

function dateState(text: string): ValueState {
  return remembered(dateStates, text, (raw) => {
    const t = removeSpaces(raw);
    if (t === '') return 'empty';
    const r = parseRocDateRange(t);
    if (r.ok) return 'complete';
    return r.error.code === 'missing-year' ? 'year-less' : 'broken';
  });
}

function budgetState(text: string): ValueState {
  return remembered(budgetStates, text, (raw) => {
    const t = removeSpaces(raw);
    if (t === '') return 'empty';
    return parseTwdAmount(t).ok ? 'complete' : 'broken';
  });
}

const readable = (s: ValueState): boolean => s === 'complete' || s === 'year-less';

/**
 * Dates: a date cut by a page break (`108/12/28-` + `109/1/03`, `10` + `7/4/10-4/12`) has a half
 * that cannot be read alone while the two together can; two dates that each read and do not
 * read together belong to two trips.
 */
function dateEvidence(group: string, row: string): number {
  const r = dateState(row);
  if (r === 'empty') return 2;
  const g = dateState(group);
  // The trip so far has no date at all: this row may bring it, or the trip has none.
  if (g === 'empty') return 1;
  if (readable(g) && r === 'complete') return -3;
  if (g !== 'broken' && r !== 'broken') return readable(g) && r === 'year-less' ? -1 : 0;
  const joined = dateState(removeSpaces(group) + removeSpaces(row));
  if (g === 'broken' && readable(joined)) return 4;
  // The row goes on with a separator (`-4/11`, `/3`, `至22日`): the rest of the range.
  if (r === 'broken' && readable(joined) && /^[-－–—~～至到/／.．]/.test(removeSpaces(row))) return 2;
  // A complete date and a fragment (`1`) that would also extend it: the cell alone cannot tell.
  return 0;
}

/** Budgets: `新臺幣 10 萬` + `8,170 元` reads as one amount; `51 萬 2,005 元` + `8,170 元` does not. */
function budgetEvidence(group: string, row: string): number {
  const r = budgetState(row);
  if (r === 'empty') return 0.5;
  const g = budgetState(group);
  if (g === 'empty') return 0;
  const joinedText = removeSpaces(group) + removeSpaces(row);
  const joined = budgetState(joinedText);
  if (g === 'broken' && joined === 'complete') return 4;
  // `,005 元` or `元` goes on with the number above; a new amount starts with 新臺幣, NT$ or a digit.
  if (r === 'broken' && joined === 'complete' && /^[,，.萬元圓]/.test(removeSpaces(row))) return 2;
  if (g === 'complete' && r === 'complete') {
    const digits = /[0-9０-９]/;
    return joined === 'complete' && digits.test(group) && digits.test(row) ? 3 : -1;
  }
  return 0;
}

function lastMember(names: string): string {
  return removeCjkSpaces(names.split(/[、，,;；]/).at(-1) ?? '');
}

/**
 * Delegations: a list that ends in `、` or `等`, a last member with no name after the title
 * (`經發局局長`) or a one-character name (`局長黃` + `建華`), and a row that starts with a name
 * and no title, all point to a continuation; two stated headcounts point to two trips.
 */
function membersEvidence(group: string, row: string): number {
  const r = removeSpaces(toHalfWidth(row));
  if (r === '') return 0.5;
  const g = removeSpaces(toHalfWidth(group));
  if (g === '') return 0;
  let score = 0;
  const groupCount = splitHeadcount(g);
  const rowCount = splitHeadcount(r);
  if (/[、，,及和與暨等]$/.test(g)) score += 2;
  else if (groupCount.headcount === null) {
    const last = lastMember(groupCount.names);
    const split = splitTitleAndName(last);
    if (last !== '' && (split === null || (/^[\u4E00-\u9FFF]$/.test(split.name)))) score += 1.5;
  }
  if (groupCount.headcount === null) score += 0.5;
  else if (rowCount.headcount !== null) score -= 2;
  const first = removeCjkSpaces(rowCount.names.split(/[、，,;；]/)[0] ?? '');
  if (first === '') return score;
  if (splitTitleAndName(first) !== null || TITLE_WORDS.includes(first)) score -= 1.5;
  // A fragment that could begin a title (`市`, `經濟發`) says nothing; a bare name (`建華`) continues.
  else if (!beginsTitle(first)) score += 1.5;
  return score;
}

const TITLE_STARTS = [...TITLE_WORDS, ...Object.keys(AGENCY_NAMES), ...Object.keys(BODY_TITLES)];

function beginsTitle(text: string): boolean {
  return TITLE_STARTS.some((t) => t.startsWith(text));
}

/** Places: a new trip's places start with a country; `古屋、東京` or `等城市` continue the last one. */
function placesEvidence(group: string, row: string): number {
  const r = removeCjkSpaces(row);
  if (r === '') return 0.5;
  if (removeSpaces(group) === '') return 0;
  const r0 = removeSpaces(r);
  // A new trip's places start with a country; a fragment of a country name (`日`, `新加`) says nothing.
  let score = countryNamePrefix(r0) ? -0.5 : countries.some((c) => c.name.startsWith(r0)) ? 0 : 1;
  if (/[、，,及與]$/.test(removeSpaces(group))) score += 1;
  return score;
}

const FIRST_ITEM = /^(?:<(?:ol|ul)\b|<li\b|1\s*[.．、)）]|[（(]\s*[1１一]\s*[)）]|一、|①)/;

/** Outcomes: text left mid-sentence continues; a row that opens with item 1 starts a new list. */
function outcomesEvidence(group: string, row: string): number {
  const g = group.replace(/<[^>]+>/g, '').trim();
  const r = row.replace(/<\/?(?:p|div|span)\b[^>]*>/gi, '').trim();
  let score = 0;
  if (g !== '' && !/[。」）)!！?？]$/.test(g)) score += 1;
  if (r !== '' && FIRST_ITEM.test(r)) score -= 1;
  return score;
}

/**
 * Scores whether `row` continues the trip whose cells so far are `group` (pieces already joined)
 * rather than starting a new trip; positive means continue. No single cell decides: every column
 * adds what it knows, and a page break in the middle of a date, an amount or a name shows in the
 * cell it cut, while a new trip shows as complete values that do not join with the last ones.
 */
export function continuationScore(group: Record<TripColumn, string>, row: RowCells): number {
  const blank = (text: string | undefined) => text === undefined || removeSpaces(text) === '';
  let score = blank(row.title) ? 1 : 0;
  if (row.dates !== undefined) score += dateEvidence(group.dates, row.dates);
  if (row.budget !== undefined) score += budgetEvidence(group.budget, row.budget);
  if (row.members !== undefined) score += membersEvidence(group.members, row.members);
  if (row.places !== undefined) score += placesEvidence(group.places, row.places);
  if (row.outcomes !== undefined) score += outcomesEvidence(group.outcomes, row.outcomes);
  return score;
}
