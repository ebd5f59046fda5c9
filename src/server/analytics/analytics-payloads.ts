import { z } from 'zod';
import { yearQueryParam } from '#app/server/trips/trip-payloads.ts';

const counts = z.record(z.string(), z.number().int());
const money = z.number().int().nullable();

/** What one trip cost and achieved. */
export const tripCostRatiosBody = z.object({
  tripId: z.string(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  days: z.number().int(),
  headcount: z.number().int(),
  headcountBasis: z.enum(['stated', 'listed']).describe('stated: 等七人; listed: number of names'),
  cost: money.describe('Actual, else approved, else estimate (TWD)'),
  costBasis: z.enum(['actual', 'approved', 'estimate']).nullable(),
  costPerMember: money,
  personDays: z.number().int().describe('headcount × days'),
  costPerPersonDay: money,
  outcomes: z.number().int(),
  outcomesByType: counts,
  outcomesByStatus: counts,
  realisedShare: z.number().nullable(),
});

/** Filters of the cross-trip figures. */
export const ledgerFilterQuery = z.object({
  year: yearQueryParam,
  agency: z.string().trim().min(1).max(200).optional(),
  country: z.string().trim().min(1).max(100).optional().describe('Country name or ISO code'),
  person: z.string().trim().min(1).max(100).optional(),
  theme: z.string().trim().min(1).max(64).optional().describe('Theme id'),
});

/** Filters of the per-trip ratios, and the page of matching trips to answer with. */
export const tripRatioQuery = ledgerFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Trips per page (1–1000)'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('Matching trips to skip (ordered by start date, then id)'),
});

/** A page of the matching trips' ratios (by start date, then id) and how many trips match in all. */
export const tripRatioList = z.object({ items: z.array(tripCostRatiosBody), total: z.number().int().nonnegative().describe('Trips matching the filters') });

/** Totals and ratios over the matching trips. */
export const ledgerSummaryBody = z.object({
  trips: z.number().int(),
  tripsWithCost: z.number().int(),
  totalCost: z.number().int(),
  costedHeadcount: z.number().int(),
  costedPersonDays: z.number().int(),
  costPerMember: money,
  costPerPersonDay: money,
  totalPersonDays: z.number().int(),
  tripsPerCountry: z.array(z.object({ countryCode: z.string().nullable(), country: z.string(), trips: z.number().int() })),
  outcomes: z.number().int(),
  outcomesByType: counts,
  outcomesByStatus: counts,
  outcomesPerTheme: counts,
  realisedShare: z.number().nullable(),
  followUps: z.object({ total: z.number().int(), done: z.number().int(), open: z.number().int(), overdue: z.number().int(), cancelled: z.number().int(), realisationRate: z.number().nullable() }),
});

export const lintQuery = z.object({
  settlementGraceDays: z.coerce.number().int().min(0).max(3650).default(90).describe('Unsettled this long after return is flagged'),
  followUpGraceDays: z.coerce.number().int().min(0).max(3650).default(180).describe('An open outcome without follow-up this long after return is flagged'),
  asOf: z.iso.date().optional().describe('Reference date (default: today)'),
});

export const lintList = z.object({
  items: z.array(
    z.object({
      code: z.enum(['person-double-booked', 'headcount-below-names', 'settlement-missing', 'outcome-without-follow-up', 'duplicate-in-list']),
      tripIds: z.array(z.string()),
      outcomeId: z.string().nullable(),
      message: z.string(),
      messageZh: z.string(),
    }),
  ),
  counts: counts,
});
