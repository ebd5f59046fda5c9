import { sql, type Kysely } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import { createLedgerSummaryAccumulator, type FollowUpFacts, type LedgerFilter, type LedgerSummary, type SummaryTripFacts } from '#app/domain/analytics/ledger-summary.ts';
import type { CostRatioTripFacts, OutcomeFacts } from '#app/domain/analytics/trip-cost-ratios.ts';
import type { OutcomeStatus, OutcomeType } from '#app/domain/outcomes/outcome-types.ts';
import { outcomeDb, type OutcomeDb } from '#app/store/outcomes/outcome-db.ts';

/** Outcome ids bound in one query: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const OUTCOMES_PER_QUERY = 500;

/** Which trips a requester may read: those in `states`, plus every trip of `orAgency` when it is not null. */
export interface TripVisibilityRule {
  states: readonly string[];
  orAgency: string | null;
}

/** One trip's facts for the summary and its cost ratios, with its outcomes and their follow-ups. */
export interface SummaryTripRecord {
  trip: SummaryTripFacts & Pick<CostRatioTripFacts, 'title'>;
  outcomes: OutcomeFacts[];
  followUps: FollowUpFacts[];
}

/** A record while its page is assembled: its lists still grow. */
interface PageRecord extends SummaryTripRecord {
  trip: SummaryTripRecord['trip'] & { members: { name: string; title: string; agency: string | null }[]; destinations: { country: string; countryCode: string | null }[] };
}

/** Where a trip lies in the walk's order: its start date, then its id. */
export interface TripKey {
  start: string;
  id: string;
}

/** What the reader narrows in SQL; anything else is left to the caller. */
export interface SummaryReadOptions {
  /** Only trips this rule lets the requester read; undefined: every trip. */
  visibleTo?: TripVisibilityRule;
  /** Only trips starting in this Gregorian year (a superset: the domain filter checks it again). */
  year?: number;
  /** Only trips with an outcome linked to this theme (likewise checked again). */
  theme?: string;
  /**
   * Trips per page (each page is three queries, and two more per 500 outcomes of its trips). 250
   * keeps a 100,000-trip summary near 200 MB of server memory; 1,000 was ~15% faster but peaked
   * over 300 MB, V8 letting more of each page's garbage reach the old generation.
   */
  pageSize?: number;
  /** Outcome ids bound per query for their themes and follow-ups (default 500). */
  outcomesPerQuery?: number;
  /** Start after this trip (its start date and id) instead of at the first one. */
  after?: TripKey;
  /** Whether to read the outcomes' themes (default true); without, every outcome's `themes` is empty. */
  themes?: boolean;
  /** Whether to read the outcomes' follow-ups (default true); without, every record's `followUps` is empty. */
  followUps?: boolean;
}

/** Whether `year` is one the reader narrows to in SQL (a four-digit Gregorian year). */
function narrowsYear(year: number | undefined): year is number {
  return year !== undefined && Number.isInteger(year) && year >= 1000 && year <= 9999;
}

/** The trips table narrowed by visibility, and the year and theme where given. */
function narrowedTrips(db: OutcomeDb, options: Pick<SummaryReadOptions, 'visibleTo' | 'year' | 'theme'>) {
  const { visibleTo, year, theme } = options;
  let query = db.selectFrom('trips');
  // Dates are ISO `YYYY-MM-DD`, so a four-digit year's trips lie between its first and last day.
  if (narrowsYear(year)) query = query.where('start_date', '>=', `${year}-01-01`).where('start_date', '<=', `${year}-12-31`);
  if (visibleTo) {
    const states = visibleTo.states.length ? [...visibleTo.states] : [''];
    const orAgency = visibleTo.orAgency;
    query = query.where((eb) => (orAgency === null ? eb('lifecycle_state', 'in', states) : eb.or([eb('lifecycle_state', 'in', states), eb('organising_agency', '=', orAgency)])));
  }
  if (theme) {
    query = query.where(sql<boolean>`exists (select 1 from trip_outcomes o join outcome_theme_links l on l.outcome_id = o.id where o.trip_id = trips.id and l.theme_id = ${theme})`);
  }
  return query;
}

/**
 * Whether the reader's SQL narrowing decides the domain filter exactly (no agency, country or
 * person, which only the domain decides; a year the reader narrows to): then every trip it walks
 * matches, and `countNarrowedTrips` and `narrowedTripKeyAt` count and skip them in SQL.
 */
export function narrowsExactly(filter: LedgerFilter): boolean {
  return !filter.agency && !filter.country && !filter.person && (filter.year === undefined || narrowsYear(filter.year));
}

