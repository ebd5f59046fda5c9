import { z } from 'zod';
import { countryByCode } from '#app/domain/places/country-list.ts';

// A per-diem rate table: USD per day by country and city, each row effective from a date. A city
// left empty is the rate for the rest of the country. Several effective dates may sit side by side,
// so a trip that crosses a revision pays each day at the rate in force that day.

export const perDiemRate = z.object({
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  city: z.string().max(100).describe('City; empty for the rest of the country'),
  usdPerDay: z.number().int().positive().max(10000),
  effectiveFrom: z.iso.date(),
});
export type PerDiemRate = z.infer<typeof perDiemRate>;

/** A problem on one line of a rate table file. */
export interface RateTableProblem {
  line: number;
  field: string;
  message: string;
}

const COLUMNS = ['country_code', 'country', 'city', 'usd_per_day', 'effective_from'] as const;

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((s) => s.trim());
}

/**
 * Reads a rate table CSV (UTF-8; lines starting with # are comments; header
 * country_code,country,city,usd_per_day,effective_from). Returns every row or every problem.
 */
export function parseRateTableCsv(text: string): { ok: true; rates: PerDiemRate[]; sample: boolean } | { ok: false; problems: RateTableProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: RateTableProblem[] = [];
  const rates: PerDiemRate[] = [];
  const seen = new Set<string>();
  let header: string[] | null = null;
  let sample = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (raw.trimStart().startsWith('#')) {
      if (/sample|範例/i.test(raw)) sample = true;
      return;
    }
    const cells = splitCsvLine(raw);
    if (!header) {
      header = cells.map((c) => c.toLowerCase());
      const missing = COLUMNS.filter((c) => !header!.includes(c));
      if (missing.length) problems.push({ line, field: 'header', message: `the header lacks ${missing.join(', ')}` });
      return;
    }
    const get = (name: (typeof COLUMNS)[number]) => cells[header!.indexOf(name)] ?? '';
    const code = get('country_code').toUpperCase();
    if (!countryByCode(code)) problems.push({ line, field: 'country_code', message: `unknown country code "${get('country_code')}"` });
    const usd = Number(get('usd_per_day'));
    if (!Number.isInteger(usd) || usd <= 0 || usd > 10000) problems.push({ line, field: 'usd_per_day', message: `"${get('usd_per_day')}" is not a whole number of US dollars from 1 to 10000` });
    const effectiveFrom = get('effective_from');
    if (!z.iso.date().safeParse(effectiveFrom).success) problems.push({ line, field: 'effective_from', message: `"${effectiveFrom}" is not a date (YYYY-MM-DD)` });
    const city = get('city');
    const key = `${code}|${city}|${effectiveFrom}`;
    if (seen.has(key)) problems.push({ line, field: 'city', message: `${code} ${city || '(rest of country)'} from ${effectiveFrom} appears twice` });
    seen.add(key);
    rates.push({ countryCode: code, city, usdPerDay: usd, effectiveFrom });
  });
  if (!header) problems.push({ line: 1, field: 'header', message: 'the file has no header row' });
  else if (rates.length === 0 && problems.length === 0) problems.push({ line: 2, field: 'rows', message: 'the table has no rates' });
  return problems.length ? { ok: false, problems } : { ok: true, rates, sample };
}

/**
 * The rate for a place on a date: the city's own row if there is one, else the country's
 * rest-of-country row; of those, the latest effective on or before the date.
 */
export function findRate(rates: readonly PerDiemRate[], countryCode: string, city: string, date: string): PerDiemRate | undefined {
  const inForce = rates.filter((r) => r.countryCode === countryCode && r.effectiveFrom <= date);
  const latest = (list: PerDiemRate[]) => list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  return latest(inForce.filter((r) => city !== '' && r.city === city)) ?? latest(inForce.filter((r) => r.city === ''));
}
