/** An agreement whose review or expiry date falls within the window (or has passed). */
export interface AgreementDue {
  agreementId: string;
  title: string;
  /** The nearer of the review and expiry dates. */
  dueOn: string;
  reason: 'review' | 'expiry';
  /** Negative when the date has passed. */
  daysLeft: number;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Agreements coming up for review or expiry within `withinDays` of `today`, overdue ones included, soonest first. */
export function agreementsComingUpForReview(
  agreements: readonly { id: string; title: string; reviewOn: string | null; expiresOn: string | null }[],
  today: string,
  withinDays: number,
): AgreementDue[] {
  const due: AgreementDue[] = [];
  for (const a of agreements) {
    const dates = [
      a.reviewOn ? { dueOn: a.reviewOn, reason: 'review' as const } : null,
      a.expiresOn ? { dueOn: a.expiresOn, reason: 'expiry' as const } : null,
    ].filter((d) => d !== null);
    const next = dates.sort((x, y) => x.dueOn.localeCompare(y.dueOn))[0];
    if (!next) continue;
    const left = days(today, next.dueOn);
    if (left <= withinDays) due.push({ agreementId: a.id, title: a.title, dueOn: next.dueOn, reason: next.reason, daysLeft: left });
  }
  return due.sort((x, y) => x.dueOn.localeCompare(y.dueOn));
}
