import { parseRocDate } from '#app/domain/dates/roc-date.ts';
import type { BudgetCategory, Trip, TripCategory } from '#app/domain/trips/trip-schema.ts';
import { rocDate } from '#app/web/format/roc-date.ts';

// The trip form keeps what the user typed (strings), so a half-typed date or amount is never lost;
// it becomes a request body only on save, and the server's 400 answers name what is wrong.

export const BUDGET_CATEGORIES: readonly BudgetCategory[] = ['airfare', 'lodging', 'perDiem', 'otherTransport', 'registration', 'giftsHospitality', 'other'];
export const TRIP_CATEGORIES: readonly TripCategory[] = ['inspection', 'conference', 'visit', 'business', 'other'];

export interface DestinationDraft {
  key: number;
  country: string;
  countryCode: string;
  cities: string;
}

export interface MemberDraft {
  key: number;
  name: string;
  title: string;
  agency: string;
  role: 'leader' | 'member';
}

export interface TripDraft {
  title: string;
  purpose: string;
  category: TripCategory;
  organisingAgency: string;
  invitingBody: string;
  expectedBenefits: string;
  start: string;
  end: string;
  destinations: DestinationDraft[];
  members: MemberDraft[];
  headcount: string;
  estimateBreakdown: Record<BudgetCategory, string>;
  topics: string;
  outcomes: string;
  notes: string;
}

let nextKey = 1;
/** A key for a new row, so React keeps each row's inputs (and focus) when another row is removed. */
export function rowKey(): number {
  return nextKey++;
}

/** The ISO date of what was typed (107/4/10, 107年4月10日 or 2018-04-10), or null when it is no date. */
export function isoOfTyped(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const parsed = parseRocDate(trimmed);
  return parsed.ok ? parsed.value : null;
}

function emptyBreakdown(): Record<BudgetCategory, string> {
  return Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, ''])) as Record<BudgetCategory, string>;
}

/** A blank plan for the clerk's agency. */
export function emptyDraft(agency: string | null): TripDraft {
  return {
    title: '',
    purpose: '',
    category: 'visit',
    organisingAgency: agency ?? '',
    invitingBody: '',
    expectedBenefits: '',
    start: '',
    end: '',
    destinations: [{ key: rowKey(), country: '', countryCode: '', cities: '' }],
    members: [],
    headcount: '',
    estimateBreakdown: emptyBreakdown(),
    topics: '',
    outcomes: '',
    notes: '',
  };
}

/** The form's view of a stored trip. */
export function draftFromTrip(trip: Trip): TripDraft {
  const breakdown = emptyBreakdown();
  for (const c of BUDGET_CATEGORIES) {
    const v = trip.budget.estimateBreakdown[c];
    if (v !== undefined) breakdown[c] = String(v);
  }
  return {
    title: trip.title,
    purpose: trip.purpose,
    category: trip.category,
    organisingAgency: trip.organisingAgency,
    invitingBody: trip.invitingBody,
    expectedBenefits: trip.expectedBenefits,
    start: rocDate(trip.start),
    end: rocDate(trip.end),
    destinations: trip.destinations.map((d) => ({ key: rowKey(), country: d.country, countryCode: d.countryCode ?? '', cities: d.cities.join('、') })),
    members: trip.members.map((m) => ({ key: rowKey(), name: m.name, title: m.title, agency: m.agency ?? '', role: m.role })),
    headcount: trip.headcount === null ? '' : String(trip.headcount),
    estimateBreakdown: breakdown,
    topics: trip.topics.join('\n'),
    outcomes: trip.outcomes.map((o) => o.text).join('\n'),
    notes: trip.notes,
  };
}

/** A typed amount as the API wants it: a number when it reads as one, else the text (so the 400 names the field). */
function amount(text: string): number | string | null {
  const t = text.replace(/[,，\s]/g, '');
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : text;
}

