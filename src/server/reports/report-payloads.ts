import { z } from 'zod';
import { parseRocDate } from '#app/domain/dates/roc-date.ts';
import { budgetYearSchema } from '#app/reports/report-templates.ts';
import { COUNCIL_REPORT_FORMATS, DATA_FORMATS, DATASETS } from '#app/reports/report-service.ts';

/** A date given as ISO (2018-05-11) or in the ROC calendar (107/5/11, 107年5月11日). */
export const reportDate = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((text) => parseRocDate(text).ok, { message: 'expected a date such as 2018-05-11, 107/5/11 or 107年5月11日' })
  .describe('ISO date (2018-05-11) or ROC date (107/5/11)');

/** The ISO form of a date that passed `reportDate`. */
export function toIsoDate(text: string): string {
  const parsed = parseRocDate(text);
  if (!parsed.ok) throw new Error(`not a date: ${text}`);
  return parsed.value;
}

const words = (max: number) => z.string().trim().max(max).optional();

/** Body of POST /api/v1/reports/council: format, which trips, and this report's own words. */
export const councilReportBody = z
  .object({
    format: z.enum(COUNCIL_REPORT_FORMATS).describe('docx, odt, pdf or html'),
    from: reportDate.optional().describe('First day of the period: trips starting on or after it'),
    to: reportDate.optional().describe('Last day of the period: trips starting on or before it'),
    agencies: z.array(z.string().trim().min(1).max(200)).max(100).optional().describe('Only trips organised by, or with members from, these agencies'),
    tripIds: z.array(z.string().min(1).max(64)).max(10000).optional().describe('Only these trips'),
    council: words(200).describe('Council session on the cover'),
    title: words(300),
    government: words(100),
    agency: words(100).describe('Reporting agency on the cover'),
    presenter: words(100).describe('Who presents the report, e.g. 處長 李如芳'),
    reportDate: reportDate.optional().describe('Date on the cover (default: today)'),
    sectionsHeading: words(200),
    tableTitle: words(200),
    budgetSeries: z.array(budgetYearSchema).max(100).optional().describe('Overseas-travel budget by ROC year, quoted in the closing'),
    introduction: z.string().max(50_000).optional().describe('The introduction for this report, in place of templates/council-report/introduction.md'),
    closing: z.string().max(50_000).optional().describe('The closing for this report, in place of templates/council-report/closing.md'),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.from && body.to && parseRocDate(body.from).ok && parseRocDate(body.to).ok && toIsoDate(body.to) < toIsoDate(body.from)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the period ends (${body.to}) before it starts (${body.from})` });
    }
  });
export type CouncilReportBody = z.infer<typeof councilReportBody>;

/** Path of GET /api/v1/open-data/:dataset. */
export const openDataParams = z.object({ dataset: z.enum(DATASETS).describe('table: the summary table; ledger: every trip with all disclosure fields') });

/** Query of GET /api/v1/open-data/:dataset. */
export const openDataQuery = z
  .object({
    format: z.enum(DATA_FORMATS).default('csv'),
    bom: z.enum(['true', 'false']).default('false').describe('CSV only: start with a byte-order mark so Excel reads UTF-8'),
    from: reportDate.optional(),
    to: reportDate.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && parseRocDate(q.from).ok && parseRocDate(q.to).ok && toIsoDate(q.to) < toIsoDate(q.from)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the period ends (${q.to}) before it starts (${q.from})` });
    }
  });

/** One field of the data dictionary. */
export const dataDictionaryField = z.object({
  key: z.string(),
  type: z.string(),
  label: z.string(),
  en: z.string(),
  zh: z.string(),
  origin: z.string(),
});

/** GET /api/v1/open-data/data-dictionary: the fields of the ledger files. */
export const dataDictionary = z.object({ dataset: z.literal('ledger'), listSeparator: z.string(), fields: z.array(dataDictionaryField) });
