import { z } from 'zod';
import { isoDate } from '#app/domain/trips/trip-schema.ts';
import { proposalState } from '#app/domain/outcomes/outcome-types.ts';

/** When a follow-up happened: `YYYY-MM` (the reports often give only the month) or `YYYY-MM-DD`. */
export const followUpDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, 'expected YYYY-MM or YYYY-MM-DD')
  .refine((s) => s.length === 7 || z.iso.date().safeParse(s).success, 'not a calendar date')
  .describe('YYYY-MM or YYYY-MM-DD; 106 年 10 月 is 2017-10');

/** `open`: still to happen (may have a due date); `done`: happened; `cancelled`: will not happen. */
export const followUpStatus = z.enum(['open', 'done', 'cancelled']);
export type FollowUpStatus = z.infer<typeof followUpStatus>;

/** A link that shows the follow-up happened (a press release, minutes, a photo page). */
export const evidenceLink = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  title: z.string().max(300).default(''),
});

/** An attached file's description (its bytes are fetched separately). */
export const evidenceFile = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string() });

const followUpShape = {
  date: followUpDate.nullable().default(null).describe('When it happened; null while it is still to come'),
  dueOn: isoDate.nullable().default(null).describe('When it should happen by; past it an open follow-up is overdue'),
  description: z.string().trim().min(1).max(2000),
  status: followUpStatus.optional().describe('Defaults to done when a date is given, else open'),
  links: z.array(evidenceLink).max(20).default([]),
};

function dateOrDue(f: { date?: string | null; dueOn?: string | null }, ctx: z.RefinementCtx): void {
  if (!f.date && !f.dueOn) ctx.addIssue({ code: 'custom', path: ['date'], message: 'give the date it happened or the date it is due (dueOn)' });
}

/** Payload to record a follow-up by hand (it is confirmed from the start). */
export const followUpInput = z.object(followUpShape).superRefine(dateOrDue);
export type FollowUpInput = z.infer<typeof followUpInput>;

/** Payload to change a follow-up; `confirmed: true` accepts a proposed one. */
export const followUpPatch = z
  .object({
    date: followUpDate.nullable().optional(),
    dueOn: isoDate.nullable().optional(),
    description: z.string().trim().min(1).max(2000).optional(),
    status: followUpStatus.optional(),
    links: z.array(evidenceLink).max(20).optional(),
    confirmed: z.literal(true).optional(),
    version: z.number().int().positive().describe('Version the change is based on; a stale one is refused with 409'),
  })
  .strict();
export type FollowUpPatch = z.infer<typeof followUpPatch>;

/** A stored follow-up. */
export const followUp = z.object({
  id: z.string(),
  outcomeId: z.string(),
  date: z.string().nullable(),
  dueOn: z.string().nullable(),
  description: z.string(),
  status: followUpStatus,
  state: proposalState,
  source: z.enum(['rules', 'person']).describe('rules: proposed from a date in the outcome text'),
  written: z.string().nullable().describe('The date as written in the text, for proposed follow-ups'),
  links: z.array(evidenceLink),
  files: z.array(evidenceFile),
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FollowUp = z.infer<typeof followUp>;

/** Upload of an evidence file, base64 in JSON so it goes through the same validation. */
export const evidenceFileUpload = z.object({
  name: z.string().trim().min(1).max(200),
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'expected a media type such as application/pdf').max(100),
  contentBase64: z.base64().min(1).max(700_000).describe('File content, base64; at most 512 KB decoded'),
});
