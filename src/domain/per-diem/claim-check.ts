import { z } from 'zod';
import type { AllowanceRule, DayAllowance } from '#app/domain/per-diem/daily-allowance.ts';

// Compares what a member claims for each day with the allowance of that day and names the rule
// each excess breaks, so the secretariat sees why a claim is over, not only that it is.

const twd = z.number().int().nonnegative().max(1e9);

export const dayClaim = z.object({
  date: z.iso.date(),
  lodging: twd.default(0),
  meals: twd.default(0),
  incidentals: twd.default(0),
});
export type DayClaim = z.infer<typeof dayClaim>;

/** A claim above what the rules allow. */
export interface ClaimFlag {
  date: string;
  component: 'lodging' | 'meals' | 'incidentals' | 'total';
  claimedTwd: number;
  allowedTwd: number;
  rule: AllowanceRule | 'not-in-itinerary';
  message: string;
  messageZh: string;
}

const RULE_TEXT: Record<ClaimFlag['rule'], { en: string; zh: string }> = {
  'daily-rate': { en: 'the daily rate of the place', zh: '當地日支數額' },
  'lodging-share': { en: 'the lodging share of the daily rate', zh: '住宿費比例' },
  'meals-share': { en: 'the meals share of the daily rate', zh: '膳食費比例' },
  'incidentals-share': { en: 'the incidentals share of the daily rate', zh: '零用費比例' },
  'return-day': { en: 'the return-day share', zh: '返國當日按比例支給' },
  'plane-night': { en: 'no lodging for a night on a plane', zh: '夜宿機上不支住宿費' },
  'host-meals': { en: 'the deduction for meals a host provided', zh: '主辦單位供餐應扣除膳食費' },
  'not-in-itinerary': { en: 'the day is not in the itinerary', zh: '該日不在行程內' },
};

function flag(date: string, component: ClaimFlag['component'], claimedTwd: number, allowedTwd: number, rule: ClaimFlag['rule']): ClaimFlag {
  const text = RULE_TEXT[rule];
  return {
    date,
    component,
    claimedTwd,
    allowedTwd,
    rule,
    message: `${date} ${component}: claimed ${claimedTwd} TWD, allowed ${allowedTwd} TWD (${text.en})`,
    messageZh: `${date} ${component}：申請新臺幣 ${claimedTwd} 元，上限 ${allowedTwd} 元（${text.zh}）`,
  };
}

/** Every claim above its allowance, with the rule that caps it; empty when all claims comply. */
export function checkClaims(claims: readonly DayClaim[], allowances: readonly DayAllowance[]): ClaimFlag[] {
  const byDate = new Map(allowances.map((a) => [a.date, a]));
  const flags: ClaimFlag[] = [];
  for (const claim of claims) {
    const day = byDate.get(claim.date);
    const total = claim.lodging + claim.meals + claim.incidentals;
    if (!day) {
      if (total > 0) flags.push(flag(claim.date, 'total', total, 0, 'not-in-itinerary'));
      continue;
    }
    if (day.returnDay) {
      if (total > day.allowedTwd) flags.push(flag(claim.date, 'total', total, day.allowedTwd, 'return-day'));
      continue;
    }
    if (claim.lodging > day.lodgingTwd) flags.push(flag(claim.date, 'lodging', claim.lodging, day.lodgingTwd, day.rulesApplied.includes('plane-night') ? 'plane-night' : 'lodging-share'));
    if (claim.meals > day.mealsTwd) {
      flags.push(flag(claim.date, 'meals', claim.meals, day.mealsTwd, day.deductionCents > 0 && claim.meals <= day.mealsBeforeDeductionTwd ? 'host-meals' : 'meals-share'));
    }
    if (claim.incidentals > day.incidentalsTwd) flags.push(flag(claim.date, 'incidentals', claim.incidentals, day.incidentalsTwd, 'incidentals-share'));
  }
  return flags;
}
