import { describe, expect, it } from 'vitest';
import { TripOverviewBuilder, tripOverviewFacts, type TripOverviewFacts } from '#app/domain/portal/trip-overview.ts';
import type { Trip, TripInput } from '#app/domain/trips/trip-schema.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';

// Only the fields the overview reads matter; the cast keeps the test independent of workflow fields.
function stored(id: string, overrides: Partial<TripInput>): TripOverviewFacts {
  return tripOverviewFacts({ id, ...buildTripInput(overrides), createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', version: 1 } as Trip);
}

const budget = (actual: number | null) => ({ currency: 'TWD' as const, estimate: null, approved: null, actual, status: actual === null ? ('settling' as const) : ('settled' as const), estimateBreakdown: {}, actualBreakdown: {} });

describe('TripOverviewBuilder', () => {
  it('sums only settled costs, counts countries once per trip and groups by start year', () => {
    const b = new TripOverviewBuilder(2);
    b.add(stored('a', { start: '2016-03-01', end: '2016-03-03', budget: budget(100), headcount: 7, outcomes: [{ text: '一' }, { text: '二' }], destinations: [{ country: '日本', countryCode: 'JP', cities: ['東京'] }, { country: '日本', countryCode: 'JP', cities: ['大阪'] }] }));
    b.add(stored('b', { start: '2016-09-01', end: '2016-09-09', budget: budget(250), headcount: null, destinations: [{ country: '日本', countryCode: 'JP', cities: [] }, { country: '韓國', countryCode: 'KR', cities: [] }] }));
    b.add(stored('c', { start: '2018-04-19', end: '2018-04-25', budget: budget(null), headcount: 3, outcomes: [], destinations: [{ country: '墨西哥', countryCode: 'MX', cities: [] }] }));
    const o = b.result();
    expect(o).toMatchObject({ tripCount: 3, firstStart: '2016-03-01', lastEnd: '2018-04-25', actualTotal: 350, tripsWithActual: 2, tripsWithoutActual: 1, outcomeCount: 3 });
    // headcount 7 + two names listed (no headcount stated) + 3
    expect(o.travellerCount).toBe(12);
    expect(o.countries).toEqual([
      { code: 'JP', name: '日本', trips: 2 },
      { code: 'MX', name: '墨西哥', trips: 1 },
      { code: 'KR', name: '韓國', trips: 1 },
    ].sort((x, y) => y.trips - x.trips || x.name.localeCompare(y.name, 'zh-Hant')));
    expect(o.years).toEqual([
      { year: 2016, trips: 2, actual: 350, tripsWithoutActual: 0 },
      { year: 2018, trips: 1, actual: 0, tripsWithoutActual: 1 },
    ]);
    expect(o.latest.map((t) => t.id)).toEqual(['c', 'b']);
    expect(o.latest[0]).toMatchObject({ countries: [{ code: 'MX', name: '墨西哥' }], status: 'settling', actual: null });
  });

  it('keeps the newest trips however many are streamed in, in any order', () => {
    const b = new TripOverviewBuilder(3);
    const days = Array.from({ length: 40 }, (_, i) => i).sort((x, y) => ((x * 17) % 40) - ((y * 17) % 40));
    for (const d of days) {
      const date = new Date(Date.UTC(2017, 0, 1 + d)).toISOString().slice(0, 10);
      b.add(stored(`t${d}`, { start: date, end: date }));
    }
    expect(b.result().latest.map((t) => t.id)).toEqual(['t39', 't38', 't37']);
  });

  it('answers an empty ledger with zeros and no dates', () => {
    expect(new TripOverviewBuilder().result()).toEqual({ tripCount: 0, firstStart: null, lastEnd: null, actualTotal: 0, tripsWithActual: 0, tripsWithoutActual: 0, outcomeCount: 0, travellerCount: 0, countries: [], years: [], latest: [] });
  });
});
