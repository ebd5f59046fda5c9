import { countries } from '#app/domain/places/country-list.ts';
import { isFollowUpOverdue } from '#app/domain/outcomes/follow-up-overdue.ts';
import { ratio, tripCost, tripDays, tripHeadcount, type OutcomeFacts } from '#app/domain/analytics/trip-cost-ratios.ts';

/** What the analytics need of a follow-up. */
export interface FollowUpFacts {
  outcomeId: string;
  status: string;
  dueOn: string | null;
}

/** Filters of the cross-trip figures; all optional, combined with AND. */
export interface LedgerFilter {
  /** Gregorian year the trip starts in. */
  year?: number;
  /** Part of the organising agency, a member's agency or an outcome's responsible agency. */
  agency?: string;
  /** Country name, alias or ISO code. */
  country?: string;
  /** Part of a delegation member's name. */
  person?: string;
  /** Theme id: trips with an outcome of this theme, and only those outcomes. */
  theme?: string;
}

/** Totals and ratios over the trips that match a filter. */
export interface LedgerSummary {
  trips: number;
  tripsWithCost: number;
  totalCost: number;
  /** Sum of headcounts and of person-days over the trips with a known cost, the base of the ratios. */
  costedHeadcount: number;
  costedPersonDays: number;
  costPerMember: number | null;
  costPerPersonDay: number | null;
  totalPersonDays: number;
  tripsPerCountry: { countryCode: string | null; country: string; trips: number }[];
  outcomes: number;
  outcomesByType: Record<string, number>;
  outcomesByStatus: Record<string, number>;
  outcomesPerTheme: Record<string, number>;
  realisedShare: number | null;
  followUps: { total: number; done: number; open: number; overdue: number; cancelled: number; realisationRate: number | null };
}

/**
 * What the cross-trip figures need of one trip: dates, budget figures, stated headcount, members'
 * names, agencies and titles, destinations' countries and the organising agency. A `Trip` is one.
 */
export interface SummaryTripFacts {
  id: string;
  start: string;
  end: string;
  organisingAgency: string;
  headcount: number | null;
  budget: { estimate: number | null; approved: number | null; actual: number | null };
  members: readonly { name: string; title: string; agency: string | null }[];
  destinations: readonly { country: string; countryCode: string | null }[];
}

/**
 * The filter as a test of one trip and its own outcomes (only the trip's, not the whole ledger's),
 * with the country looked up once: `tripMatches` for many trips.
 */
export function tripMatcher(filter: LedgerFilter): (trip: SummaryTripFacts, own: readonly OutcomeFacts[]) => boolean {
  const wanted = filter.country ? filter.country.trim() : undefined;
  const known = wanted === undefined ? undefined : countries.find((c) => c.code === wanted.toUpperCase() || c.name === wanted || c.aliases.includes(wanted));
  return (trip, own) => {
    if (filter.year !== undefined && Number(trip.start.slice(0, 4)) !== filter.year) return false;
    if (wanted !== undefined && !trip.destinations.some((d) => d.country === wanted || (known !== undefined && d.countryCode === known.code))) return false;
    if (filter.person && !trip.members.some((m) => m.name.includes(filter.person as string))) return false;
    if (filter.agency) {
      const a = filter.agency;
      if (!trip.organisingAgency.includes(a) && !trip.members.some((m) => (m.agency ?? '').includes(a) || m.title.includes(a)) && !own.some((o) => (o.agency ?? '').includes(a))) return false;
    }
    if (filter.theme && !own.some((o) => o.themes.includes(filter.theme as string))) return false;
    return true;
  };
}

/** Whether a trip matches the filter (the agency and theme parts are checked against its outcomes). */
export function tripMatches(trip: SummaryTripFacts, filter: LedgerFilter, outcomes: readonly OutcomeFacts[]): boolean {
  return tripMatcher(filter)(
    trip,
    outcomes.filter((o) => o.tripId === trip.id),
  );
}

/** Sums the figures of one trip at a time, so a ledger of any size is summed in constant memory. */
export interface LedgerSummaryAccumulator {
  /**
   * Counts a trip, if it matches the filter, with its outcomes and their follow-ups (others'
   * outcomes and follow-ups are ignored). True when the trip matched. Add each trip once; the
   * order of trips decides only the order of ties in `tripsPerCountry`.
   */
  add(trip: SummaryTripFacts, outcomes: readonly OutcomeFacts[], followUps: readonly FollowUpFacts[]): boolean;
  /** The summary of the trips added so far. */
  result(): LedgerSummary;
}

