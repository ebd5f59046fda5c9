import { describe, expect, it } from 'vitest';
import { checkClaims } from '#app/domain/per-diem/claim-check.ts';
import { computeAllowances, itineraryDay, type ItineraryDay } from '#app/domain/per-diem/daily-allowance.ts';
import { DEFAULT_PER_DIEM_RULES, perDiemRules, type PerDiemRules } from '#app/domain/per-diem/per-diem-rules.ts';
import { findRate, parseRateTableCsv, type PerDiemRate } from '#app/domain/per-diem/rate-table.ts';

// Rates chosen so every share is a whole number of cents: 200 USD → lodging 140, meals 40, incidentals 20.
const RATES: PerDiemRate[] = [
  { countryCode: 'JP', city: '東京', usdPerDay: 200, effectiveFrom: '2024-01-01' },
  { countryCode: 'JP', city: '東京', usdPerDay: 300, effectiveFrom: '2024-03-02' },
  { countryCode: 'JP', city: '', usdPerDay: 100, effectiveFrom: '2024-01-01' },
];
const day = (date: string, extra: Partial<ItineraryDay> = {}): ItineraryDay => itineraryDay.parse({ date, countryCode: 'JP', city: '東京', ...extra });
const compute = (days: ItineraryDay[], rules: PerDiemRules = DEFAULT_PER_DIEM_RULES, fx = 1) => {
  const result = computeAllowances(days, RATES, rules, fx);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
};

