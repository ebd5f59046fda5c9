import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Database, TripsTable } from '#app/store/database-schema.ts';
import type { SettlementStatus, Trip, TripInput, TripPatch } from '#app/domain/trips/trip-schema.ts';
import { childRows, tripColumns, tripFromRows } from '#app/store/trips/trip-rows.ts';
import { writeOutcomeItems } from '#app/store/outcomes/outcome-item-writer.ts';
import { planSearch } from '#app/domain/search/search-plan.ts';
import { indexTrip, unindexTrip } from '#app/store/search/trip-search-index.ts';
import { titleTierPage, tripSearchSql } from '#app/store/search/trip-search-query.ts';
import { cachedTotal } from '#app/store/trips/trip-count-cache.ts';
import type { SearchTables } from '#app/store/search/search-tables.ts';
import { importedTripState, type LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';

/** Filters and paging of the trip list. */
export interface TripFilter {
  /** Gregorian year a trip starts in. */
  year?: number;
  /** Country name (as stored) or ISO code. */
  country?: string;
  /** Part of a member's name. */
  person?: string;
  /** An agency: the one that organised the trip, or one a member comes from. */
  agency?: string;
  /** An outcome theme id: trips with an outcome linked to that theme. */
  theme?: string;
  status?: SettlementStatus;
  /** Text anywhere in title, places, people or outcomes. */
  q?: string;
  /** Defaults to `relevance` (exact phrase first) when `q` is given, else `-start`. */
  sort?: 'relevance' | 'start' | '-start' | 'title' | '-cost' | 'cost';
  limit: number;
  offset: number;
  /** Only trips in one of these lifecycle states (the `state` query). */
  states?: readonly LifecycleState[];
  /** Who may see what: trips in `states`, plus every trip of `orAgency` (a clerk's own drafts). */
  visibleTo?: { states: readonly LifecycleState[]; orAgency: string | null };
}

/** Workflow facts of a trip kept out of the public record: who created and who submitted it. */
export interface TripOwnership {
  createdBy: string | null;
  submittedBy: string | null;
  /** A secretariat's permission to go over budget, up to `amount`. */
  budgetOverride: BudgetOverride | null;
}

/** The secretariat's recorded permission for a trip to exceed the remaining budget. */
export interface BudgetOverride {
  reason: string;
  amount: number;
  by: string;
  at: string;
}

/** Extra columns a workflow step writes with an update. */
export interface WorkflowWrite {
  state?: LifecycleState;
  submittedBy?: string | null;
  budgetOverride?: BudgetOverride | null;
}

/** A stored trip's identity and history, kept when a ledger export is imported elsewhere. */
export interface TripIdentity {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Outcome of an update: the new trip, a missing trip, or a stale version with the current trip. */
export type UpdateResult = { kind: 'updated'; trip: Trip } | { kind: 'not-found' } | { kind: 'conflict'; current: Trip };

/** Escapes LIKE wildcards so user text matches literally (with ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Reads and writes trip aggregates; pass a transaction as `db` to make calls part of it. */
export class TripRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Runs `work` in one transaction with a repository bound to it. */
  async transaction<T>(work: (repo: TripRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new TripRepository(trx, this.now, this.newId)));
  }

  /**
   * Stores a new trip and returns it as stored. Without a state, a trip with a source document is
   * a historical, published trip (ADR 0003) and any other trip starts as a draft.
   */
  async insert(input: TripInput, workflow: { state?: LifecycleState; createdBy?: string | null; restore?: TripIdentity } = {}): Promise<Trip> {
    const id = workflow.restore?.id ?? this.newId();
    const at = this.now();
    const state = workflow.state ?? (input.source ? importedTripState(input.budget.status) : 'draft');
    const write = async (db: Kysely<Database>) => {
      await db
        .insertInto('trips')
        .values({
          id,
          ...tripColumns(input),
          lifecycle_state: state,
          created_by: workflow.createdBy ?? null,
          created_at: workflow.restore?.createdAt ?? at,
          updated_at: workflow.restore?.updatedAt ?? at,
          version: workflow.restore?.version ?? 1,
        })
        .execute();
      await this.insertChildren(db, id, input, workflow.restore !== undefined);
      await indexTrip(db, id, input);
    };
    if (this.db.isTransaction) await write(this.db);
    else await this.db.transaction().execute(write);
    return (await this.get(id)) as Trip;
  }

  /** One trip by id, or undefined. */
  async get(id: string): Promise<Trip | undefined> {
    const [trip] = await this.hydrate(await this.db.selectFrom('trips').selectAll().where('id', '=', id).execute());
    return trip;
  }

  /** A page of trips matching the filter, and how many match in all. */
  async list(filter: TripFilter): Promise<{ items: Trip[]; total: number }> {
    const search = filter.q ? tripSearchSql(this.db, planSearch(filter.q)) : undefined;
    const query = this.filtered(filter, search?.matches);
    const { limit: _limit, offset: _offset, sort: _sort, ...counted } = filter;
    const total = await cachedTotal(this.db, JSON.stringify(counted), async () => Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
    const sort = filter.sort ?? (search ? 'relevance' : '-start');
    if (sort === 'relevance' && search) {
      const tier = await titleTierPage(search, filter, total, (condition, need) =>
        this.filtered(filter, condition).selectAll('trips').orderBy('start_date', 'desc').orderBy('trips.id').limit(need).execute(),
      );
      if (tier) return { items: await this.hydrate(tier), total };
    }
    let page = query.selectAll('trips');
    switch (sort) {
      case 'relevance':
        if (search) page = page.orderBy(search.rank, 'desc');
        page = page.orderBy('start_date', 'desc');
        break;
      case 'start':
        page = page.orderBy('start_date', 'asc');
        break;
      case 'title':
        page = page.orderBy('trips.title', 'asc');
        break;
      case 'cost':
        page = page.orderBy(sql`coalesce(budget_actual, budget_approved, budget_estimate, 0)`, 'asc');
        break;
      case '-cost':
        page = page.orderBy(sql`coalesce(budget_actual, budget_approved, budget_estimate, 0)`, 'desc');
        break;
      default:
        page = page.orderBy('start_date', 'desc');
    }
    const rows = await page.orderBy('trips.id').limit(filter.limit).offset(filter.offset).execute();
    return { items: await this.hydrate(rows), total };
  }

  /** Trips matching the filter's conditions and, when given, a search condition on the joined document `d`. */
  private filtered(filter: TripFilter, condition: RawBuilder<SqlBool> | undefined) {
    const from = this.db.selectFrom('trips');
    // A search joins each trip's search document as `d`; every other condition names trips' columns.
    let query = condition ? (this.db.withTables<SearchTables>().selectFrom('trips').innerJoin('trip_search_documents as d', 'd.trip_id', 'trips.id') as unknown as typeof from) : from;
    if (filter.year !== undefined) {
      query = query.where('start_date', '>=', `${filter.year}-01-01`).where('start_date', '<=', `${filter.year}-12-31`);
    }
    if (filter.country) {
      const country = filter.country;
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('trip_destinations')
            .select('trip_destinations.trip_id')
            .whereRef('trip_destinations.trip_id', '=', 'trips.id')
            .where((eb) => eb.or([eb('country', '=', country), eb('country_code', '=', country.toUpperCase())])),
        ),
      );
    }
    if (filter.person) {
      const pattern = likePattern(filter.person);
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('trip_members')
            .select('trip_members.trip_id')
            .whereRef('trip_members.trip_id', '=', 'trips.id')
            .where(sql<boolean>`name like ${pattern} escape '\\'`),
        ),
      );
    }
    if (filter.agency) {
      const agency = filter.agency;
      query = query.where((eb) =>
        eb.or([
          eb('organising_agency', '=', agency),
          eb.exists(eb.selectFrom('trip_members').select('trip_members.trip_id').whereRef('trip_members.trip_id', '=', 'trips.id').where('trip_members.agency', '=', agency)),
        ]),
      );
    }
    if (filter.theme) {
      // Outcome themes live with the outcome records (src/store/outcomes), linked per outcome.
      query = query.where(
        sql<boolean>`exists (select 1 from trip_outcomes o join outcome_theme_links l on l.outcome_id = o.id where o.trip_id = trips.id and l.theme_id = ${filter.theme})`,
      );
    }
    if (filter.status) query = query.where('settlement_status', '=', filter.status);
    if (filter.states) query = query.where('lifecycle_state', 'in', filter.states.length ? [...filter.states] : ['']);
    if (filter.visibleTo) {
      const { states, orAgency } = filter.visibleTo;
      const visibleStates = states.length ? [...states] : [''];
      query = query.where((eb) =>
        orAgency === null ? eb('lifecycle_state', 'in', visibleStates) : eb.or([eb('lifecycle_state', 'in', visibleStates), eb('organising_agency', '=', orAgency)]),
      );
    }
    if (condition) query = query.where(condition);
    return query;
  }

  /** Who created and who submitted a trip, or undefined when there is no such trip. */
  async ownership(id: string): Promise<TripOwnership | undefined> {
    const row = await this.db.selectFrom('trips').select(['created_by', 'submitted_by', 'budget_override']).where('id', '=', id).executeTakeFirst();
    return row ? { createdBy: row.created_by, submittedBy: row.submitted_by, budgetOverride: row.budget_override ? (JSON.parse(row.budget_override) as BudgetOverride) : null } : undefined;
  }

  /**
   * Applies a patch if `patch.version` is the stored version; bumps the version by one. `workflow`
   * carries the state a transition moves to. Joins the caller's transaction when `db` is one.
   */
  async update(id: string, patch: TripPatch, merge: (current: Trip, patch: TripPatch) => TripInput, workflow: WorkflowWrite = {}): Promise<UpdateResult> {
    const run = <T>(work: (repo: TripRepository) => Promise<T>) => (this.db.isTransaction ? work(this) : this.transaction(work));
    return run(async (repo) => {
      const current = await repo.get(id);
      if (!current) return { kind: 'not-found' };
      if (current.version !== patch.version) return { kind: 'conflict', current };
      const next = merge(current, patch);
      // The version check in WHERE makes the write itself the lock: of two writers that
      // read the same version, only one updates a row; the other sees 0 rows and a conflict.
      const result = await repo.db
        .updateTable('trips')
        .set({
          ...tripColumns(next),
          ...(workflow.state ? { lifecycle_state: workflow.state } : {}),
          ...(workflow.submittedBy !== undefined ? { submitted_by: workflow.submittedBy } : {}),
          ...(workflow.budgetOverride !== undefined ? { budget_override: workflow.budgetOverride ? JSON.stringify(workflow.budgetOverride) : null } : {}),
          updated_at: repo.now(),
          version: current.version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', patch.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        const latest = await repo.get(id);
        return latest ? { kind: 'conflict', current: latest } : { kind: 'not-found' };
      }
      await repo.db.deleteFrom('trip_destinations').where('trip_id', '=', id).execute();
      await repo.db.deleteFrom('trip_members').where('trip_id', '=', id).execute();
      // Outcome items are matched, not replaced, so their ids and follow-ups survive the change.
      await writeOutcomeItems(repo.db, id, next.outcomes, repo.newId, { current, changedFields: ['outcomes'] });
      await repo.insertChildren(repo.db, id, { ...next, outcomes: [] });
      await indexTrip(repo.db, id, next);
      return { kind: 'updated', trip: (await repo.get(id)) as Trip };
    });
  }

  /** Deletes a trip and its parts; false when there was none. */
  async delete(id: string): Promise<boolean> {
    const run = <T>(work: (repo: TripRepository) => Promise<T>) => (this.db.isTransaction ? work(this) : this.transaction(work));
    return run(async (repo) => {
      await repo.db.deleteFrom('trip_destinations').where('trip_id', '=', id).execute();
      await repo.db.deleteFrom('trip_members').where('trip_id', '=', id).execute();
      await repo.db.deleteFrom('trip_outcomes').where('trip_id', '=', id).execute();
      await unindexTrip(repo.db, id);
      const result = await repo.db.deleteFrom('trips').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    });
  }

  /** Number of stored trips. */
  async count(): Promise<number> {
    const row = await this.db.selectFrom('trips').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The id of a stored trip that is the same trip as an imported one: same source row, or same title and dates. */
  async findImported(match: { documentHash: string; line: number; title: string; start: string; end: string }): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('trips')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('source_document_hash', '=', match.documentHash), eb('source_line', '=', match.line)]),
          eb.and([eb('title', '=', match.title), eb('start_date', '=', match.start), eb('end_date', '=', match.end)]),
        ]),
      )
      .executeTakeFirst();
    return row?.id;
  }

  /** Every trip, oldest first, streamed in pages so memory stays flat on large ledgers. */
  async *all(pageSize = 500): AsyncGenerator<Trip> {
    let after = '';
    let afterId = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('trips')
        .selectAll()
        // A row-value comparison: SQLite seeks the start-date index to the page; with
        // `start_date > ? or (start_date = ? and id > ?)` it walked from the first trip every page.
        .where((eb) => eb(eb.refTuple('start_date', 'id'), '>', eb.tuple(after, afterId)))
        .orderBy('start_date')
        .orderBy('id')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      yield* await this.hydrate(rows);
      const last = rows[rows.length - 1]!;
      after = last.start_date;
      afterId = last.id;
    }
  }

  private async insertChildren(db: Kysely<Database>, id: string, input: TripInput, keepOutcomeIds = false): Promise<void> {
    // Only a restore keeps the outcome ids it is given; a new trip's ids are always generated.
    const rows = childRows(id, keepOutcomeIds ? input : { ...input, outcomes: input.outcomes.map((o) => ({ text: o.text })) }, this.newId);
    if (rows.destinations.length) await db.insertInto('trip_destinations').values(rows.destinations).execute();
    if (rows.members.length) await db.insertInto('trip_members').values(rows.members).execute();
    if (rows.outcomes.length) await db.insertInto('trip_outcomes').values(rows.outcomes).execute();
  }

  private async hydrate(rows: Selectable<TripsTable>[]): Promise<Trip[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [destinations, members, outcomes] = await Promise.all([
      this.db.selectFrom('trip_destinations').selectAll().where('trip_id', 'in', ids).orderBy('trip_id').orderBy('position').execute(),
      this.db.selectFrom('trip_members').selectAll().where('trip_id', 'in', ids).orderBy('trip_id').orderBy('position').execute(),
      this.db.selectFrom('trip_outcomes').selectAll().where('trip_id', 'in', ids).orderBy('trip_id').orderBy('position').execute(),
    ]);
    const byTrip = <T extends { trip_id: string }>(list: T[]) => {
      const map = new Map<string, T[]>();
      for (const item of list) {
        const bucket = map.get(item.trip_id);
        if (bucket) bucket.push(item);
        else map.set(item.trip_id, [item]);
      }
      return map;
    };
    const d = byTrip(destinations);
    const m = byTrip(members);
    const o = byTrip(outcomes);
    return rows.map((row) => tripFromRows(row, d.get(row.id) ?? [], m.get(row.id) ?? [], o.get(row.id) ?? []));
  }
}
