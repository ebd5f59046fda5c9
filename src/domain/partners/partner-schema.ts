import { z } from 'zod';
import { isoDate } from '#app/domain/trips/trip-schema.ts';

/** Cities (with their country), organisations and people a trip deals with. */
export const partnerKind = z.enum(['city', 'organisation', 'person']);
export type PartnerKind = z.infer<typeof partnerKind>;

/** Fields a person sets on a partner. */
export const partnerFields = z.object({
  kind: partnerKind,
  name: z.string().trim().min(1).max(200).describe('Name as the ledger writes it, e.g. 昌原市'),
  nameEn: z.string().trim().max(200).default('').describe('English name, e.g. Changwon'),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]).describe('Other names found in texts (昌原, Changwon)'),
  countryCode: z.string().regex(/^[A-Z]{2}$/).nullable().default(null).describe('ISO 3166-1 alpha-2 code of the country'),
  notes: z.string().max(5000).default(''),
});
export type PartnerFields = z.infer<typeof partnerFields>;

/** A partner record. */
export const partner = partnerFields.extend({
  id: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Partner = z.infer<typeof partner>;

/** Sister city, friendship city, MOU, or another written agreement. */
export const agreementKind = z.enum(['sister-city', 'friendship-city', 'mou', 'other']);
export type AgreementKind = z.infer<typeof agreementKind>;

const agreementShape = {
  kind: agreementKind,
  title: z.string().trim().min(1).max(500),
  signedOn: isoDate.describe('Date of signing'),
  reviewOn: isoDate.nullable().default(null).describe('When the agreement is due for review, if it says'),
  expiresOn: isoDate.nullable().default(null).describe('When it lapses unless renewed, if it says'),
  partnerIds: z.array(z.string().min(1).max(64)).min(1).max(20).describe('The parties other than the city'),
  outcomeId: z.string().min(1).max(64).nullable().default(null).describe('The outcome item that reports the signing'),
  notes: z.string().max(5000).default(''),
};

function datesInOrder(a: { signedOn?: string; reviewOn?: string | null; expiresOn?: string | null }, ctx: z.RefinementCtx): void {
  for (const field of ['reviewOn', 'expiresOn'] as const) {
    const value = a[field];
    if (a.signedOn && value && value < a.signedOn) ctx.addIssue({ code: 'custom', path: [field], message: `${field} ${value} is before signedOn ${a.signedOn}` });
  }
}

/** Payload to record an agreement. */
export const agreementInput = z.object(agreementShape).superRefine(datesInOrder);
export type AgreementInput = z.infer<typeof agreementInput>;

/** Payload to change an agreement: any subset of its fields. */
export const agreementPatch = z
  .object(Object.fromEntries(Object.entries(agreementShape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap().optional() : v.optional()])) as {
    [K in keyof typeof agreementShape]: z.ZodOptional<(typeof agreementShape)[K] extends z.ZodDefault<infer I> ? I : (typeof agreementShape)[K]>;
  })
  .strict();
export type AgreementPatch = z.infer<typeof agreementPatch>;

/** A stored agreement with its parties' names. */
export const agreement = z.object({
  id: z.string(),
  kind: agreementKind,
  title: z.string(),
  signedOn: isoDate,
  reviewOn: isoDate.nullable(),
  expiresOn: isoDate.nullable(),
  parties: z.array(z.object({ partnerId: z.string(), name: z.string(), kind: partnerKind })),
  outcomeId: z.string().nullable(),
  notes: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Agreement = z.infer<typeof agreement>;
