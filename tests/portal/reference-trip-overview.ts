// The portal overview as it was computed before it read only the columns it needs (commit c5412aa):
// the builder over whole `Trip`s, kept verbatim as the reference the streamed reader must equal.
import type { TripOverview, TripSummary } from '#app/domain/portal/trip-overview.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';

/** The summary of one trip shown in lists. */
function summarizeTrip(trip: Trip): TripSummary {
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
export class ReferenceTripOverviewBuilder {
  private tripCount = 0;
  private firstStart: string | null = null;
  private lastEnd: string | null = null;
  private actualTotal = 0;
  private tripsWithActual = 0;
  private outcomeCount = 0;
  private travellerCount = 0;
  private readonly countries = new Map<string, { code: string | null; name: string; trips: number }>();
  private readonly years = new Map<number, { year: number; trips: number; actual: number; tripsWithoutActual: number }>();
  private latest: Trip[] = [];

  constructor(private readonly latestCount = 5) {}

  /** Adds one trip. */
  add(trip: Trip): void {
    this.tripCount += 1;
    if (this.firstStart === null || trip.start < this.firstStart) this.firstStart = trip.start;
    if (this.lastEnd === null || trip.end > this.lastEnd) this.lastEnd = trip.end;
    const actual = trip.budget.actual;
    if (actual !== null) {
      this.actualTotal += actual;
      this.tripsWithActual += 1;
    }
    this.outcomeCount += trip.outcomes.length;
    this.travellerCount += trip.headcount ?? trip.members.length;

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

function newestFirst(trips: Trip[]): Trip[] {
  return [...trips].sort((a, b) => (a.start === b.start ? a.id.localeCompare(b.id) : b.start.localeCompare(a.start)));
}
