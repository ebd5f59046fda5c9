import { z } from 'zod';

// The rules of the daily allowance (日支數額) as configuration. The defaults are the national
// rule as the domain brief states it; the secretariat can change any of them in the settings.

const percent = z.number().min(0).max(100);

export const perDiemRules = z
  .object({
    lodgingPercent: percent.describe('Share of the daily rate for lodging'),
    mealsPercent: percent.describe('Share of the daily rate for meals'),
    incidentalsPercent: percent.describe('Share of the daily rate for incidentals'),
    returnDayPercent: percent.describe('Share of the daily rate paid on the day of return'),
    planeNightPaysLodging: z.boolean().describe('Whether a night spent on a plane pays lodging'),
    hostMealPercent: z.object({ breakfast: percent, lunch: percent, dinner: percent }).describe('Deduction for each meal a host provides'),
    deductHostMealsOnReturnDay: z.boolean().describe('Whether host-provided meals also reduce the return-day allowance'),
  })
  .superRefine((r, ctx) => {
    if (Math.abs(r.lodgingPercent + r.mealsPercent + r.incidentalsPercent - 100) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['lodgingPercent'], message: 'lodging, meals and incidentals must add up to 100' });
    }
  });
export type PerDiemRules = z.infer<typeof perDiemRules>;

/** Lodging 70 / meals 20 / incidentals 10; return day 30; no lodging on a plane; host meals 4 / 8 / 8. */
export const DEFAULT_PER_DIEM_RULES: PerDiemRules = {
  lodgingPercent: 70,
  mealsPercent: 20,
  incidentalsPercent: 10,
  returnDayPercent: 30,
  planeNightPaysLodging: false,
  hostMealPercent: { breakfast: 4, lunch: 8, dinner: 8 },
  deductHostMealsOnReturnDay: true,
};