describe('per-diem rates', () => {
  it('reads the CSV, keeps several effective dates and recognises a sample table', () => {
    const parsed = parseRateTableCsv('# SAMPLE table\ncountry_code,country,city,usd_per_day,effective_from\nJP,日本,東京,200,2024-01-01\nJP,日本,,100,2024-01-01\nJP,日本,東京,300,2024-03-02\n');
    expect(parsed).toMatchObject({ ok: true, sample: true });
    if (parsed.ok) expect(parsed.rates).toHaveLength(3);
  });

  it('names the line and field of every bad row', () => {
    const parsed = parseRateTableCsv('country_code,country,city,usd_per_day,effective_from\nXX,無,,200,2024-01-01\nJP,日本,,-3,2024-01-01\nJP,日本,,3,2024-13-01\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => `${p.line}:${p.field}`)).toEqual(['2:country_code', '3:usd_per_day', '4:effective_from']);
  });

  it('uses the city row, else the rest of the country, in force on the day', () => {
    expect(findRate(RATES, 'JP', '東京', '2024-03-01')?.usdPerDay).toBe(200);
    expect(findRate(RATES, 'JP', '東京', '2024-03-02')?.usdPerDay).toBe(300);
    expect(findRate(RATES, 'JP', '大阪', '2024-03-02')?.usdPerDay).toBe(100);
    expect(findRate(RATES, 'JP', '東京', '2023-12-31')).toBeUndefined();
  });
});

describe('daily allowance', () => {
  it('pays lodging 70 / meals 20 / incidentals 10 percent of the daily rate', () => {
    const [d] = compute([day('2024-01-10')]).days;
    expect([d!.lodgingCents, d!.mealsCents, d!.incidentalsCents, d!.allowedCents]).toEqual([14000, 4000, 2000, 20000]);
  });

  it('pays the return day at 30 percent', () => {
    const result = compute([day('2024-01-10'), day('2024-01-11', { night: 'home' })]);
    expect(result.days[1]).toMatchObject({ returnDay: true, allowedCents: 6000, lodgingCents: 0 });
    expect(result.totalTwd).toBe(260);
  });

  it('pays no lodging for a night on a plane', () => {
    expect(compute([day('2024-01-10', { night: 'plane' })]).days[0]).toMatchObject({ lodgingCents: 0, allowedCents: 6000, rulesApplied: ['plane-night'] });
  });

  it('deducts 4 / 8 / 8 percent for meals a host provides', () => {
    const all = compute([day('2024-01-10', { mealsProvided: { breakfast: true, lunch: true, dinner: true } })]).days[0]!;
    expect(all.deductionCents).toBe(4000);
    expect(all.mealsCents).toBe(0);
    expect(compute([day('2024-01-10', { mealsProvided: { breakfast: true, lunch: false, dinner: false } })]).days[0]!.deductionCents).toBe(800);
    expect(compute([day('2024-01-10', { mealsProvided: { breakfast: false, lunch: true, dinner: false } })]).days[0]!.deductionCents).toBe(1600);
    const returning = compute([day('2024-01-10'), day('2024-01-11', { night: 'home', mealsProvided: { breakfast: true, lunch: false, dinner: false } })]).days[1]!;
    expect(returning.allowedCents).toBe(6000 - 800);
  });

  it('pays each day at the rate in force for the place of that night', () => {
    const result = compute([day('2024-03-01'), day('2024-03-02'), day('2024-03-03', { city: '大阪' })]);
    expect(result.days.map((d) => d.rateUsd)).toEqual([200, 300, 100]);
  });

  it('converts at the exchange rate entered, rounding each day to whole TWD', () => {
    expect(compute([day('2024-01-10')], DEFAULT_PER_DIEM_RULES, 32.456).days[0]!.allowedTwd).toBe(6491);
  });

  it('takes every percentage and rule from configuration', () => {
    const rules = perDiemRules.parse({ ...DEFAULT_PER_DIEM_RULES, lodgingPercent: 60, mealsPercent: 30, returnDayPercent: 50, planeNightPaysLodging: true, hostMealPercent: { breakfast: 5, lunch: 10, dinner: 10 }, deductHostMealsOnReturnDay: false });
    const result = compute([day('2024-01-10', { night: 'plane', mealsProvided: { breakfast: true, lunch: false, dinner: false } }), day('2024-01-11', { night: 'home', mealsProvided: { breakfast: true, lunch: false, dinner: false } })], rules);
    expect(result.days[0]).toMatchObject({ lodgingCents: 12000, mealsCents: 6000 - 1000, incidentalsCents: 2000 });
    expect(result.days[1]).toMatchObject({ allowedCents: 10000, deductionCents: 0 });
    expect(perDiemRules.safeParse({ ...DEFAULT_PER_DIEM_RULES, lodgingPercent: 80 }).success).toBe(false);
  });

  it('refuses gaps, a return day before the end and places without a rate, naming the field', () => {
    const result = computeAllowances([day('2024-01-10', { night: 'home' }), day('2024-01-12', { countryCode: 'FR', city: '' })], RATES, DEFAULT_PER_DIEM_RULES, 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['days.0.night', 'days.1.date', 'days.1.countryCode']);
  });
});

describe('claim check', () => {
  const allowances = compute([
    day('2024-01-10', { night: 'plane' }),
    day('2024-01-11', { mealsProvided: { breakfast: false, lunch: true, dinner: true } }),
    day('2024-01-12', { night: 'home' }),
  ]).days;

  it('accepts claims within the allowance', () => {
    expect(checkClaims([{ date: '2024-01-11', lodging: 140, meals: 8, incidentals: 20 }], allowances)).toEqual([]);
  });

  it('flags each excess with the rule it breaks', () => {
    const flags = checkClaims(
      [
        { date: '2024-01-10', lodging: 100, meals: 0, incidentals: 0 },
        { date: '2024-01-11', lodging: 150, meals: 30, incidentals: 25 },
        { date: '2024-01-12', lodging: 0, meals: 61, incidentals: 0 },
        { date: '2024-01-13', lodging: 0, meals: 1, incidentals: 0 },
      ],
      allowances,
    );
    expect(flags.map((f) => `${f.date}:${f.component}:${f.rule}`)).toEqual([
      '2024-01-10:lodging:plane-night',
      '2024-01-11:lodging:lodging-share',
      '2024-01-11:meals:host-meals',
      '2024-01-11:incidentals:incidentals-share',
      '2024-01-12:total:return-day',
      '2024-01-13:total:not-in-itinerary',
    ]);
    expect(checkClaims([{ date: '2024-01-11', lodging: 0, meals: 41, incidentals: 0 }], allowances)[0]!.rule).toBe('meals-share');
    expect(flags[0]!.messageZh).toContain('夜宿機上');
  });
});