/** How many trips the reader would walk with these options. */
export async function countNarrowedTrips(raw: Kysely<Database>, options: Pick<SummaryReadOptions, 'visibleTo' | 'year' | 'theme'>): Promise<number> {
  const row = await narrowedTrips(outcomeDb(raw), options)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The key of the trip at `position` (0-based) of the reader's walk with these options, if there is one. */
export async function narrowedTripKeyAt(raw: Kysely<Database>, options: Pick<SummaryReadOptions, 'visibleTo' | 'year' | 'theme'>, position: number): Promise<TripKey | undefined> {
  const row = await narrowedTrips(outcomeDb(raw), options).select(['start_date', 'id']).orderBy('start_date').orderBy('id').limit(1).offset(position).executeTakeFirst();
  return row && { start: row.start_date, id: row.id };
}

/**
 * The trips the summary reads, with their outcomes and follow-ups, page by page in the order of
 * `TripRepository.all()` (start date, then id). Only the columns the figures need are read, and
 * only for the trips of the page, so memory stays flat however large the ledger is.
 */
export async function* summaryTripPages(raw: Kysely<Database>, options: SummaryReadOptions = {}): AsyncGenerator<SummaryTripRecord[]> {
  const db = outcomeDb(raw);
  const pageSize = options.pageSize ?? 250;
  const outcomesPerQuery = options.outcomesPerQuery ?? OUTCOMES_PER_QUERY;
  const readThemes = options.themes ?? true;
  const readFollowUps = options.followUps ?? true;
  let after = options.after?.start ?? '';
  let afterId = options.after?.id ?? '';
  for (;;) {
    const rows = await narrowedTrips(db, options)
      .select(['id', 'title', 'start_date', 'end_date', 'organising_agency', 'headcount', 'budget_estimate', 'budget_approved', 'budget_actual'])
      // A row-value comparison, not `start_date > ? or (start_date = ? and id > ?)`: SQLite answers
      // the OR by gathering and sorting every later trip for each page, the tuple by walking the index.
      .where((eb) => eb(eb.refTuple('start_date', 'id'), '>', eb.tuple(after, afterId)))
      .orderBy('start_date')
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const [destinations, members, outcomes] = await Promise.all([
      db.selectFrom('trip_destinations').select(['trip_id', 'country', 'country_code']).where('trip_id', 'in', ids).orderBy('trip_id').orderBy('position').execute(),
      db.selectFrom('trip_members').select(['trip_id', 'name', 'title', 'agency']).where('trip_id', 'in', ids).orderBy('trip_id').orderBy('position').execute(),
      db.selectFrom('trip_outcomes').select(['id', 'trip_id', 'type', 'status', 'agency']).where('trip_id', 'in', ids).orderBy('trip_id').orderBy('position').execute(),
    ]);
    // Themes and follow-ups by outcome id (their own indexes), not through a join that re-reads the outcome rows.
    const themeLinks: { outcome_id: string; theme_id: string }[] = [];
    const followUps: { outcome_id: string; status: string; due_on: string | null }[] = [];
    for (let from = 0; (readThemes || readFollowUps) && from < outcomes.length; from += outcomesPerQuery) {
      const outcomeIds = outcomes.slice(from, from + outcomesPerQuery).map((o) => o.id);
      const [links, fus] = await Promise.all([
        readThemes ? db.selectFrom('outcome_theme_links').select(['outcome_id', 'theme_id']).where('outcome_id', 'in', outcomeIds).execute() : [],
        readFollowUps ? db.selectFrom('outcome_follow_ups').select(['outcome_id', 'status', 'due_on']).where('outcome_id', 'in', outcomeIds).execute() : [],
      ]);
      themeLinks.push(...links);
      followUps.push(...fus);
    }
    const records = new Map<string, PageRecord>();
    for (const r of rows) {
      records.set(r.id, {
        trip: {
          id: r.id,
          title: r.title,
          start: r.start_date,
          end: r.end_date,
          organisingAgency: r.organising_agency,
          headcount: r.headcount,
          budget: { estimate: r.budget_estimate, approved: r.budget_approved, actual: r.budget_actual },
          members: [],
          destinations: [],
        },
        outcomes: [],
        followUps: [],
      });
    }
    for (const d of destinations) records.get(d.trip_id)?.trip.destinations.push({ country: d.country, countryCode: d.country_code });
    for (const m of members) records.get(m.trip_id)?.trip.members.push({ name: m.name, title: m.title, agency: m.agency });
    const themesOf = new Map<string, string[]>();
    for (const l of themeLinks) {
      const themes = themesOf.get(l.outcome_id);
      if (themes) themes.push(l.theme_id);
      else themesOf.set(l.outcome_id, [l.theme_id]);
    }
    const tripOf = new Map<string, PageRecord>();
    for (const o of outcomes) {
      const record = records.get(o.trip_id);
      if (!record) continue;
      record.outcomes.push({ id: o.id, tripId: o.trip_id, type: o.type as OutcomeType | null, status: o.status as OutcomeStatus, agency: o.agency, themes: themesOf.get(o.id) ?? [] });
      tripOf.set(o.id, record);
    }
    for (const f of followUps) tripOf.get(f.outcome_id)?.followUps.push({ outcomeId: f.outcome_id, status: f.status, dueOn: f.due_on });
    yield [...records.values()];
    const last = rows[rows.length - 1]!;
    after = last.start_date;
    afterId = last.id;
  }
}

/**
 * The ledger summary (`ledgerSummary`) of the trips a requester may read, streamed page by page:
 * visibility, and the year and theme where given, narrow the trips in SQL; the pure domain filter
 * decides the rest, so the figures equal `ledgerSummary` over the whole snapshot.
 */
export async function readLedgerSummary(
  raw: Kysely<Database>,
  filter: LedgerFilter,
  today: string,
  visibleTo?: TripVisibilityRule,
  paging: Pick<SummaryReadOptions, 'pageSize' | 'outcomesPerQuery'> = {},
): Promise<LedgerSummary> {
  const summary = createLedgerSummaryAccumulator(filter, today);
  for await (const page of summaryTripPages(raw, { ...paging, visibleTo, year: filter.year, theme: filter.theme })) {
    for (const { trip, outcomes, followUps } of page) summary.add(trip, outcomes, followUps);
  }
  return summary.result();
}
