import type { FollowUp, FollowUpStatus } from '#app/domain/outcomes/follow-up-schema.ts';
import type { OutcomeRecord } from '#app/domain/outcomes/outcome-record-schema.ts';
import type { OutcomeStatus, OutcomeType } from '#app/domain/outcomes/outcome-types.ts';
import type { PartnerKind } from '#app/domain/partners/partner-schema.ts';
import type { FieldIssue } from '#app/web/back-office/api/staff-api.ts';
import { isoOfTyped } from '#app/web/back-office/trips/trip-draft.ts';

export type { FollowUp, FollowUpStatus, OutcomeRecord, OutcomeStatus, OutcomeType };

// Lists of the enums, kept here so the page does not pull zod in with the schema modules.
export const OUTCOME_TYPES: readonly OutcomeType[] = ['sister-friendship-city', 'mou-agreement', 'investment', 'event-promotion', 'return-visit', 'route-flight', 'knowledge-adopted', 'other'];
export const OUTCOME_STATUSES: readonly OutcomeStatus[] = ['claimed', 'in-progress', 'realised', 'lapsed'];
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['open', 'done', 'cancelled'];

/** A theme of GET /api/v1/outcome-themes. */
export interface Theme {
  id: string;
  zh: string;
  en: string;
}

/** A partner as the search lists it (GET /api/v1/partners?q=). */
export interface PartnerHit {
  id: string;
  kind: PartnerKind;
  name: string;
  nameEn: string;
  countryCode: string | null;
  state: 'proposed' | 'confirmed';
}

/** A counterparty chosen in the editor. */
export interface ChosenPartner {
  partnerId: string;
  kind: PartnerKind;
  name: string;
}

/** Errors by API field path without `body.` (date, links.0.url). */
export function errorMap(issues: FieldIssue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of issues) {
    const key = i.field.replace(/^body\.?/, '').replace(/ \(.*\)$/, '');
    map.set(key, [...(map.get(key) ?? []), i.message]);
  }
  return map;
}

/**
 * A follow-up's date as typed: ROC or ISO, a day or only a month (107/10, 107年10月, 2018-10,
 * 107/10/20). Answers `YYYY-MM` or `YYYY-MM-DD`, or null when it cannot be read.
 */
export function followUpDateOf(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(t)) return t;
  const month = /^(?:民國)?\s*(\d{2,4})\s*[/.年-]\s*(\d{1,2})\s*月?$/.exec(t);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    return `${y < 1000 ? y + 1911 : y}-${String(m).padStart(2, '0')}`;
  }
  return isoOfTyped(t);
}

/** A stored follow-up date shown the ROC way: 107/10 or 107/10/20. */
export function rocOfFollowUpDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number | undefined];
  return d ? `${y - 1911}/${m}/${d}` : `${y - 1911}/${m}`;
}

/** The ROC form of an ISO date, for filling a field back in (2018-10-20 → 107/10/20). */
export function typedOf(iso: string | null): string {
  return iso ? rocOfFollowUpDate(iso) : '';
}

/** The names of the fields whose values differ. */
export function differingFields(theirs: Record<string, unknown>, mine: Record<string, unknown>): string[] {
  return Object.keys(mine).filter((k) => JSON.stringify(theirs[k]) !== JSON.stringify(mine[k]));
}

/** Reads a file as base64 for POST /follow-ups/:id/files. */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('file read failed'));
    reader.readAsDataURL(file);
  });
}

export const MAX_EVIDENCE_BYTES = 512 * 1024;

/** The outcome's follow-ups, as the record lists them. */
export function followUpsOf(record: OutcomeRecord): FollowUp[] {
  return record.followUps;
}
