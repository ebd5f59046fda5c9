import { z } from 'zod';

// The post-trip report (出國報告) with the fields the national post-trip report site keeps, so a
// trip can be exported there. The summary length is checked when the report is filed (the bounds
// are settings), not while it is being written.

const isoDate = z.iso.date().describe('ISO 8601 calendar date');

/** What became of one recommendation of the report. */
export const recommendationDecision = z.enum(['pending', 'adopted', 'in-progress', 'not-adopted']);
export type RecommendationDecision = z.infer<typeof recommendationDecision>;

export const recommendation = z.object({
  text: z.string().trim().min(1).max(2000),
  decision: recommendationDecision.default('pending'),
  decidedOn: isoDate.nullable().default(null).describe('Date of the decision; required once it is not pending'),
});
export type Recommendation = z.infer<typeof recommendation>;

/** The report file itself as stored: ODF text or PDF. */
export const reportFileInfo = z.object({
  name: z.string().min(1).max(300),
  mediaType: z.enum(['application/pdf', 'application/vnd.oasis.opendocument.text']),
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ReportFileInfo = z.infer<typeof reportFileInfo>;

export const postTripReport = z
  .object({
    title: z.string().trim().min(1).max(500),
    date: isoDate.nullable().default(null).describe('Date of the report'),
    pages: z.number().int().positive().max(10000).nullable().default(null),
    summary: z.string().max(2000).default('').describe('200–300 character summary (bounds are settings; checked when filed)'),
    keywords: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    bodiesVisited: z.array(z.string().trim().min(1).max(300)).max(200).default([]),
    recommendations: z.array(recommendation).max(200).default([]),
    file: reportFileInfo.nullable().default(null).describe('Set by uploading the file; read-only here'),
  })
  .superRefine((report, ctx) => {
    report.recommendations.forEach((r, i) => {
      if (r.decision !== 'pending' && r.decidedOn === null) {
        ctx.addIssue({ code: 'custom', path: ['recommendations', i, 'decidedOn'], message: `a ${r.decision} recommendation needs the date of the decision` });
      }
    });
  });
export type PostTripReport = z.infer<typeof postTripReport>;

/** Length limits of the summary; the national rule says 200–300 characters (verify). */
export interface SummaryBounds {
  min: number;
  max: number;
}

/** Counts characters as people do (code points, so a CJK character or emoji is one), ignoring surrounding space. */
export function summaryLength(summary: string): number {
  return [...summary.trim()].length;
}

/** The problems that keep a report from being filed, each naming its field; empty when it can be filed. */
export function reportFilingProblems(report: PostTripReport | null, bounds: SummaryBounds): { field: string; message: string; messageZh: string }[] {
  if (!report) return [{ field: 'report', message: 'the trip has no post-trip report yet', messageZh: '尚未填寫出國報告' }];
  const problems: { field: string; message: string; messageZh: string }[] = [];
  const length = summaryLength(report.summary);
  if (length < bounds.min || length > bounds.max) {
    problems.push({
      field: 'report.summary',
      message: `the summary has ${length} characters; it needs ${bounds.min}–${bounds.max}`,
      messageZh: `摘要為 ${length} 字，應為 ${bounds.min}–${bounds.max} 字`,
    });
  }
  if (report.date === null) problems.push({ field: 'report.date', message: 'the report needs its date', messageZh: '出國報告須填日期' });
  if (report.file === null) problems.push({ field: 'report.file', message: 'upload the report file (ODF or PDF) first', messageZh: '請先上傳出國報告檔案（ODF 或 PDF）' });
  return problems;
}
