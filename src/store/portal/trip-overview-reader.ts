import type { Kysely } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import { TripOverviewBuilder, type TripOverview, type TripOverviewFacts } from '#app/domain/portal/trip-overview.ts';
import type { SettlementStatus } from '#app/domain/trips/trip-schema.ts';
import { PUBLISHED_STATES } from '#app/domain/workflow/lifecycle-state.ts';

/** How the overview's trips are read. */
export interface OverviewReadOptions {
  /** Trips per page (three queries each, a fourth when a trip of the page states no headcount); default 2,000. */
  pageSize?: number;
}

/**
 * The published trips (lifecycle state in PUBLISHED_STATES, as `isPublicTrip` decides) with only
 * what the portal's overview needs of them, page by page in the order of `TripRepository.all()`
 * (start date, then id). Destinations are read for the trips of the page; outcomes are only
 * counted, and members only counted for the trips that state no headcount (elsewhere the stated
 * headcount wins; their `memberCount` is null), so a page holds a few small rows per trip.
 */
export async function* overviewTripPages(db: Kysely<Database>, options: OverviewReadOptions = {}): AsyncGenerator<TripOverviewFacts[]> {
  const pageSize = options.pageSize ?? 2000;
  const published = PUBLISHED_STATES.length ? [...PUBLISHED_STATES] : [''];
  let after = '';
  let afterId = '';
  for (;;) {
    const rows = await db
      .selectFrom('trips')
      .select(['id', 'title', 'start_date', 'end_date', 'headcount', 'budget_actual', 'settlement_status'])
      .where('lifecycle_state', 'in', published)
      // The same row-value keyset as TripRepository.all(), so SQLite seeks to each page.
      .where((eb) => eb(eb.refTuple('start_date', 'id'), '>', eb.tuple(after, afterId)))
      .orderBy('start_date')
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const unstated = rows.filter((r) => r.headcount === null).map((r) => r.id);
    const [destinations, outcomeCounts, memberCounts] = await Promise.all([
      db.selectFrom('trip_destinations').select(['trip_id', 'country', 'country_code']).where('trip_id', 'in', ids).orderBy('trip_id').orderBy('position').execute(),
      db
        .selectFrom('trip_outcomes')
        .select((eb) => ['trip_id', eb.fn.countAll().as('n')])
        .where('trip_id', 'in', ids)
        .groupBy('trip_id')
        .execute(),
      unstated.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('trip_members')
            .select((eb) => ['trip_id', eb.fn.countAll().as('n')])
            .where('trip_id', 'in', unstated)
            .groupBy('trip_id')
            .execute(),
    ]);
    // PostgreSQL answers count(*) as a bigint string, SQLite as a number.
    const outcomesOf = new Map(outcomeCounts.map((c) => [c.trip_id, Number(c.n)]));
    const membersOf = new Map(memberCounts.map((c) => [c.trip_id, Number(c.n)]));
    const destinationsOf = new Map<string, { country: string; countryCode: string | null }[]>();
    for (const d of destinations) {
      const list = destinationsOf.get(d.trip_id);
      const destination = { country: d.country, countryCode: d.country_code };
      if (list) list.push(destination);
      else destinationsOf.set(d.trip_id, [destination]);
    }
    yield rows.map((r) => ({
      id: r.id,
      title: r.title,
      start: r.start_date,
      end: r.end_date,
      destinations: destinationsOf.get(r.id) ?? [],
      budget: { actual: r.budget_actual, status: r.settlement_status as SettlementStatus },
      headcount: r.headcount,
      memberCount: r.headcount === null ? (membersOf.get(r.id) ?? 0) : null,
      outcomeCount: outcomesOf.get(r.id) ?? 0,
    }));
    const last = rows[rows.length - 1]!;
    after = last.start_date;
    afterId = last.id;
  }
}

/** The portal's overview of every published trip, read page by page (flat memory at any ledger size). */
export async function readTripOverview(db: Kysely<Database>, latestCount = 5, options: OverviewReadOptions = {}): Promise<TripOverview> {
  const builder = new TripOverviewBuilder(latestCount);
  for await (const page of overviewTripPages(db, options)) for (const trip of page) builder.add(trip);
  return builder.result();
}
