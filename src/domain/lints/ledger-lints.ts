import type { Trip } from '#app/domain/trips/trip-schema.ts';

/** One data-quality finding over the ledger. */
export interface LedgerLint {
  code: 'person-double-booked' | 'headcount-below-names' | 'settlement-missing' | 'outcome-without-follow-up' | 'duplicate-in-list';
  tripIds: string[];
  outcomeId: string | null;
  message: string;
  messageZh: string;
}

/** Thresholds of the lints; configurable because the rules behind them differ by city. */
export interface LintOptions {
  /** Today, ISO. */
  asOf: string;
  /** Days after return after which an unsettled trip is flagged (expense claims are due in 45). */
  settlementGraceDays: number;
  /** Days after return after which an open outcome without any follow-up is flagged. */
  followUpGraceDays: number;
}

/** What the lints need of an outcome: its trip, text, status and how many follow-ups it has. */
export interface OutcomeLintFacts {
  id: string;
  tripId: string;
  text: string;
  status: string;
  followUps: number;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Runs every lint over the ledger. */
export function lintLedger(trips: readonly Trip[], outcomes: readonly OutcomeLintFacts[], options: LintOptions): LedgerLint[] {
  return [...doubleBookedPeople(trips), ...headcountBelowNames(trips), ...missingSettlements(trips, options), ...outcomesWithoutFollowUp(trips, outcomes, options), ...duplicatesInLists(trips, outcomes)];
}

/** The same person on two trips whose dates overlap. */
export function doubleBookedPeople(trips: readonly Trip[]): LedgerLint[] {
  const lints: LedgerLint[] = [];
  const sorted = [...trips].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as Trip;
    for (let j = i + 1; j < sorted.length && (sorted[j] as Trip).start <= a.end; j++) {
      const b = sorted[j] as Trip;
      const names = new Set(a.members.map((m) => m.name));
      for (const name of new Set(b.members.map((m) => m.name).filter((n) => names.has(n)))) {
        lints.push({
          code: 'person-double-booked',
          tripIds: [a.id, b.id],
          outcomeId: null,
          message: `${name} is on “${a.title}” (${a.start}–${a.end}) and “${b.title}” (${b.start}–${b.end}) at the same time`,
          messageZh: `${name} 同時列於「${a.title}」與「${b.title}」，兩案日期重疊`,
        });
      }
    }
  }
  return lints;
}

/** A stated headcount smaller than the names listed. */
export function headcountBelowNames(trips: readonly Trip[]): LedgerLint[] {
  return trips
    .filter((t) => t.headcount !== null && t.headcount < t.members.length)
    .map((t) => ({
      code: 'headcount-below-names' as const,
      tripIds: [t.id],
      outcomeId: null,
      message: `“${t.title}” states ${t.headcount} people but lists ${t.members.length} names`,
      messageZh: `「${t.title}」人數為 ${t.headcount} 人，但列出 ${t.members.length} 位成員`,
    }));
}

/** A trip back for longer than the grace period and still not settled. */
export function missingSettlements(trips: readonly Trip[], options: LintOptions): LedgerLint[] {
  return trips
    .filter((t) => t.budget.status !== 'settled' && addDays(t.end, options.settlementGraceDays) < options.asOf)
    .map((t) => ({
      code: 'settlement-missing' as const,
      tripIds: [t.id],
      outcomeId: null,
      message: `“${t.title}” returned on ${t.end} and is still ${t.budget.status}, more than ${options.settlementGraceDays} days later`,
      messageZh: `「${t.title}」已於 ${t.end} 返國逾 ${options.settlementGraceDays} 日，仍未完成核銷`,
    }));
}

/** An outcome still claimed or in progress with no follow-up long after the trip. */
export function outcomesWithoutFollowUp(trips: readonly Trip[], outcomes: readonly OutcomeLintFacts[], options: LintOptions): LedgerLint[] {
  const byId = new Map(trips.map((t) => [t.id, t]));
  return outcomes
    .filter((o) => (o.status === 'claimed' || o.status === 'in-progress') && o.followUps === 0)
    .filter((o) => {
      const trip = byId.get(o.tripId);
      return trip !== undefined && addDays(trip.end, options.followUpGraceDays) < options.asOf;
    })
    .map((o) => ({
      code: 'outcome-without-follow-up' as const,
      tripIds: [o.tripId],
      outcomeId: o.id,
      message: `Outcome “${o.text.slice(0, 40)}…” has no follow-up ${options.followUpGraceDays} days after the trip`,
      messageZh: `成效「${o.text.slice(0, 20)}…」返國 ${options.followUpGraceDays} 日後仍無追蹤紀錄`,
    }));
}

/** The same entry twice in one list: members, cities of a destination, outcome items, or names listed in an item (NVIDIA、ACER、NVIDIA). */
export function duplicatesInLists(trips: readonly Trip[], outcomes: readonly OutcomeLintFacts[]): LedgerLint[] {
  const lints: LedgerLint[] = [];
  const report = (trip: Trip, what: string, whatZh: string, value: string, outcomeId: string | null = null) =>
    lints.push({
      code: 'duplicate-in-list',
      tripIds: [trip.id],
      outcomeId,
      message: `“${value}” appears twice in the ${what} of “${trip.title}”`,
      messageZh: `「${trip.title}」的${whatZh}中「${value}」重複出現`,
    });
  const byId = new Map(trips.map((t) => [t.id, t]));
  for (const t of trips) {
    for (const name of repeated(t.members.map((m) => m.name))) report(t, 'delegation', '出國人員', name);
    for (const d of t.destinations) for (const city of repeated(d.cities)) report(t, `cities of ${d.country}`, `${d.country}城市`, city);
    for (const text of repeated(t.outcomes.map((o) => o.text))) report(t, 'outcome items', '成效項目', text.slice(0, 30));
  }
  for (const o of outcomes) {
    const trip = byId.get(o.tripId);
    if (!trip) continue;
    for (const list of o.text.match(/[^，。；：、]+(?:、[^，。；：、]+)+/g) ?? []) {
      const entries = list.split('、').map((e) => e.trim().replace(/^(?:向|與|包括|如)/, '').replace(/(?:等.*|及.*)$/, '').trim());
      for (const value of repeated(entries.filter((e) => e !== '').map((e) => e.toUpperCase()))) report(trip, 'names listed in an outcome item', '成效項目列舉', value, o.id);
    }
  }
  return lints;
}

function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}
