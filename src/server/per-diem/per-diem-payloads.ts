import { z } from 'zod';
import { dayClaim } from '#app/domain/per-diem/claim-check.ts';
import { itineraryDay } from '#app/domain/per-diem/daily-allowance.ts';
import { perDiemRate } from '#app/domain/per-diem/rate-table.ts';

const version = z.object({ id: z.string(), name: z.string(), uploadedAt: z.string(), uploadedBy: z.string(), sample: z.boolean(), rowCount: z.number().int() });
export const rateTableVersion = version;
export const currentRates = z.object({ version, rates: z.array(perDiemRate) });
export const rateUploadQuery = z.object({ name: z.string().trim().min(1).max(200).default('per-diem-rates.csv') });

const days = z.array(itineraryDay).min(1).max(366);

/** Body of POST /api/v1/per-diem/check. */
export const perDiemCheckBody = z
  .object({
    exchangeRate: z.object({
      twdPerUsd: z.number().positive().max(1000).describe('TWD per USD as entered'),
      date: z.iso.date().describe('Date of the rate: the day before departure'),
    }),
    days: days.describe('The itinerary; the last day with night "home" is the day of return'),
    members: z
      .array(z.object({ name: z.string().trim().min(1).max(100), days: days.optional().describe('This member’s own itinerary, when it differs'), claims: z.array(dayClaim).max(366).default([]) }))
      .min(1)
      .max(500),
  })
  .strict();

const dayAllowance = z.object({
  date: z.string(),
  countryCode: z.string(),
  city: z.string(),
  rateUsd: z.number(),
  rateEffectiveFrom: z.string(),
  returnDay: z.boolean(),
  lodgingTwd: z.number(),
  mealsTwd: z.number(),
  incidentalsTwd: z.number(),
  allowedTwd: z.number(),
  rulesApplied: z.array(z.string()),
});
const claimFlag = z.object({ date: z.string(), component: z.string(), claimedTwd: z.number(), allowedTwd: z.number(), rule: z.string(), message: z.string(), messageZh: z.string() });

export const perDiemCheckAnswer = z.object({
  rateTable: version,
  members: z.array(z.object({ name: z.string(), days: z.array(dayAllowance), allowedTwd: z.number(), claimedTwd: z.number(), flags: z.array(claimFlag) })),
  compliant: z.boolean(),
});
