import { z } from 'zod';
import { isoDate, settlementStatus, twdAmount } from '#app/domain/trips/trip-schema.ts';

const countryCount = z.object({ code: z.string().nullable(), name: z.string(), trips: z.number().int().nonnegative() });

/** One trip in the portal's lists. */
export const tripSummary = z.object({
  id: z.string(),
  title: z.string(),
  start: isoDate,
  end: isoDate,
  countries: z.array(z.object({ code: z.string().nullable(), name: z.string() })),
  status: settlementStatus,
  actual: twdAmount.nullable(),
});

/** Answer of GET /api/v1/portal/overview: the term at a glance. */
export const portalOverview = z.object({
  tripCount: z.number().int().nonnegative(),
  firstStart: isoDate.nullable(),
  lastEnd: isoDate.nullable(),
  actualTotal: z.number().int().nonnegative().describe('Sum of settled actual costs in TWD'),
  tripsWithActual: z.number().int().nonnegative(),
  tripsWithoutActual: z.number().int().nonnegative().describe('Trips whose cost is not final yet (核銷中 / 尚待彙整 / planned)'),
  outcomeCount: z.number().int().nonnegative(),
  travellerCount: z.number().int().nonnegative(),
  countries: z.array(countryCount),
  years: z.array(z.object({ year: z.number().int(), trips: z.number().int().nonnegative(), actual: z.number().int().nonnegative(), tripsWithoutActual: z.number().int().nonnegative() })),
  latest: z.array(tripSummary),
});
export type PortalOverview = z.infer<typeof portalOverview>;

