const ROC_OFFSET = 1911;

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/** An ISO date in the ROC calendar as government documents write it: 2018-04-10 → 107/4/10. */
export function rocDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${y - ROC_OFFSET}/${m}/${d}`;
}

/** The end of a range, without the year when the trip starts in the same year: 107/4/10–4/12. */
export function rocRangeEnd(startIso: string, endIso: string): string {
  const [sy] = parts(startIso);
  const [ey, em, ed] = parts(endIso);
  return sy === ey ? `${em}/${ed}` : rocDate(endIso);
}

/** The ROC year of a Gregorian year: 2018 → 107. */
export function rocYear(year: number): number {
  return year - ROC_OFFSET;
}

/** Number of calendar days a trip spans, both ends included. */
export function tripDays(startIso: string, endIso: string): number {
  return Math.round((Date.parse(`${endIso}T00:00:00Z`) - Date.parse(`${startIso}T00:00:00Z`)) / 86_400_000) + 1;
}
