import { z } from 'zod';
import type { PerDiemRules } from '#app/domain/per-diem/per-diem-rules.ts';
import { findRate, type PerDiemRate } from '#app/domain/per-diem/rate-table.ts';

// The allowance of each day of an itinerary. Money is computed in US cents and converted to whole
// TWD once per day, so rounding never compounds across components.

export const itineraryDay = z.object({
  date: z.iso.date(),
  countryCode: z.string().regex(/^[A-Z]{2}$/).describe('Country of the night (for a plane night: where the day began)'),
  city: z.string().max(100).default(''),
  night: z.enum(['hotel', 'plane', 'home']).default('hotel').describe('Where the night is spent; `home` marks the day of return'),
  mealsProvided: z.object({ breakfast: z.boolean().default(false), lunch: z.boolean().default(false), dinner: z.boolean().default(false) }).default({ breakfast: false, lunch: false, dinner: false }),
});
export type ItineraryDay = z.infer<typeof itineraryDay>;

/** Which rule reduced or capped an allowance. */
export type AllowanceRule = 'daily-rate' | 'lodging-share' | 'meals-share' | 'incidentals-share' | 'return-day' | 'plane-night' | 'host-meals';

/** The allowance of one day, in US cents and in whole TWD. */
export interface DayAllowance {
  date: string;
  countryCode: string;
  city: string;
  rateUsd: number;
  rateEffectiveFrom: string;
  returnDay: boolean;
  lodgingCents: number;
  mealsCents: number;
  incidentalsCents: number;
  deductionCents: number;
  allowedCents: number;
  /** Component limits in TWD (lodging, meals after deductions, incidentals) and the day's total. */
  lodgingTwd: number;
  mealsTwd: number;
  /** Meals limit before host-meal deductions, to tell which rule an excess breaks. */
  mealsBeforeDeductionTwd: number;
  incidentalsTwd: number;
  allowedTwd: number;
  rulesApplied: AllowanceRule[];
}

/** Why an itinerary cannot be computed; `field` points into the itinerary. */
export interface ItineraryProblem {
  field: string;
  message: string;
}

function share(cents: number, percent: number): number {
  return Math.round((cents * percent) / 100);
}

function toTwd(cents: number, exchangeRate: number): number {
  return Math.round((cents * exchangeRate) / 100);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The allowance of every day: each day at the rate of the place of that night in force that day,
 * lodging/meals/incidentals by the configured shares, no lodging on a plane night, the return day at
 * its share, host-provided meals deducted; converted at the given TWD-per-USD rate.
 */
export function computeAllowances(
  days: readonly ItineraryDay[],
  rates: readonly PerDiemRate[],
  rules: PerDiemRules,
  exchangeRate: number,
): { ok: true; days: DayAllowance[]; totalTwd: number } | { ok: false; problems: ItineraryProblem[] } {
  const problems: ItineraryProblem[] = [];
  days.forEach((day, i) => {
    if (i > 0 && day.date !== nextDay(days[i - 1]!.date)) problems.push({ field: `days.${i}.date`, message: `${day.date} does not follow ${days[i - 1]!.date}; list every day once, in order` });
    if (day.night === 'home' && i !== days.length - 1) problems.push({ field: `days.${i}.night`, message: 'only the last day can be the day of return (night "home")' });
  });
  const out: DayAllowance[] = [];
  days.forEach((day, i) => {
    const rate = findRate(rates, day.countryCode, day.city, day.date);
    if (!rate) {
      problems.push({ field: `days.${i}.countryCode`, message: `no per-diem rate for ${day.countryCode}${day.city ? ` ${day.city}` : ''} on ${day.date} in the current rate table` });
      return;
    }
    const cents = rate.usdPerDay * 100;
    const returnDay = day.night === 'home';
    const rulesApplied: AllowanceRule[] = [];
    const mealsFull = share(cents, rules.mealsPercent);
    const hostPercent = (day.mealsProvided.breakfast ? rules.hostMealPercent.breakfast : 0) + (day.mealsProvided.lunch ? rules.hostMealPercent.lunch : 0) + (day.mealsProvided.dinner ? rules.hostMealPercent.dinner : 0);
    let deductionCents = share(cents, hostPercent);
    let lodgingCents = 0;
    let mealsCents = 0;
    let incidentalsCents = 0;
    let allowedCents: number;
    if (returnDay) {
      rulesApplied.push('return-day');
      if (!rules.deductHostMealsOnReturnDay) deductionCents = 0;
      allowedCents = Math.max(0, share(cents, rules.returnDayPercent) - deductionCents);
    } else {
      lodgingCents = day.night === 'plane' && !rules.planeNightPaysLodging ? 0 : share(cents, rules.lodgingPercent);
      if (day.night === 'plane' && !rules.planeNightPaysLodging) rulesApplied.push('plane-night');
      deductionCents = Math.min(deductionCents, mealsFull);
      mealsCents = mealsFull - deductionCents;
      incidentalsCents = share(cents, rules.incidentalsPercent);
      allowedCents = lodgingCents + mealsCents + incidentalsCents;
    }
    if (deductionCents > 0) rulesApplied.push('host-meals');
    out.push({
      date: day.date,
      countryCode: day.countryCode,
      city: day.city,
      rateUsd: rate.usdPerDay,
      rateEffectiveFrom: rate.effectiveFrom,
      returnDay,
      lodgingCents,
      mealsCents,
      incidentalsCents,
      deductionCents,
      allowedCents,
      lodgingTwd: toTwd(lodgingCents, exchangeRate),
      mealsTwd: toTwd(mealsCents, exchangeRate),
      mealsBeforeDeductionTwd: toTwd(returnDay ? 0 : mealsFull, exchangeRate),
      incidentalsTwd: toTwd(incidentalsCents, exchangeRate),
      allowedTwd: toTwd(allowedCents, exchangeRate),
      rulesApplied,
    });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, days: out, totalTwd: out.reduce((sum, d) => sum + d.allowedTwd, 0) };
}