/** The breakdown of the categories filled in; an empty category stays unknown, not zero. */
export function breakdownOf(values: Record<BudgetCategory, string>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const c of BUDGET_CATEGORIES) {
    const v = amount(values[c]);
    if (v !== null) out[c] = v;
  }
  return out;
}

/** Sum of the numeric categories, or null when none is filled in. */
export function breakdownTotal(values: Record<BudgetCategory, string>): number | null {
  const numbers = Object.values(breakdownOf(values)).filter((v): v is number => typeof v === 'number');
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The record fields of the form, shaped as the API's trip input. */
export function fieldsOfDraft(draft: TripDraft, stored?: Trip): Record<string, unknown> {
  const outcomeTexts = lines(draft.outcomes);
  return {
    title: draft.title,
    purpose: draft.purpose,
    category: draft.category,
    organisingAgency: draft.organisingAgency,
    invitingBody: draft.invitingBody,
    expectedBenefits: draft.expectedBenefits,
    start: isoOfTyped(draft.start) ?? draft.start,
    end: isoOfTyped(draft.end) ?? draft.end,
    destinations: draft.destinations.map((d) => ({
      country: d.country.trim(),
      countryCode: d.countryCode.trim() === '' ? null : d.countryCode.trim().toUpperCase(),
      cities: d.cities
        .split(/[、,，]/)
        .map((c) => c.trim())
        .filter(Boolean),
    })),
    members: draft.members.map((m) => ({ name: m.name.trim(), title: m.title.trim(), agency: m.agency.trim() === '' ? null : m.agency.trim(), role: m.role })),
    headcount: amount(draft.headcount),
    budget: {
      currency: 'TWD',
      estimate: breakdownTotal(draft.estimateBreakdown),
      approved: stored?.budget.approved ?? null,
      actual: stored?.budget.actual ?? null,
      status: stored?.budget.status ?? 'planned',
      estimateBreakdown: breakdownOf(draft.estimateBreakdown),
      actualBreakdown: stored?.budget.actualBreakdown ?? {},
    },
    topics: lines(draft.topics),
    // Outcome items keep their ids by position, so a reworded item keeps its follow-ups.
    outcomes: outcomeTexts.map((text, i) => {
      const id = stored?.outcomes[i]?.id;
      return id ? { id, text } : { text };
    }),
    notes: draft.notes,
  };
}

/** Only the fields that differ from the stored trip, plus the version read: a patch touches nothing else. */
export function patchOfDraft(draft: TripDraft, stored: Trip): Record<string, unknown> {
  const fields = fieldsOfDraft(draft, stored);
  const patch: Record<string, unknown> = { version: stored.version };
  for (const [key, value] of Object.entries(fields)) {
    if (JSON.stringify(value) !== JSON.stringify(normalised(stored, key))) patch[key] = value;
  }
  return patch;
}

function normalised(stored: Trip, key: string): unknown {
  if (key === 'outcomes') return stored.outcomes.map((o) => (o.id ? { id: o.id, text: o.text } : { text: o.text }));
  if (key === 'budget') {
    const b = stored.budget;
    return { currency: 'TWD', estimate: b.estimate, approved: b.approved, actual: b.actual, status: b.status, estimateBreakdown: ordered(b.estimateBreakdown), actualBreakdown: b.actualBreakdown };
  }
  if (key === 'destinations') return stored.destinations.map((d) => ({ country: d.country, countryCode: d.countryCode, cities: d.cities }));
  if (key === 'members') return stored.members.map((m) => ({ name: m.name, title: m.title, agency: m.agency, role: m.role }));
  return (stored as unknown as Record<string, unknown>)[key];
}

function ordered(breakdown: Partial<Record<BudgetCategory, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of BUDGET_CATEGORIES) if (breakdown[c] !== undefined) out[c] = breakdown[c];
  return out;
}

/** The id of the input for an API field path: body.destinations.0.countryCode → trip-destinations-0-countryCode. */
export function inputIdOf(field: string): string {
  return `trip-${field.replace(/^body\./, '').replace(/\./g, '-')}`;
}
