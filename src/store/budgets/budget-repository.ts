import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ChargedTrip } from '#app/domain/budgets/budget-figures.ts';
import { fiscalYearRange } from '#app/domain/budgets/fiscal-year.ts';
import type { LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';
import type { BudgetsTable, Database } from '#app/store/database-schema.ts';

/** An annual overseas-travel budget of one agency; agency '' is the city-wide total. */
export interface Budget {
  id: string;
  fiscalYear: number;
  agency: string;
  amount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One change of a budget's amount, with its reason. */
export interface BudgetAdjustment {
  id: string;
  at: string;
  actorId: string;
  previousAmount: number | null;
  amount: number;
  reason: string;
}

/** A trip charged to a budget, with what the figures and variance need. */
export interface ChargedTripRow extends ChargedTrip {
  id: string;
  title: string;
  varianceExplanation: string;
}

function budgetFromRow(row: Selectable<BudgetsTable>): Budget {
  return { id: row.id, fiscalYear: row.fiscal_year, agency: row.agency, amount: Number(row.amount), createdAt: row.created_at, updatedAt: row.updated_at, version: row.version };
}

/** Budgets, their adjustment history, and the trips charged to each. */
export class BudgetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates the budget of a year and agency with its first adjustment; undefined if it exists. */
  async create(fiscalYear: number, agency: string, amount: number, actorId: string, reason: string, at: string): Promise<Budget | undefined> {
    if (await this.find(fiscalYear, agency)) return undefined;
    const id = randomUUID();
    await this.db.insertInto('budgets').values({ id, fiscal_year: fiscalYear, agency, amount, created_at: at, updated_at: at, version: 1 }).execute();
    await this.db.insertInto('budget_adjustments').values({ id: randomUUID(), budget_id: id, at, actor_id: actorId, previous_amount: null, amount, reason }).execute();
    return this.get(id);
  }

  /** One budget by id. */
  async get(id: string): Promise<Budget | undefined> {
    const row = await this.db.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? budgetFromRow(row) : undefined;
  }

  /** The budget of a year and agency. */
  async find(fiscalYear: number, agency: string): Promise<Budget | undefined> {
    const row = await this.db.selectFrom('budgets').selectAll().where('fiscal_year', '=', fiscalYear).where('agency', '=', agency).executeTakeFirst();
    return row ? budgetFromRow(row) : undefined;
  }

  /** Budgets, optionally of one year or agency, by year then agency. */
  async list(filter: { fiscalYear?: number; agency?: string }): Promise<Budget[]> {
    let q = this.db.selectFrom('budgets').selectAll();
    if (filter.fiscalYear !== undefined) q = q.where('fiscal_year', '=', filter.fiscalYear);
    if (filter.agency !== undefined) q = q.where('agency', '=', filter.agency);
    return (await q.orderBy('fiscal_year').orderBy('agency').execute()).map(budgetFromRow);
  }

  /** Sets a new amount if `version` is current, recording the adjustment and its reason. */
  async adjust(id: string, version: number, amount: number, actorId: string, reason: string, at: string): Promise<{ kind: 'updated'; budget: Budget; before: Budget } | { kind: 'not-found' } | { kind: 'conflict'; current: Budget }> {
    const before = await this.get(id);
    if (!before) return { kind: 'not-found' };
    const result = await this.db.updateTable('budgets').set({ amount, updated_at: at, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { kind: 'conflict', current: (await this.get(id)) ?? before };
    await this.db.insertInto('budget_adjustments').values({ id: randomUUID(), budget_id: id, at, actor_id: actorId, previous_amount: before.amount, amount, reason }).execute();
    return { kind: 'updated', budget: (await this.get(id)) as Budget, before };
  }

  /** The adjustments of a budget, oldest first. */
  async adjustments(id: string): Promise<BudgetAdjustment[]> {
    const rows = await this.db.selectFrom('budget_adjustments').selectAll().where('budget_id', '=', id).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, at: r.at, actorId: r.actor_id, previousAmount: r.previous_amount === null ? null : Number(r.previous_amount), amount: Number(r.amount), reason: r.reason }));
  }

  /** Trips starting in the fiscal year, of the agency ('' = every agency), optionally leaving one out. */
  async chargedTrips(fiscalYear: number, agency: string, excludeTripId?: string): Promise<ChargedTripRow[]> {
    const { from, to } = fiscalYearRange(fiscalYear);
    let q = this.db
      .selectFrom('trips')
      .select(['id', 'title', 'lifecycle_state', 'budget_estimate', 'budget_approved', 'budget_actual', 'variance_explanation'])
      .where('start_date', '>=', from)
      .where('start_date', '<=', to);
    if (agency !== '') q = q.where('organising_agency', '=', agency);
    if (excludeTripId) q = q.where('id', '!=', excludeTripId);
    const rows = await q.orderBy('start_date').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      state: r.lifecycle_state as LifecycleState,
      estimate: r.budget_estimate === null ? null : Number(r.budget_estimate),
      approved: r.budget_approved === null ? null : Number(r.budget_approved),
      actual: r.budget_actual === null ? null : Number(r.budget_actual),
      varianceExplanation: r.variance_explanation,
    }));
  }
}
