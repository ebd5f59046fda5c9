import type { Kysely } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import { tripMatcher, type LedgerFilter } from '#app/domain/analytics/ledger-summary.ts';
import { tripCostRatios, type TripCostRatios } from '#app/domain/analytics/trip-cost-ratios.ts';
import {
  countNarrowedTrips,
  narrowedTripKeyAt,
  narrowsExactly,
  summaryTripPages,
  type SummaryReadOptions,
  type TripVisibilityRule,
} from '#app/store/analytics/ledger-summary-reader.ts';

/** Which of the matching trips to answer with: `limit` of them after skipping `offset`. */
export interface TripRatioWindow {
  limit: number;
  offset: number;
}

/** A window of the matching trips' cost ratios, and how many trips match in all. */
export interface TripCostRatioPage {
  items: TripCostRatios[];
  total: number;
}

/**
 * The cost ratios (`tripCostRatios`) of the trips a requester may read that match `filter`, in the
 * order of `TripRepository.all()` (start date, then id), limited to `window`; `total` counts every
 * matching trip. The trips are walked page by page as the summary walks them (`summaryTripPages`:
 * visibility, year and theme in SQL, only the columns needed, no follow-ups), the pure domain
 * filter deciding the rest, so memory stays flat and the items equal those of the whole snapshot.
 * When SQL decides the filter exactly (visibility, year and theme only), the trips are counted and
 * skipped in SQL and only the window's trips are read, however far into the ledger it lies.
 */
export async function readTripCostRatios(
  raw: Kysely<Database>,
  filter: LedgerFilter,
  window: TripRatioWindow,
  visibleTo?: TripVisibilityRule,
  paging: Pick<SummaryReadOptions, 'pageSize' | 'outcomesPerQuery'> = {},
): Promise<TripCostRatioPage> {
  const matches = tripMatcher(filter);
  const narrowing = { visibleTo, year: filter.year, theme: filter.theme };
  const read = { ...paging, ...narrowing, themes: Boolean(filter.theme), followUps: false };
  const items: TripCostRatios[] = [];
  if (narrowsExactly(filter)) {
    const total = await countNarrowedTrips(raw, narrowing);
    if (window.offset >= total) return { items, total };
    const after = window.offset > 0 ? await narrowedTripKeyAt(raw, narrowing, window.offset - 1) : undefined;
    // The window's trips only: a page no larger than the window (unless asked), left once it is full.
    for await (const page of summaryTripPages(raw, { pageSize: Math.min(window.limit, 250), ...read, after })) {
      for (const { trip, outcomes } of page) {
        // Always true here; checked so the items stay those of the domain filter whatever the SQL.
        if (matches(trip, outcomes)) items.push(tripCostRatios(trip, outcomes));
        if (items.length === window.limit) return { items, total };
      }
    }
    return { items, total };
  }
  let total = 0;
  const pages = summaryTripPages(raw, read);
  for await (const page of pages) {
    for (const { trip, outcomes } of page) {
      if (!matches(trip, outcomes)) continue;
      if (total >= window.offset && items.length < window.limit) items.push(tripCostRatios(trip, outcomes));
      total += 1;
    }
  }
  return { items, total };
}
