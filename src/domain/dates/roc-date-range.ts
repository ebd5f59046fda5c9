import { compactDateText, formatRocDate, readWrittenDate, rocParts, toIsoDate, type WrittenDate } from '#app/domain/dates/roc-date.ts';
import { fail, ok, type Parsed } from '#app/domain/result.ts';

/** A trip's dates as ISO dates; `yearFromContext` is true when the text had no year and the caller's year was used. */
export interface RocDateRange {
  start: string;
  end: string;
  yearFromContext: boolean;
}

// `-` is left out: it is also a separator inside a date (107-4-10), so it is resolved by trying each position.
const RANGE_SEPARATOR = /[~〜–—―‒至到]/;
const ORIGINAL_FORMS = 'expected a form like 104/4/6-4/11, 108年11月18日至22日 or 107/4/10';

function unreadable(text: string): Parsed<RocDateRange> {
  return fail('date-range', 'unreadable', text, `"${text}" is not a date range; ${ORIGINAL_FORMS}`);
}

interface Halves {
  first: WrittenDate;
  second: WrittenDate | null;
}

/** Every way to read the text as one date or as two halves; more than one means the text is ambiguous. */
function readings(compact: string): Halves[] {
  const parts = compact.split(RANGE_SEPARATOR);
  if (parts.length === 2) {
    const first = readWrittenDate(parts[0] ?? '');
    const second = readWrittenDate(parts[1] ?? '');
    return first !== null && first.month !== null && second !== null ? [{ first, second }] : [];
  }
  if (parts.length > 2) return [];

  const found: Halves[] = [];
  const whole = readWrittenDate(compact);
  if (whole !== null && whole.month !== null) found.push({ first: whole, second: null });
  for (let i = compact.indexOf('-'); i !== -1; i = compact.indexOf('-', i + 1)) {
    const first = readWrittenDate(compact.slice(0, i));
    const second = readWrittenDate(compact.slice(i + 1));
    if (first !== null && first.month !== null && second !== null) found.push({ first, second });
  }
  return found;
}

function asRangeError(r: Parsed<string>, text: string): Parsed<RocDateRange> {
  return fail('date-range', 'invalid-date', text, r.ok ? `"${text}" has an invalid date` : r.error.message);
}

/**
 * Reads a trip's dates as the reports write them (104/4/06-4/11, 108/12/28-1/03, 108年11月18日至22日, 107/4/10).
 * A range with no year (4/10-4/12) takes `context.rocYear`; without it the caller gets `missing-year` and must decide.
 */
export function parseRocDateRange(text: string, context?: { rocYear?: number }): Parsed<RocDateRange> {
  const compact = compactDateText(text)
    .replace(/起(?=[~〜–—―‒至到-])/, '')
    .replace(/止$/, '');
  if (compact === '') return fail('date-range', 'empty', text, 'the date range is empty');

  const found = readings(compact);
  if (found.length === 0) return unreadable(text);
  if (found.length > 1) {
    return fail('date-range', 'ambiguous', text, `"${text}" can be split into two dates in more than one way; write it with / and a year, e.g. 107/4/10-4/12`);
  }
  const { first, second } = found[0] as Halves;
  const firstMonth = first.month as number;

  let year = first.year;
  let rocEra = first.rocEra;
  let yearFromContext = false;
  if (year === null) {
    const contextYear = context?.rocYear;
    if (contextYear === undefined) {
      return fail('date-range', 'missing-year', text, `"${text}" has no year and no year was given to resolve it`);
    }
    if (!Number.isInteger(contextYear) || contextYear < 1 || contextYear > 999) {
      return fail('date-range', 'invalid-context', text, `the year ${contextYear} given for "${text}" is not an ROC year`);
    }
    year = contextYear;
    rocEra = true;
    yearFromContext = true;
  }

  const start = toIsoDate(year, rocEra, firstMonth, first.day, text);
  if (!start.ok) return asRangeError(start, text);
  if (second === null) return ok({ start: start.value, end: start.value, yearFromContext });

  let end: Parsed<string>;
  if (second.year !== null) {
    if (second.month === null) return unreadable(text);
    end = toIsoDate(second.year, second.rocEra, second.month, second.day, text);
  } else {
    const startYear = Number(start.value.slice(0, 4));
    const month = second.month ?? firstMonth;
    // A trip written 108/12/28-1/03 returns in January of the next year; the reports leave that year out.
    const endYear = month < firstMonth ? startYear + 1 : startYear;
    end = toIsoDate(endYear, false, month, second.day, text);
  }
  if (!end.ok) return asRangeError(end, text);
  if (end.value < start.value) {
    return fail('date-range', 'end-before-start', text, `the end ${end.value} is before the start ${start.value} in "${text}"`);
  }
  return ok({ start: start.value, end: end.value, yearFromContext });
}

/** Shows a trip's dates the way the reports do: `104/4/6-4/11`, `108/12/28-109/1/3`, or `107/4/10` for one day. */
export function formatRocDateRange(start: string, end: string): string {
  const s = rocParts(start);
  const e = rocParts(end);
  if (s === null || e === null) return `${formatRocDate(start)}-${formatRocDate(end)}`;
  if (start === end) return formatRocDate(start);
  const endText = s.year === e.year ? `${e.month}/${e.day}` : `${e.year}/${e.month}/${e.day}`;
  return `${s.year}/${s.month}/${s.day}-${endText}`;
}