/** An empty summary of the trips matching `filter`, with follow-ups overdue as of `today`. */
export function createLedgerSummaryAccumulator(filter: LedgerFilter, today: string): LedgerSummaryAccumulator {
  const matches = tripMatcher(filter);
  let trips = 0;
  let tripsWithCost = 0;
  let totalCost = 0;
  let costedHeadcount = 0;
  let costedPersonDays = 0;
  let totalPersonDays = 0;
  const perCountry = new Map<string, { countryCode: string | null; country: string; trips: number }>();
  let outcomes = 0;
  let realised = 0;
  const outcomesByType: Record<string, number> = {};
  const outcomesByStatus: Record<string, number> = {};
  const outcomesPerTheme: Record<string, number> = {};
  const followUps = { total: 0, done: 0, open: 0, overdue: 0, cancelled: 0 };
  return {
    add(trip, tripOutcomes, outcomeFollowUps) {
      const mine = tripOutcomes.filter((o) => o.tripId === trip.id);
      if (!matches(trip, mine)) return false;
      trips += 1;
      const { cost } = tripCost(trip);
      const { headcount } = tripHeadcount(trip);
      const personDays = headcount * tripDays(trip.start, trip.end);
      totalPersonDays += personDays;
      if (cost !== null) {
        tripsWithCost += 1;
        totalCost += cost;
        costedHeadcount += headcount;
        costedPersonDays += personDays;
      }
      // A country counts once per trip, under the name of its last destination in that country.
      for (const d of new Map(trip.destinations.map((x) => [x.countryCode ?? x.country, x])).values()) {
        const key = d.countryCode ?? d.country;
        const entry = perCountry.get(key) ?? { countryCode: d.countryCode, country: d.country, trips: 0 };
        entry.trips += 1;
        perCountry.set(key, entry);
      }
      const own = filter.theme ? mine.filter((o) => o.themes.includes(filter.theme as string)) : mine;
      const outcomeIds = new Set<string>();
      for (const o of own) {
        outcomeIds.add(o.id);
        outcomes += 1;
        if (o.status === 'realised') realised += 1;
        const type = o.type ?? 'unclassified';
        outcomesByType[type] = (outcomesByType[type] ?? 0) + 1;
        outcomesByStatus[o.status] = (outcomesByStatus[o.status] ?? 0) + 1;
        for (const theme of o.themes) outcomesPerTheme[theme] = (outcomesPerTheme[theme] ?? 0) + 1;
      }
      for (const f of outcomeFollowUps) {
        if (!outcomeIds.has(f.outcomeId)) continue;
        followUps.total += 1;
        if (f.status === 'done') followUps.done += 1;
        if (f.status === 'open') followUps.open += 1;
        if (f.status === 'cancelled') followUps.cancelled += 1;
        if (isFollowUpOverdue(f, today)) followUps.overdue += 1;
      }
      return true;
    },
    result() {
      const { done, open } = followUps;
      return {
        trips,
        tripsWithCost,
        totalCost,
        costedHeadcount,
        costedPersonDays,
        costPerMember: ratio(tripsWithCost ? totalCost : null, costedHeadcount),
        costPerPersonDay: ratio(tripsWithCost ? totalCost : null, costedPersonDays),
        totalPersonDays,
        tripsPerCountry: [...perCountry.values()].map((c) => ({ ...c })).sort((a, b) => b.trips - a.trips || a.country.localeCompare(b.country)),
        outcomes,
        outcomesByType: { ...outcomesByType },
        outcomesByStatus: { ...outcomesByStatus },
        outcomesPerTheme: { ...outcomesPerTheme },
        realisedShare: outcomes ? realised / outcomes : null,
        followUps: { ...followUps, realisationRate: done + open ? done / (done + open) : null },
      };
    },
  };
}

/** Cross-trip totals, cost ratios, trips per country, outcomes per type/status/theme and follow-up realisation. */
export function ledgerSummary(trips: readonly SummaryTripFacts[], outcomes: readonly OutcomeFacts[], followUps: readonly FollowUpFacts[], filter: LedgerFilter, today: string): LedgerSummary {
  const outcomesOf = groupBy(outcomes, (o) => o.tripId);
  const followUpsOf = groupBy(followUps, (f) => f.outcomeId);
  const summary = createLedgerSummaryAccumulator(filter, today);
  for (const trip of trips) {
    const own = outcomesOf.get(trip.id) ?? [];
    summary.add(
      trip,
      own,
      own.flatMap((o) => followUpsOf.get(o.id) ?? []),
    );
  }
  return summary.result();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
