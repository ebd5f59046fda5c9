import { z } from 'zod';
import { proposalState } from '#app/domain/outcomes/outcome-types.ts';
import { agreement, partner, partnerFields, partnerKind } from '#app/domain/partners/partner-schema.ts';
import { timelineEntry } from '#app/domain/partners/partner-timeline.ts';

/** A partner as the API shows it, with whether a person has confirmed it. */
export const partnerRecord = partner.extend({ state: proposalState });

export const partnerListQuery = z.object({
  kind: partnerKind.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Part of the name, English name or an alias'),
  state: proposalState.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const partnerList = z.object({ items: z.array(partnerRecord), total: z.number().int() });
export const partnerPatch = partnerFields.partial().strict();
export const partnerTimeline = z.object({ partner: partnerRecord, entries: z.array(timelineEntry) });

export const agreementList = z.object({ items: z.array(agreement) });
export const agreementListQuery = z.object({ partnerId: z.string().min(1).max(64).optional() });
export const reviewQuery = z.object({
  withinDays: z.coerce.number().int().min(0).max(3650).default(180).describe('Window ahead of today; overdue ones are always listed'),
  today: z.iso.date().optional().describe('Reference date (default: today)'),
});
export const reviewList = z.object({
  items: z.array(z.object({ agreementId: z.string(), title: z.string(), dueOn: z.string(), reason: z.enum(['review', 'expiry']), daysLeft: z.number().int() })),
});
