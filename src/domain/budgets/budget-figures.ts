import { COMMITTING_STATES, SPENDING_STATES, type LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';

/** What the figures of a budget need to know about each trip charged to it. */
export interface ChargedTrip {
  state: LifecycleState;
  estimate: number | null;
  approved: number | null;
  actual: number | null;
}

/** Allocated, committed (approved, not yet settled), spent (settled actuals) and remaining, in TWD. */
export interface BudgetFigures {
  allocated: number;
  committed: number;
  spent: number;
  remaining: number;
}

/** Adds up a budget's trips: approved trips commit their approved amount until they settle, then their actual counts as spent. */
export function budgetFigures(allocated: number, trips: readonly ChargedTrip[]): BudgetFigures {
  let committed = 0;
  let spent = 0;
  for (const t of trips) {
    if (COMMITTING_STATES.includes(t.state)) committed += t.approved ?? t.estimate ?? 0;
    else if (SPENDING_STATES.includes(t.state)) spent += t.actual ?? t.approved ?? 0;
  }
  return { allocated, committed, spent, remaining: allocated - committed - spent };
}

/** Actual minus approved, its share of the approved amount, and whether an explanation is required. */
export interface TripVariance {
  variance: number;
  percent: number | null;
  explanationRequired: boolean;
}

/** The variance of a settled trip; any variance on a trip approved at zero needs explaining. */
export function tripVariance(approved: number | null, actual: number | null, thresholdPercent: number): TripVariance | null {
  if (approved === null || actual === null) return null;
  const variance = actual - approved;
  const percent = approved === 0 ? null : Math.round((variance / approved) * 10000) / 100;
  const explanationRequired = percent === null ? variance !== 0 : Math.abs(percent) > thresholdPercent;
  return { variance, percent, explanationRequired };
}
