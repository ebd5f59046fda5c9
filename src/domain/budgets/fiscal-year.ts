/** The ROC fiscal year of a date: Taiwan's fiscal year is the calendar year, numbered from 1912 (2018 → 107). */
export function fiscalYearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) - 1911;
}

/** First and last ISO dates of an ROC fiscal year. */
export function fiscalYearRange(rocYear: number): { from: string; to: string } {
  const y = String(rocYear + 1911).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}
