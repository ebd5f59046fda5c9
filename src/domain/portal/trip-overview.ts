import type { SettlementStatus, Trip } from '#app/domain/trips/trip-schema.ts';

/** A trip as the portal's lists show it: enough to link to it, not the whole record. */
export interface TripSummary {
  id: string;
  title: string;
  start: string;
  end: string;
  countries: { code: string | null; name: string }[];
  status: SettlementStatus;
  actual: number | null;
}

/** The term at a glance: what the portal's home page shows. */
export interface TripOverview {
  tripCount: number;
  /** First start and last end date among the trips; null when there are none. */
  firstStart: string | null;
  lastEnd: string | null;
  /** Sum of settled actual costs; trips whose cost is not final are counted apart, never guessed. */
  actualTotal: number;
  tripsWithActual: number;
  tripsWithoutActual: number;
  outcomeCount: number;
  /** Sum of the stated headcounts, or of the names listed where no headcount is stated. */
  travellerCount: number;
  countries: { code: string | null; name: string; trips: number }[];
  years: { year: number; trips: number; actual: number; tripsWithoutActual: number }[];
  latest: TripSummary[];
}

/** What a trip's summary is made of; a `Trip` is one, and so are its overview facts. */
export interface TripSummarySource {
  id: string;
  title: string;
  start: string;
  end: string;
  destinations: readonly { country: string; countryCode: string | null }[];
  budget: { actual: number | null; status: SettlementStatus };
}

/**
 * What the overview needs of one trip: no more than a reader has to fetch. `tripOverviewFacts`
 * gives them for a whole `Trip`.
 */
export interface TripOverviewFacts extends TripSummarySource {
  /** The stated headcount, null when none is stated. */
  headcount: number | null;
  /**
   * How many members the trip lists, counted as its travellers where no headcount is stated; null
   * when not counted (a reader may skip the count for a trip that states a headcount).
   */
  memberCount: number | null;
  outcomeCount: number;
}

/** The overview's facts of a whole trip. */
export function tripOverviewFacts(trip: Trip): TripOverviewFacts {
  return {
    id: trip.id,
    title: trip.title,
    start: trip.start,
    end: trip.end,
    destinations: trip.destinations,
    budget: { actual: trip.budget.actual, status: trip.budget.status },
    headcount: trip.headcount,
    memberCount: trip.members.length,
    outcomeCount: trip.outcomes.length,
  };
}

/** The summary of one trip shown in lists. */
export function summarizeTrip(trip: TripSummarySource): TripSummary {
  return {
    id: trip.id,
    title: trip.title,
    start: trip.start,
    end: trip.end,
    countries: trip.destinations.map((d) => ({ code: d.countryCode, name: d.country })),
    status: trip.budget.status,
    actual: trip.budget.actual,
  };
}

/** Folds trips one at a time into the overview, so a streamed ledger never has to be held in memory. */
export class TripOverviewBuilder {
  private tripCount = 0;
  private firstStart: string | null = null;
  private lastEnd: string | null = null;
  private actualTotal = 0;
  private tripsWithActual = 0;
  private outcomeCount = 0;
  private travellerCount = 0;
  private readonly countries = new Map<string, { code: string | null; name: string; trips: number }>();
  private readonly years = new Map<number, { year: number; trips: number; actual: number; tripsWithoutActual: number }>();
  private latest: TripOverviewFacts[] = [];

  constructor(private readonly latestCount = 5) {}

  /**
   * Adds one trip. Add each trip once; the order decides only which of a country's names is shown
   * (its first trip's first destination there) and the order of equally counted, equally named countries.
   */
  add(trip: TripOverviewFacts): void {
    this.tripCount += 1;
    if (this.firstStart === null || trip.start < this.firstStart) this.firstStart = trip.start;
    if (this.lastEnd === null || trip.end > this.lastEnd) this.lastEnd = trip.end;
    const actual = trip.budget.actual;
    if (actual !== null) {
      this.actualTotal += actual;
      this.tripsWithActual += 1;
    }
    this.outcomeCount += trip.outcomeCount;
    this.travellerCount += trip.headcount ?? trip.memberCount ?? 0;

    // A trip visiting two cities of one country counts once for that country.
    const seen = new Set<string>();
    for (const d of trip.destinations) {
      const key = d.countryCode ?? d.country;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = this.countries.get(key) ?? { code: d.countryCode, name: d.country, trips: 0 };
      entry.trips += 1;
      this.countries.set(key, entry);
    }

    const year = Number(trip.start.slice(0, 4));
    const y = this.years.get(year) ?? { year, trips: 0, actual: 0, tripsWithoutActual: 0 };
    y.trips += 1;
    if (actual !== null) y.actual += actual;
    else y.tripsWithoutActual += 1;
    this.years.set(year, y);

    this.latest.push(trip);
    if (this.latest.length > this.latestCount * 2) this.latest = newestFirst(this.latest).slice(0, this.latestCount);
  }

  /** The overview of every trip added so far. */
  result(): TripOverview {
    return {
      tripCount: this.tripCount,
      firstStart: this.firstStart,
      lastEnd: this.lastEnd,
      actualTotal: this.actualTotal,
      tripsWithActual: this.tripsWithActual,
      tripsWithoutActual: this.tripCount - this.tripsWithActual,
      outcomeCount: this.outcomeCount,
      travellerCount: this.travellerCount,
      countries: [...this.countries.values()].sort((a, b) => b.trips - a.trips || a.name.localeCompare(b.name, 'zh-Hant')),
      years: [...this.years.values()].sort((a, b) => a.year - b.year),
      latest: newestFirst(this.latest).slice(0, this.latestCount).map(summarizeTrip),
    };
  }
}

function newestFirst<T extends { id: string; start: string }>(trips: T[]): T[] {
  return [...trips].sort((a, b) => (a.start === b.start ? a.id.localeCompare(b.id) : b.start.localeCompare(a.start)));
}
