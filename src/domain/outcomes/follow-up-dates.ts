import { rocToGregorianYear } from '#app/domain/dates/roc-date.ts';

/** A dated event found in an outcome text: a proposed follow-up. */
export interface DatedFollowUp {
  /** `YYYY-MM` when the text gives a month, `YYYY-MM-DD` when it gives the day. */
  date: string;
  precision: 'month' | 'day';
  /** The part of the text that tells what happened on that date. */
  description: string;
  /** True when the text says it is still to come (預計, 將): the date is a due date, not an event. */
  expected: boolean;
  /** The date as written, e.g. `106 年 10 月`. */
  written: string;
}

const ROC_DATE = /(同年|(\d{2,3})\s*年)\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/g;
const CLAUSE_END = /[。；;]/;
const COMMA = /[，、,]/;
// Words just before a date that make it a plan rather than an event.
const FUTURE = /(預計|預定|將於|將在|將|計畫於|規劃於)\s*(於)?\s*$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Finds `105 年 10 月` style dates in an outcome text and cuts out what each one dates.
 * Dates before the trip's first month are background (why the trip went), not follow-ups,
 * and dates in the trip's own month are the trip itself; both are left out.
 */
export function findDatedFollowUps(text: string, trip: { start: string }): DatedFollowUp[] {
  const found: { index: number; end: number; date: string; precision: 'month' | 'day'; written: string }[] = [];
  let lastYear: number | null = null;
  for (const match of text.matchAll(ROC_DATE)) {
    const year: number | null = match[2] ? rocToGregorianYear(Number(match[2])) : lastYear;
    const month = Number(match[3]);
    const day = match[4] ? Number(match[4]) : null;
    if (year === null || month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) continue;
    lastYear = year;
    const date = day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
    found.push({ index: match.index, end: match.index + match[0].length, date, precision: day === null ? 'month' : 'day', written: match[0] });
  }
  const tripMonth = trip.start.slice(0, 7);
  const result: DatedFollowUp[] = [];
  found.forEach((f, i) => {
    if (f.date.slice(0, 7) <= tripMonth) return;
    const clauseStart = lastIndexOf(text, CLAUSE_END, f.index) + 1;
    const previous = found[i - 1];
    // Two dates in one clause (已於 106 年 8 月開工、107 年 3 月上樑) each get their own part,
    // cut at the last comma before the later date.
    let start = clauseStart;
    if (previous && previous.end > clauseStart) start = Math.max(previous.end, lastIndexOf(text, COMMA, f.index) + 1);
    const next = found[i + 1];
    const clauseEnd = indexOf(text, CLAUSE_END, f.end);
    let end = clauseEnd === -1 ? text.length : clauseEnd + 1;
    if (next && next.index < end) {
      const comma = lastIndexOf(text, COMMA, next.index);
      end = comma >= f.end ? comma + 1 : next.index;
    }
    const description = text.slice(start, end).trim().replace(/[，、,]$/, '');
    result.push({ date: f.date, precision: f.precision, description, expected: FUTURE.test(text.slice(Math.max(0, f.index - 8), f.index)), written: f.written });
  });
  return result;
}

function lastIndexOf(text: string, pattern: RegExp, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (pattern.test(text.charAt(i))) return i;
  return -1;
}

function indexOf(text: string, pattern: RegExp, from: number): number {
  for (let i = from; i < text.length; i++) if (pattern.test(text.charAt(i))) return i;
  return -1;
}
