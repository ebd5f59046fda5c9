import { z } from 'zod';
import { countryByCode } from '#app/domain/places/country-list.ts';
import { postTripReport } from '#app/domain/post-trip-report/post-trip-report-schema.ts';
import { crossStraitSteps, NO_CROSS_STRAIT_STEPS } from '#app/domain/workflow/cross-strait-steps.ts';
import { lifecycleState } from '#app/domain/workflow/lifecycle-state.ts';

// The trip record and its parts. These zod schemas are the single source for the
// TypeScript types, request validation and the OpenAPI document.

/** ISO calendar date (YYYY-MM-DD); dates are stored ISO and shown in the ROC calendar. */
export const isoDate = z.iso.date().describe('ISO 8601 calendar date, e.g. 2018-04-10');

/** Amount of money in whole New Taiwan dollars. */
export const twdAmount = z.number().int().nonnegative().max(1e12).describe('Whole TWD');

/** 考察 / 開會 / 訪問 / 洽公 / 其他. */
export const tripCategory = z.enum(['inspection', 'conference', 'visit', 'business', 'other']);
export type TripCategory = z.infer<typeof tripCategory>;

/** `planned`; `settling` (核銷中, 尚待核銷); `settled`; `pending` (尚待彙整: figures not yet compiled). */
export const settlementStatus = z.enum(['planned', 'settling', 'settled', 'pending']);
export type SettlementStatus = z.infer<typeof settlementStatus>;

export const destination = z.object({
  country: z.string().min(1).max(100).describe('Country name in Traditional Chinese, e.g. 日本'),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .refine((code) => countryByCode(code) !== null, { message: 'unknown country code' })
    .nullable()
    .describe('ISO 3166-1 alpha-2 code; null when the country is not in the list'),
  cities: z.array(z.string().min(1).max(100)).max(50),
});
export type Destination = z.infer<typeof destination>;

export const memberRole = z.enum(['leader', 'member']);
export const member = z.object({
  name: z.string().min(1).max(100),
  title: z.string().max(100).describe('Job title as written, e.g. 觀旅局局長'),
  agency: z.string().max(100).nullable().describe('Agency the title belongs to, e.g. 觀光旅遊局, when known'),
  role: memberRole,
});
export type Member = z.infer<typeof member>;

export const budgetCategory = z.enum(['airfare', 'lodging', 'perDiem', 'otherTransport', 'registration', 'giftsHospitality', 'other']);
export type BudgetCategory = z.infer<typeof budgetCategory>;

/** Amounts by category; a category absent from the object is unknown, not zero. */
export const budgetBreakdown = z.partialRecord(budgetCategory, twdAmount);

export const budget = z.object({
  currency: z.literal('TWD'),
  estimate: twdAmount.nullable().describe('Cost estimate in the plan'),
  approved: twdAmount.nullable().describe('Amount approved'),
  actual: twdAmount.nullable().describe('Settled actual cost; null until settled'),
  status: settlementStatus,
  estimateBreakdown: budgetBreakdown,
  actualBreakdown: budgetBreakdown,
});
export type Budget = z.infer<typeof budget>;

export const outcome = z.object({
  id: z.string().min(1).max(64).optional().describe('Id of the outcome record (see /api/v1/outcomes); send it back so a reworded item keeps its follow-ups'),
  text: z.string().min(1).max(5000).describe('Outcome as written in the source, verbatim'),
});
export type Outcome = z.infer<typeof outcome>;

export const tripSource = z.object({
  document: z.string().max(300).describe('File name of the imported document'),
  documentHash: z.string().max(128).describe('SHA-256 of the document text'),
  line: z.number().int().positive().describe('1-based line where the trip row starts'),
});
export type TripSource = z.infer<typeof tripSource>;

const planFields = {
  topics: z.array(z.string().trim().min(1).max(300)).max(100).describe('Topics of the visit'),
  themes: z.array(z.string().trim().min(1).max(300)).max(100).describe('Investment or marketing themes'),
  expectedBenefits: z.string().max(5000).describe('Expected benefits stated in the plan'),
  days: z.number().int().positive().max(366).nullable().describe('Days abroad in the plan; null = end − start + 1'),
  crossStraitSteps: crossStraitSteps.describe('Permission and return notification of a mainland China / Hong Kong / Macau trip'),
  report: postTripReport.nullable().describe('The post-trip report (出國報告)'),
  varianceExplanation: z.string().max(5000).describe('Why the actual cost differs from the approved amount'),
};

function workflowFields() {
  return {
    topics: planFields.topics.optional(),
    themes: planFields.themes.optional(),
    expectedBenefits: planFields.expectedBenefits.optional(),
    days: planFields.days.optional(),
    crossStraitSteps: planFields.crossStraitSteps.optional(),
    report: planFields.report.optional(),
    varianceExplanation: planFields.varianceExplanation.optional(),
  };
}

/** Values of the workflow fields a trip input leaves out. */
export const WORKFLOW_FIELD_DEFAULTS = {
  topics: [] as string[],
  themes: [] as string[],
  expectedBenefits: '',
  days: null,
  crossStraitSteps: NO_CROSS_STRAIT_STEPS,
  report: null,
  varianceExplanation: '',
};

const tripFields = {
  title: z.string().trim().min(1).max(500),
  purpose: z.string().max(5000).default(''),
  category: tripCategory.default('other'),
  organisingAgency: z.string().max(200).default(''),
  invitingBody: z.string().max(500).default(''),
  start: isoDate,
  end: isoDate,
  destinations: z.array(destination).max(50).default([]),
  members: z.array(member).max(500).default([]),
  headcount: z.number().int().positive().max(10000).nullable().default(null).describe('Stated size of the delegation (等七人 = 7), kept apart from the names listed'),
  budget: budget.default({ currency: 'TWD', estimate: null, approved: null, actual: null, status: 'planned', estimateBreakdown: {}, actualBreakdown: {} }),
  outcomes: z.array(outcome).max(500).default([]),
  notes: z.string().max(5000).default(''),
  source: tripSource.nullable().default(null),
  // Workflow fields (issue 4). Optional in input so that callers written before them (the report
  // importer, builders) stay valid; a stored trip always has them (see `trip` below).
  ...workflowFields(),
};

function endNotBeforeStart(t: { start?: string; end?: string }, ctx: z.RefinementCtx): void {
  if (t.start && t.end && t.end < t.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `end ${t.end} is before start ${t.start}` });
  }
}

/** Payload to create a trip. */
export const tripInput = z.object(tripFields).superRefine(endNotBeforeStart);
export type TripInput = z.infer<typeof tripInput>;
export type TripInputRaw = z.input<typeof tripInput>;

/** Payload to change a trip: any subset of fields plus the version the client last read. */
export const tripPatch = z
  .object({
    ...Object.fromEntries(Object.entries(tripFields).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap().optional() : v.optional()])),
    version: z.number().int().positive().describe('Version the change is based on; a stale one is refused with 409'),
  })
  .strict() as unknown as z.ZodType<Partial<Omit<TripInput, never>> & { version: number }>;
export type TripPatch = Partial<TripInput> & { version: number };

/** A stored trip. */
export const trip = z.object({
  id: z.string().describe('Stable identifier'),
  ...Object.fromEntries(Object.entries(tripFields).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v])) as {
    [K in keyof typeof tripFields]: (typeof tripFields)[K] extends z.ZodDefault<infer I> ? I : (typeof tripFields)[K];
  },
  ...planFields,
  lifecycleState: lifecycleState,
  crossStrait: z.boolean().describe('Goes to mainland China, Hong Kong or Macau'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type Trip = z.infer<typeof trip>;
