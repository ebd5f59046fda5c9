// Date arithmetic on ISO calendar dates (YYYY-MM-DD), in UTC so time zones never shift a day.

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The date `days` days later (or earlier when negative). */
export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** The same day `months` months later, or the month's last day when it has no such day (Nov 30 + 3 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return format(target);
}

/** The date `count` working days after `date`, skipping Saturdays, Sundays and the listed holidays. */
export function addWorkingDays(date: string, count: number, holidays: readonly string[]): string {
  const off = new Set(holidays);
  let d = date;
  let left = count;
  while (left > 0) {
    d = addDays(d, 1);
    const weekday = parse(d).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !off.has(d)) left -= 1;
  }
  return d;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}
