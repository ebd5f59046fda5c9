/** True when a follow-up is still open and its due date has passed. */
export function isFollowUpOverdue(f: { status: string; dueOn: string | null }, today: string): boolean {
  return f.status === 'open' && f.dueOn !== null && f.dueOn < today;
}

/** Last day of a `YYYY-MM` month, or the date itself for `YYYY-MM-DD`: a due date from a written date. */
export function dueDateOf(date: string): string {
  if (date.length === 10) return date;
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date}-${String(last).padStart(2, '0')}`;
}
