import { fail, ok, type Parsed } from '#app/domain/result.ts';
import { parseChineseNumeral } from '#app/domain/text/chinese-numeral.ts';
import { removeSpaces, toHalfWidth } from '#app/domain/text/normalize-text.ts';

const ROC_OFFSET = 1911;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Converts an ROC (民國) year to the Gregorian year: 107 → 2018. */
export function rocToGregorianYear(roc: number): number {
  return roc + ROC_OFFSET;
}

/** Converts a Gregorian year to the ROC (民國) year: 2018 → 107. */
export function gregorianToRocYear(year: number): number {
  return year - ROC_OFFSET;
}

/** A date's fields as written, before any calendar check; a range's second half may omit the year or the month. */
export interface WrittenDate {
  /** The year as written: ROC when below 1000 or marked 民國, Gregorian otherwise. */
  year: number | null;
  /** The text carried a 民國 / 中華民國 prefix, so the year can only be ROC. */
  rocEra: boolean;
  month: number | null;
  day: number;
}

const ERA = '(?:中華民國|民國)?';
const SEPARATED_FULL = new RegExp(`^${ERA}(\\d{1,4})([/.\\-])(\\d{1,2})\\2(\\d{1,2})$`);
const SEPARATED_MONTH_DAY = /^(\d{1,2})[/.\-](\d{1,2})$/;
const BARE_DAY = /^(\d{1,2})$/;
const N = '[0-9〇零一二兩三四五六七八九十百]+';
const WORDED = new RegExp(`^(${ERA})(?:(${N})年)?(?:(${N})月)?(${N})(日|號)?$`);

/** Normalises date text the way PDF extraction mangles it: full-width digits and separators, stray spaces. */
export function compactDateText(text: string): string {
  return removeSpaces(toHalfWidth(text));
}

function numeral(token: string | undefined): number | null {
  if (token === undefined) return null;
  const r = parseChineseNumeral(token);
  return r.ok ? r.value : null;
}

/** Matches the shape of a (possibly partial) date in compacted text; null when the text is no date shape at all. */
export function readWrittenDate(compact: string): WrittenDate | null {
  const rocEra = /^(?:中華民國|民國)/.test(compact);
  const full = SEPARATED_FULL.exec(compact);
  if (full) return { year: Number(full[1]), rocEra, month: Number(full[3]), day: Number(full[4]) };
  const md = SEPARATED_MONTH_DAY.exec(compact);
  if (md) return { year: null, rocEra: false, month: Number(md[1]), day: Number(md[2]) };
  const d = BARE_DAY.exec(compact);
  if (d) return { year: null, rocEra: false, month: null, day: Number(d[1]) };

  const w = WORDED.exec(compact);
  if (!w) return null;
  const [, era, yearText, monthText, dayText, dayMark] = w;
  // Without 年, 月 or 日 the text is a plain number, not a date; a year without a month is no date either.
  if (yearText === undefined && monthText === undefined && dayMark === undefined) return null;
  if (yearText !== undefined && monthText === undefined) return null;
  if (era !== '' && yearText === undefined) return null;
  const year = numeral(yearText);
  const month = numeral(monthText);
  const day = numeral(dayText);
  if (day === null || (yearText !== undefined && year === null) || (monthText !== undefined && month === null)) return null;
  return { year, rocEra: era !== '', month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Checks a written year, month and day against the calendar and returns the ISO date; `input` is quoted in errors. */
export function toIsoDate(year: number, rocEra: boolean, month: number, day: number, input: string): Parsed<string> {
  if (rocEra && year >= 1000) {
    return fail('date', 'invalid-year', input, `ROC year ${year} is not plausible in "${input}"; ROC years have at most three digits`);
  }
  if (year < 1 || year > 9999) return fail('date', 'invalid-year', input, `year ${year} is not a year in "${input}"`);
  const gregorian = rocEra || year < 1000 ? rocToGregorianYear(year) : year;
  if (month < 1 || month > 12) return fail('date', 'invalid-month', input, `month ${month} is not a month in "${input}"`);
  const last = daysInMonth(gregorian, month);
  if (day < 1) return fail('date', 'invalid-day', input, `day ${day} is not a day in "${input}"`);
  if (day > last) {
    return fail('date', 'invalid-day', input, `day ${day} is not in ${MONTH_NAMES[month - 1] ?? ''} ${gregorian}, which has ${last} days, in "${input}"`);
  }
  return ok(`${pad(gregorian, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

/** Reads an ROC date (107/4/10, 107.4.10, 107-4-10, 民國107年4月10日, full-width) or an ISO date, and returns it as ISO. */
export function parseRocDate(text: string): Parsed<string> {
  const compact = compactDateText(text);
  if (compact === '') return fail('date', 'empty', text, 'the date is empty');
  const written = readWrittenDate(compact);
  if (written === null || written.month === null) {
    return fail('date', 'unreadable', text, `"${text}" is not a date; expected a form like 107/4/10, 107年4月10日 or 2018-04-10`);
  }
  if (written.year === null) return fail('date', 'missing-year', text, `"${text}" has no year`);
  return toIsoDate(written.year, written.rocEra, written.month, written.day, text);
}

/** The ROC year, month and day of an ISO date, or null when the text is not a valid ISO date from 1912 (民國 1) on. */
export function rocParts(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!toIsoDate(year, false, month, day, iso).ok || year <= ROC_OFFSET) return null;
  return { year: gregorianToRocYear(year), month, day };
}

/**
 * Shows an ISO date in the ROC calendar: `107/4/10` or `107年4月10日`. Text that is not a valid ISO date
 * from 1912 on is returned unchanged, so a bad value stays visible instead of turning into a wrong date.
 */
export function formatRocDate(iso: string, style: 'slash' | 'long' = 'slash'): string {
  const p = rocParts(iso);
  if (p === null) return iso;
  return style === 'long' ? `${p.year}年${p.month}月${p.day}日` : `${p.year}/${p.month}/${p.day}`;
}
