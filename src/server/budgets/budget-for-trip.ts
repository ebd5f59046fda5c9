import type { Kysely } from 'kysely';
import { budgetFigures, type BudgetFigures } from '#app/domain/budgets/budget-figures.ts';
import type { Database } from '#app/store/database-schema.ts';
import { BudgetRepository, type Budget } from '#app/store/budgets/budget-repository.ts';

/**
 * The budget a trip is charged to: its agency's budget for the fiscal year, else the city-wide
 * budget (agency ''); with the figures of every other trip charged to it.
 */
export async function budgetForTrip(db: Kysely<Database>, fiscalYear: number, agency: string, excludeTripId?: string): Promise<{ budget: Budget; figures: BudgetFigures } | undefined> {
  const repo = new BudgetRepository(db);
  const budget = (agency !== '' ? await repo.find(fiscalYear, agency) : undefined) ?? (await repo.find(fiscalYear, ''));
  if (!budget) return undefined;
  const trips = await repo.chargedTrips(fiscalYear, budget.agency, excludeTripId);
  return { budget, figures: budgetFigures(budget.amount, trips) };
}
