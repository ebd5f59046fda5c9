import { tripInput, type TripInput } from '#app/domain/trips/trip-schema.ts';
import type { LedgerFilter } from '#app/domain/analytics/ledger-summary.ts';
import { LIFECYCLE_STATES } from '#app/domain/workflow/lifecycle-state.ts';
import type { Principal } from '#app/server/auth/principal.ts';
import { outcomeDb } from '#app/store/outcomes/outcome-db.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { CLERK_AGENCY, OTHER_AGENCY } from '#tests/support/staff-builder.ts';
import type { TestStore } from '#tests/support/test-store.ts';

// A small ledger for the streamed analytics (summary, per-trip ratios) to be compared with the
// in-memory figures over the whole snapshot: trips in every lifecycle state and of three agencies,
// many starting on the same day, with outcomes of varied types, statuses, agencies, themes and
// follow-ups; readers of every kind; and filters of every kind.

const AGENCIES = [CLERK_AGENCY, OTHER_AGENCY, '秘書處'];
const PLACES: TripInput['destinations'][] = [
  [{ country: '日本', countryCode: 'JP', cities: ['東京'] }],
  [
    { country: '韓國', countryCode: 'KR', cities: ['首爾'] },
    { country: '日本', countryCode: 'JP', cities: ['大阪'] },
  ],
  [{ country: 'Japan', countryCode: 'JP', cities: ['Nagoya'] }],
  [{ country: '日本', countryCode: null, cities: [] }],
  [
    { country: '美國', countryCode: 'US', cities: ['舊金山'] },
    { country: '美國', countryCode: 'US', cities: ['洛杉磯'] },
  ],
  [],
  [{ country: '新加坡', countryCode: 'SG', cities: [] }],
];
const NAMES = ['林佳龍', '陳盛山', '呂曜志', '林陳海', '王大明'];
const TYPES = ['sister-friendship-city', 'mou-agreement', null, 'event-promotion', 'other', 'investment'];
const STATUSES = ['claimed', 'in-progress', 'realised', 'lapsed', 'realised'];
export const THEMES = ['tourism', 'sister-cities', 'investment'];
const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled', 'open', 'done'];
const DUE = ['2018-12-31', null, '2019-05-31', '2020-01-15', '2019-06-01'];

export function tripOf(i: number): TripInput {
  const year = 2016 + (i % 5);
  const start = `${year}-0${1 + (i % 3)}-1${i % 2}`;
  const end = `${year}-0${1 + (i % 3)}-${String(11 + (i % 7)).padStart(2, '0')}`;
  const members = Array.from({ length: i % 4 }, (_, m) => ({
    name: NAMES[(i + m) % NAMES.length] as string,
    title: m === 0 && i % 6 === 0 ? `${OTHER_AGENCY}局長` : '專門委員',
    agency: m % 2 ? null : (AGENCIES[(i + m) % 3] as string),
    role: m === 0 ? ('leader' as const) : ('member' as const),
  }));
  const known = <T,>(every: number, value: T) => (i % every === 0 ? null : value);
  return tripInput.parse(
    buildTripInput({
      title: `出國案 ${i}`,
      organisingAgency: AGENCIES[i % 3] as string,
      start,
      end,
      destinations: PLACES[i % PLACES.length] as TripInput['destinations'],
      members,
      headcount: i % 4 === 1 ? null : 2 + (i % 5),
      budget: { currency: 'TWD', estimate: known(7, 100_000 + i * 1_000), approved: known(3, 90_000 + i * 777), actual: known(2, 80_000 + i * 1_313), status: 'planned', estimateBreakdown: {}, actualBreakdown: {} },
      outcomes: Array.from({ length: i % 5 }, (_, k) => ({ text: `成果 ${i}-${k}` })),
    }),
  );
}

export const PRINCIPALS: Record<string, Principal | null> = {
  public: null,
  clerk: { userId: 'c1', displayName: 'clerk', roles: ['clerk'], agency: CLERK_AGENCY, via: 'api-token' },
  'clerk without agency': { userId: 'c2', displayName: 'clerk', roles: ['clerk'], agency: null, via: 'api-token' },
  'no roles, with agency': { userId: 'c3', displayName: 'nobody', roles: [], agency: OTHER_AGENCY, via: 'api-token' },
  auditor: { userId: 'a1', displayName: 'auditor', roles: ['auditor'], agency: null, via: 'api-token' },
};

export const FILTERS: LedgerFilter[] = [
  {},
  { year: 2017 },
  { year: 2019 },
  { year: 2031 },
  { country: 'JP' },
  { country: '日本' },
  { country: 'Japan' },
  { country: 'kr' },
  { country: '美國' },
  { person: '林' },
  { person: '呂曜志' },
  { agency: CLERK_AGENCY },
  { agency: OTHER_AGENCY },
  { agency: '局' },
  { theme: 'tourism' },
  { theme: 'sister-cities', year: 2018 },
  { theme: 'no-such-theme' },
  { agency: OTHER_AGENCY, country: 'JP' },
  { year: 2016, person: '陳', country: 'JP' },
];

/** Stores the ledger: `trips` trips (tripOf), in turn in every lifecycle state, and their outcomes' facts. */
export async function seedAnalyticsLedger(store: TestStore, trips = 60): Promise<void> {
  const repo = new TripRepository(store.db);
  for (let i = 0; i < trips; i++) await repo.insert(tripOf(i), { state: LIFECYCLE_STATES[i % LIFECYCLE_STATES.length] });
  // Outcome types, statuses, agencies, themes and follow-ups, varied by position.
  const db = outcomeDb(store.db);
  const outcomes = await db.selectFrom('trip_outcomes').select(['id']).orderBy('trip_id').orderBy('position').execute();
  let followUp = 0;
  for (const [k, o] of outcomes.entries()) {
    await db
      .updateTable('trip_outcomes')
      .set({ type: TYPES[k % TYPES.length] ?? null, status: STATUSES[k % STATUSES.length] as string, agency: k % 4 === 0 ? OTHER_AGENCY : k % 4 === 1 ? CLERK_AGENCY : null })
      .where('id', '=', o.id)
      .execute();
    for (const [t, theme] of THEMES.entries()) {
      if ((k + t) % (t + 2) === 0) await db.insertInto('outcome_theme_links').values({ outcome_id: o.id, theme_id: theme, state: t ? 'proposed' : 'confirmed' }).execute();
    }
    for (let f = 0; f < k % 3; f++, followUp++) {
      await db
        .insertInto('outcome_follow_ups')
        .values({
          id: `fu-${followUp}`,
          outcome_id: o.id,
          occurred_on: null,
          due_on: DUE[followUp % DUE.length] ?? null,
          description: `追蹤 ${followUp}`,
          status: FOLLOW_UP_STATUSES[followUp % FOLLOW_UP_STATUSES.length] as string,
          state: 'confirmed',
          source: 'manual',
          written: null,
          links: '[]',
          created_at: '2019-01-01T00:00:00.000Z',
          updated_at: '2019-01-01T00:00:00.000Z',
          version: 1,
        })
        .execute();
    }
  }
}
