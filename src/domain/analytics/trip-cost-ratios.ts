import type { Trip } from '#app/domain/trips/trip-schema.ts';
import type { OutcomeStatus, OutcomeType } from '#app/domain/outcomes/outcome-types.ts';

/** What the analytics need of an outcome record. */
export interface OutcomeFacts {
  id: string;
  tripId: string;
  type: OutcomeType | null;
  status: OutcomeStatus;
  agency: string | null;
  themes: readonly string[];
}

/** What one trip cost and achieved. */
export interface TripCostRatios {
  tripId: string;
  title: string;
  start: string;
  end: string;
  days: number;
  /** Stated headcount (等七人 = 7), else the number of names listed. */
  headcount: number;
  headcountBasis: 'stated' | 'listed';
  /** Settled actual cost, else the approved amount, else the estimate; null when none is known. */
  cost: number | null;
  costBasis: 'actual' | 'approved' | 'estimate' | null;
  costPerMember: number | null;
  /** headcount × days. */
  personDays: number;
  costPerPersonDay: number | null;
  outcomes: number;
  outcomesByType: Record<string, number>;
  outcomesByStatus: Record<string, number>;
  /** Realised outcomes / outcomes; null for a trip without outcomes. */
  realisedShare: number | null;
}

/** Calendar days from start to end, both included. */
export function tripDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The best-known cost of a trip and where it comes from. */
export function tripCost(trip: { budget: Pick<Trip['budget'], 'actual' | 'approved' | 'estimate'> }): { cost: number | null; basis: TripCostRatios['costBasis'] } {
  const { actual, approved, estimate } = trip.budget;
  if (actual !== null) return { cost: actual, basis: 'actual' };
  if (approved !== null) return { cost: approved, basis: 'approved' };
  if (estimate !== null) return { cost: estimate, basis: 'estimate' };
  return { cost: null, basis: null };
}

/** Delegation size used in ratios: the stated headcount, else the names listed (at least 1). */
export function tripHeadcount(trip: Pick<Trip, 'headcount'> & { members: readonly unknown[] }): { headcount: number; basis: 'stated' | 'listed' } {
  if (trip.headcount !== null) return { headcount: trip.headcount, basis: 'stated' };
  return { headcount: Math.max(1, trip.members.length), basis: 'listed' };
}

/** Whole-dollar ratio, or null when the amount is unknown. */
export function ratio(amount: number | null, per: number): number | null {
  return amount === null || per <= 0 ? null : Math.round(amount / per);
}

/** Counts of each value. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** What the cost ratios need of one trip: a `Trip` is one, and so is a trip read with only these columns. */
export interface CostRatioTripFacts {
  id: string;
  title: string;
  start: string;
  end: string;
  headcount: number | null;
  budget: Pick<Trip['budget'], 'actual' | 'approved' | 'estimate'>;
  members: readonly unknown[];
}

/**
 * Cost, cost per member and per person-day, and the outcomes of one trip by type and status
 * (only the outcomes of `trip` among `outcomes` count).
 */
export function tripCostRatios(trip: CostRatioTripFacts, outcomes: readonly Pick<OutcomeFacts, 'tripId' | 'type' | 'status'>[]): TripCostRatios {
  const days = tripDays(trip.start, trip.end);
  const { headcount, basis } = tripHeadcount(trip);
  const { cost, basis: costBasis } = tripCost(trip);
  const own = outcomes.filter((o) => o.tripId === trip.id);
  const realised = own.filter((o) => o.status === 'realised').length;
  return {
    tripId: trip.id,
    title: trip.title,
    start: trip.start,
    end: trip.end,
    days,
    headcount,
    headcountBasis: basis,
    cost,
    costBasis,
    costPerMember: ratio(cost, headcount),
    personDays: headcount * days,
    costPerPersonDay: ratio(cost, headcount * days),
    outcomes: own.length,
    outcomesByType: countBy(own, (o) => o.type ?? 'unclassified'),
    outcomesByStatus: countBy(own, (o) => o.status),
    realisedShare: own.length ? realised / own.length : null,
  };
}
