import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { buildApp } from '#app/server/app.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { CLERK_AGENCY, createStaff, type StaffName } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

// Every endpoint against every role, as data. To cover a new endpoint, add an entry to ROUTES;
// the completeness test below fails for any endpoint of the OpenAPI document that is not in ROUTES.

type Who = 'anonymous' | StaffName;
const EVERYONE: Who[] = ['anonymous', 'clerk', 'clerkOther', 'secretariat', 'approver', 'auditor', 'admin'];
const STAFF: Who[] = EVERYONE.filter((w) => w !== 'anonymous');

interface Fixtures {
  draftA: Trip;
  submittedA: Trip;
  publishedA: Trip;
  budgetId: string;
  clerkUserId: string;
  draftAOutcomeId: string;
  publishedAOutcomeId: string;
  draftAFollowUpId: string;
  publishedAFollowUpId: string;
  draftAFileId: string;
  publishedAFileId: string;
  partnerId: string;
  agreementId: string;
  attachmentId: string;
}

interface RouteCase {
  /** `METHOD /path` as in the OpenAPI document. */
  route: string;
  url: (f: Fixtures) => string;
  payload?: (f: Fixtures) => unknown;
  headers?: Record<string, string>;
  /** Who is let through, and the status they get (the request is built so it changes nothing where possible). */
  allowed: Who[];
  status: number;
  /** Status for particular callers that are refused in another way (hidden trip → 404). */
  refused?: Partial<Record<Who, number>>;
  /** Callers to try, when trying the others would change the fixtures (default: everyone). */
  callers?: Who[];
  /** Texts a successful answer contains for exactly the callers listed in `to` (drafts, internal notes). */
  reveals?: { text: (f: Fixtures) => string; to: Who[] }[];
  /** Told apart from other cases of the same route in the test name. */
  label?: string;
}

const STALE = 999;
const SAMPLE_RATES = readFileSync(new URL('../../samples/per-diem-rates.sample.csv', import.meta.url), 'utf8');
const SEED = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const writers: Who[] = ['clerk', 'secretariat', 'admin'];
const DRAFT_TITLE = '尚未核定的草案出國計畫';
const SECRET_NOTE = '內部簽辦意見：預算尚待協調';
/** Everyone who reads a draft of the clerk's agency: staff other than a clerk of another agency. */
const DRAFT_READERS: Who[] = ['clerk', 'secretariat', 'approver', 'auditor', 'admin'];
/** Writers of outcomes, follow-ups, partners, agreements, attachments: clerks of any agency, secretariat (docs/outcomes.md). */
const OUTCOME_WRITERS: Who[] = ['clerk', 'clerkOther', 'secretariat', 'admin'];
const hiddenDraft = { anonymous: 404, clerkOther: 404 } as const;
const EVIDENCE = { name: '會議紀錄.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') };
const NO_ID = '00000000-0000-4000-8000-000000000000';
const checkBody = { exchangeRate: { twdPerUsd: 32, date: '2024-04-30' }, days: [{ date: '2024-05-01', countryCode: 'JP', city: '東京' }], members: [{ name: '甲', claims: [] }] };

const ROUTES: RouteCase[] = [
  { route: 'GET /healthz', url: () => '/healthz', allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/trips', url: () => '/api/v1/trips', allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/trips/{id}', url: (f) => `/api/v1/trips/${f.publishedA.id}`, allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/trips/{id}', url: (f) => `/api/v1/trips/${f.draftA.id}`, allowed: ['clerk', 'secretariat', 'approver', 'auditor', 'admin'], status: 200, refused: { anonymous: 404, clerkOther: 404 } },
  { route: 'POST /api/v1/trips', url: () => '/api/v1/trips', payload: () => buildTripInput({ organisingAgency: CLERK_AGENCY }), allowed: writers, status: 201 },
  { route: 'PATCH /api/v1/trips/{id}', url: (f) => `/api/v1/trips/${f.publishedA.id}`, payload: () => ({ version: STALE, notes: 'x' }), allowed: writers, status: 409 },
  { route: 'PATCH /api/v1/trips/{id}', url: (f) => `/api/v1/trips/${f.draftA.id}`, payload: () => ({ version: STALE, notes: 'x' }), allowed: writers, status: 409, refused: { clerkOther: 404 } },
  { route: 'DELETE /api/v1/trips/{id}', url: (f) => `/api/v1/trips/${f.publishedA.id}`, allowed: writers, status: 409 },
  { route: 'POST /api/v1/trips/{id}/transitions', url: (f) => `/api/v1/trips/${f.draftA.id}/transitions`, payload: () => ({ action: 'submit', version: STALE }), allowed: writers, status: 409, refused: { clerkOther: 404 } },
  { route: 'POST /api/v1/trips/{id}/transitions', url: (f) => `/api/v1/trips/${f.submittedA.id}/transitions`, payload: () => ({ action: 'approve', version: STALE }), allowed: ['approver', 'admin'], status: 409, refused: { clerkOther: 404 } },
  { route: 'POST /api/v1/trips/{id}/transitions', url: (f) => `/api/v1/trips/${f.submittedA.id}/transitions`, payload: () => ({ action: 'return', version: STALE, comment: '補件' }), allowed: ['approver', 'secretariat', 'admin'], status: 409, refused: { clerkOther: 404 } },
  { route: 'POST /api/v1/trips/{id}/transitions', url: (f) => `/api/v1/trips/${f.publishedA.id}/transitions`, payload: () => ({ action: 'depart', version: STALE }), allowed: writers, status: 409 },
  { route: 'POST /api/v1/trips/{id}/transitions', url: (f) => `/api/v1/trips/${f.publishedA.id}/transitions`, payload: () => ({ action: 'cancel', version: STALE, comment: '取消' }), allowed: writers, status: 409 },
  { route: 'GET /api/v1/trips/{id}/history', url: (f) => `/api/v1/trips/${f.publishedA.id}/history`, allowed: EVERYONE, status: 200, reveals: [{ text: () => SECRET_NOTE, to: [] }, { text: () => 'notes', to: [] }, { text: (f) => f.clerkUserId, to: [] }] },
  { route: 'GET /api/v1/trips/{id}/history', url: (f) => `/api/v1/trips/${f.draftA.id}/history`, allowed: DRAFT_READERS, status: 200, refused: hiddenDraft },
  { route: 'GET /api/v1/trips/{id}/workflow', url: (f) => `/api/v1/trips/${f.draftA.id}/workflow`, allowed: ['clerk', 'secretariat', 'approver', 'auditor', 'admin'], status: 200, refused: { clerkOther: 404 } },
  { route: 'POST /api/v1/trips/{id}/budget-override', url: (f) => `/api/v1/trips/${f.publishedA.id}/budget-override`, payload: () => ({ version: STALE, reason: '測試', amount: 1 }), allowed: ['secretariat', 'admin'], status: 409 },
  { route: 'PUT /api/v1/trips/{id}/report/file', url: (f) => `/api/v1/trips/${f.publishedA.id}/report/file?version=${STALE}`, payload: () => PDF, headers: { 'content-type': 'application/pdf' }, allowed: writers, status: 409 },
  { route: 'GET /api/v1/trips/{id}/report/file', url: (f) => `/api/v1/trips/${f.publishedA.id}/report/file`, allowed: EVERYONE, status: 404 },
  { route: 'GET /api/v1/deadlines', url: () => '/api/v1/deadlines', allowed: STAFF, status: 200 },
  { route: 'GET /api/v1/workflow/settings', url: () => '/api/v1/workflow/settings', allowed: STAFF, status: 200 },
  { route: 'PUT /api/v1/workflow/settings', url: () => '/api/v1/workflow/settings', payload: () => ({ version: STALE, settings: DEFAULT_SETTINGS }), allowed: ['secretariat', 'admin'], status: 409 },
  { route: 'GET /api/v1/budgets', url: () => '/api/v1/budgets', allowed: STAFF, status: 200 },
  { route: 'POST /api/v1/budgets', url: () => '/api/v1/budgets', payload: () => ({ fiscalYear: 108, agency: CLERK_AGENCY, amount: 1 }), allowed: ['secretariat', 'admin'], status: 409 },
  { route: 'GET /api/v1/budgets/series', url: () => '/api/v1/budgets/series', allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/budgets/{id}', url: (f) => `/api/v1/budgets/${f.budgetId}`, allowed: STAFF, status: 200 },
  { route: 'PATCH /api/v1/budgets/{id}', url: (f) => `/api/v1/budgets/${f.budgetId}`, payload: () => ({ version: STALE, amount: 1, reason: '測試' }), allowed: ['secretariat', 'admin'], status: 409 },
  { route: 'GET /api/v1/per-diem/rates', url: () => '/api/v1/per-diem/rates', allowed: STAFF, status: 200 },
  { route: 'GET /api/v1/per-diem/rate-tables', url: () => '/api/v1/per-diem/rate-tables', allowed: STAFF, status: 200 },
  { route: 'PUT /api/v1/per-diem/rates', url: () => '/api/v1/per-diem/rates', payload: () => SAMPLE_RATES, headers: { 'content-type': 'text/csv' }, allowed: ['secretariat', 'admin'], status: 200 },
  { route: 'POST /api/v1/per-diem/check', url: () => '/api/v1/per-diem/check', payload: () => checkBody, allowed: ['clerk', 'clerkOther', 'secretariat', 'approver', 'auditor', 'admin'], status: 200 },
  { route: 'GET /api/v1/audit', url: () => '/api/v1/audit', allowed: ['auditor', 'secretariat', 'admin'], status: 200 },
  { route: 'GET /api/v1/audit/verify', url: () => '/api/v1/audit/verify', allowed: ['auditor', 'secretariat', 'admin'], status: 200 },
  { route: 'GET /api/v1/users', url: () => '/api/v1/users', allowed: ['admin'], status: 200 },
  { route: 'POST /api/v1/users', url: () => '/api/v1/users', payload: () => ({ username: 'clerk', displayName: '重複', password: 'long enough password', roles: ['auditor'] }), allowed: ['admin'], status: 409 },
  { route: 'GET /api/v1/users/{id}', url: (f) => `/api/v1/users/${f.clerkUserId}`, allowed: ['admin'], status: 200 },
  { route: 'PATCH /api/v1/users/{id}', url: (f) => `/api/v1/users/${f.clerkUserId}`, payload: () => ({ version: STALE, displayName: '改名' }), allowed: ['admin'], status: 409 },
  { route: 'POST /api/v1/auth/login', url: () => '/api/v1/auth/login', payload: () => ({ username: 'nobody', password: 'wrong' }), allowed: EVERYONE, status: 401 },
  { route: 'POST /api/v1/auth/logout', url: () => '/api/v1/auth/logout', allowed: STAFF, status: 204 },
  { route: 'GET /api/v1/auth/me', url: () => '/api/v1/auth/me', allowed: STAFF, status: 200 },
  { route: 'GET /api/v1/auth/tokens', url: () => '/api/v1/auth/tokens', allowed: STAFF, status: 200 },
  { route: 'POST /api/v1/auth/tokens', url: () => '/api/v1/auth/tokens', payload: () => ({ name: 'matrix' }), allowed: STAFF, status: 201 },
  { route: 'DELETE /api/v1/auth/tokens/{id}', url: () => '/api/v1/auth/tokens/no-such-token', allowed: STAFF, status: 404 },
  { route: 'GET /api/v1/trips/{id}', label: 'notes', url: (f) => `/api/v1/trips/${f.publishedA.id}`, allowed: EVERYONE, status: 200, reveals: [{ text: () => SECRET_NOTE, to: STAFF }] },

  // Outcomes: reads follow the trips' publication rule (drafts answer 404, lists leave them out).
  { route: 'GET /api/v1/outcomes', url: () => '/api/v1/outcomes', allowed: EVERYONE, status: 200, reveals: [{ text: () => SECRET_NOTE, to: [] }] },
  { route: 'GET /api/v1/outcomes', url: (f) => `/api/v1/outcomes?tripId=${f.draftA.id}`, allowed: EVERYONE, status: 200, reveals: [{ text: (f) => f.draftAOutcomeId, to: DRAFT_READERS }] },
  { route: 'GET /api/v1/outcomes/{id}', url: (f) => `/api/v1/outcomes/${f.publishedAOutcomeId}`, allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/outcomes/{id}', url: (f) => `/api/v1/outcomes/${f.draftAOutcomeId}`, allowed: DRAFT_READERS, status: 200, refused: hiddenDraft },
  { route: 'PATCH /api/v1/outcomes/{id}', url: (f) => `/api/v1/outcomes/${f.publishedAOutcomeId}`, payload: () => ({ version: STALE, status: 'lapsed' }), allowed: writers, refused: { clerkOther: 403 }, status: 409 },
  { route: 'PATCH /api/v1/outcomes/{id}', url: (f) => `/api/v1/outcomes/${f.draftAOutcomeId}`, payload: () => ({ version: STALE, status: 'lapsed' }), allowed: writers, status: 409, refused: { clerkOther: 404 } },
  { route: 'POST /api/v1/trips/{id}/outcome-proposals', label: 'missing trip', url: () => '/api/v1/trips/no-such-trip/outcome-proposals', allowed: OUTCOME_WRITERS, status: 404 },
  { route: 'POST /api/v1/trips/{id}/outcome-proposals', url: (f) => `/api/v1/trips/${f.draftA.id}/outcome-proposals`, allowed: writers, status: 200, refused: { clerkOther: 404 } },
  { route: 'GET /api/v1/outcomes/{id}/follow-ups', url: (f) => `/api/v1/outcomes/${f.publishedAOutcomeId}/follow-ups`, allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/outcomes/{id}/follow-ups', url: (f) => `/api/v1/outcomes/${f.draftAOutcomeId}/follow-ups`, allowed: DRAFT_READERS, status: 200, refused: hiddenDraft },
  { route: 'POST /api/v1/outcomes/{id}/follow-ups', label: 'missing outcome', url: () => '/api/v1/outcomes/no-such-outcome/follow-ups', payload: () => ({ description: '回訪', date: '2019-06' }), allowed: OUTCOME_WRITERS, status: 404 },
  { route: 'POST /api/v1/outcomes/{id}/follow-ups', url: (f) => `/api/v1/outcomes/${f.draftAOutcomeId}/follow-ups`, payload: () => ({ description: '回訪', date: '2019-06' }), allowed: writers, status: 201, refused: { clerkOther: 404 } },
  { route: 'GET /api/v1/follow-ups/{id}', url: (f) => `/api/v1/follow-ups/${f.publishedAFollowUpId}`, allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/follow-ups/{id}', url: (f) => `/api/v1/follow-ups/${f.draftAFollowUpId}`, allowed: DRAFT_READERS, status: 200, refused: hiddenDraft },
  { route: 'PATCH /api/v1/follow-ups/{id}', url: (f) => `/api/v1/follow-ups/${f.publishedAFollowUpId}`, payload: () => ({ version: STALE, status: 'cancelled' }), allowed: writers, refused: { clerkOther: 403 }, status: 409 },
  { route: 'PATCH /api/v1/follow-ups/{id}', url: (f) => `/api/v1/follow-ups/${f.draftAFollowUpId}`, payload: () => ({ version: STALE, status: 'cancelled' }), allowed: writers, status: 409, refused: { clerkOther: 404 } },
  { route: 'DELETE /api/v1/follow-ups/{id}', label: 'missing follow-up', url: () => '/api/v1/follow-ups/no-such-follow-up', allowed: OUTCOME_WRITERS, status: 404 },
  // Only callers who may not delete it, so the draft's follow-up stays for the other cases.
  { route: 'DELETE /api/v1/follow-ups/{id}', url: (f) => `/api/v1/follow-ups/${f.draftAFollowUpId}`, callers: ['anonymous', 'clerkOther', 'approver', 'auditor'], allowed: [], status: 204, refused: { clerkOther: 404 } },
  { route: 'POST /api/v1/follow-ups/{id}/files', url: (f) => `/api/v1/follow-ups/${f.publishedAFollowUpId}/files`, payload: () => EVIDENCE, allowed: writers, refused: { clerkOther: 403 }, status: 201 },
  { route: 'POST /api/v1/follow-ups/{id}/files', url: (f) => `/api/v1/follow-ups/${f.draftAFollowUpId}/files`, payload: () => EVIDENCE, allowed: writers, status: 201, refused: { clerkOther: 404 } },
  { route: 'GET /api/v1/follow-ups/{id}/files/{fileId}', url: (f) => `/api/v1/follow-ups/${f.publishedAFollowUpId}/files/${f.publishedAFileId}`, allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/follow-ups/{id}/files/{fileId}', url: (f) => `/api/v1/follow-ups/${f.draftAFollowUpId}/files/${f.draftAFileId}`, allowed: DRAFT_READERS, status: 200, refused: hiddenDraft },
  { route: 'GET /api/v1/outcome-themes', url: () => '/api/v1/outcome-themes', allowed: EVERYONE, status: 200 },
  { route: 'POST /api/v1/outcome-themes', url: () => '/api/v1/outcome-themes', payload: () => ({ id: 'sister-cities', zh: '重複的主題' }), allowed: ['secretariat', 'admin'], status: 409 },
  { route: 'PATCH /api/v1/outcome-themes/{id}', url: () => '/api/v1/outcome-themes/no-such-theme', payload: () => ({ zh: '改名' }), allowed: ['secretariat', 'admin'], status: 404 },
  { route: 'DELETE /api/v1/outcome-themes/{id}', url: () => '/api/v1/outcome-themes/no-such-theme', allowed: ['secretariat', 'admin'], status: 404 },

  // Partners and agreements: a public registry; writes for clerks and the secretariat.
  { route: 'GET /api/v1/partners', url: () => '/api/v1/partners', allowed: EVERYONE, status: 200 },
  { route: 'POST /api/v1/partners', url: () => '/api/v1/partners', payload: () => ({ kind: 'city', name: '名古屋市', countryCode: 'JP' }), allowed: OUTCOME_WRITERS, status: 409 },
  { route: 'GET /api/v1/partners/{id}', url: (f) => `/api/v1/partners/${f.partnerId}`, allowed: EVERYONE, status: 200 },
  { route: 'PATCH /api/v1/partners/{id}', url: () => '/api/v1/partners/no-such-partner', payload: () => ({ nameEn: 'Nagoya' }), allowed: OUTCOME_WRITERS, status: 404 },
  { route: 'GET /api/v1/partners/{id}/timeline', url: (f) => `/api/v1/partners/${f.partnerId}/timeline`, allowed: EVERYONE, status: 200, reveals: [{ text: (f) => f.draftA.id, to: DRAFT_READERS }, { text: () => DRAFT_TITLE, to: DRAFT_READERS }] },
  { route: 'GET /api/v1/agreements', url: () => '/api/v1/agreements', allowed: EVERYONE, status: 200 },
  { route: 'POST /api/v1/agreements', url: () => '/api/v1/agreements', payload: () => ({ kind: 'mou', title: '不存在的夥伴', signedOn: '2019-05-02', partnerIds: ['no-such-partner'] }), allowed: OUTCOME_WRITERS, status: 400 },
  { route: 'GET /api/v1/agreements/review-due', url: () => '/api/v1/agreements/review-due?today=2024-01-01', allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/agreements/{id}', url: (f) => `/api/v1/agreements/${f.agreementId}`, allowed: EVERYONE, status: 200 },
  { route: 'PATCH /api/v1/agreements/{id}', url: (f) => `/api/v1/agreements/${f.agreementId}`, payload: () => ({ partnerIds: ['no-such-partner'] }), allowed: OUTCOME_WRITERS, status: 400 },
  { route: 'DELETE /api/v1/agreements/{id}', url: () => '/api/v1/agreements/no-such-agreement', allowed: OUTCOME_WRITERS, status: 404 },

  // Analytics: figures over the trips the caller may read; lints for clerks, secretariat, auditors.
  { route: 'GET /api/v1/analytics/trips/{id}', url: (f) => `/api/v1/analytics/trips/${f.publishedA.id}`, allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/analytics/trips/{id}', url: (f) => `/api/v1/analytics/trips/${f.draftA.id}`, allowed: DRAFT_READERS, status: 200, refused: hiddenDraft },
  { route: 'GET /api/v1/analytics/trips', url: () => '/api/v1/analytics/trips', allowed: EVERYONE, status: 200, reveals: [{ text: (f) => f.draftA.id, to: DRAFT_READERS }, { text: () => DRAFT_TITLE, to: DRAFT_READERS }] },
  { route: 'GET /api/v1/analytics/summary', url: () => '/api/v1/analytics/summary', allowed: EVERYONE, status: 200, reveals: [{ text: () => DRAFT_TITLE, to: [] }] },
  { route: 'GET /api/v1/analytics/lints', url: () => '/api/v1/analytics/lints', allowed: ['clerk', 'clerkOther', 'secretariat', 'auditor', 'admin'], status: 200, reveals: [{ text: (f) => f.draftA.id, to: ['clerk', 'secretariat', 'auditor', 'admin'] }] },

  // The public portal, the council report (staff), open data (public: published trips, no notes).
  { route: 'GET /api/v1/portal/overview', url: () => '/api/v1/portal/overview', allowed: EVERYONE, status: 200, reveals: [{ text: () => DRAFT_TITLE, to: [] }, { text: (f) => f.draftA.id, to: [] }, { text: () => SECRET_NOTE, to: [] }] },
  { route: 'POST /api/v1/reports/council', url: () => '/api/v1/reports/council', payload: () => ({ format: 'html', from: '2019-01-01', to: '2019-12-31' }), allowed: ['secretariat', 'auditor', 'admin'], status: 200, reveals: [{ text: () => SECRET_NOTE, to: [] }] },
  { route: 'GET /api/v1/open-data/data-dictionary', url: () => '/api/v1/open-data/data-dictionary', allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/open-data/{dataset}', url: () => '/api/v1/open-data/ledger?format=json', allowed: EVERYONE, status: 200, reveals: [{ text: () => DRAFT_TITLE, to: [] }, { text: (f) => f.draftA.id, to: [] }, { text: () => SECRET_NOTE, to: [] }, { text: (f) => f.publishedA.id, to: EVERYONE }] },
  { route: 'GET /api/v1/open-data/{dataset}', url: () => '/api/v1/open-data/table?format=csv', allowed: EVERYONE, status: 200, reveals: [{ text: () => DRAFT_TITLE, to: [] }, { text: () => SECRET_NOTE, to: [] }] },

  // Attachments: staff upload (a file of a type not allowed: refused, nothing stored); download by id.
  { route: 'POST /api/v1/attachments', url: () => '/api/v1/attachments?name=note.txt', payload: () => Buffer.from('plain text'), headers: { 'content-type': 'application/octet-stream' }, allowed: OUTCOME_WRITERS, status: 415 },
  { route: 'GET /api/v1/attachments/{id}', url: (f) => `/api/v1/attachments/${f.attachmentId}`, allowed: EVERYONE, status: 200 },
  { route: 'GET /api/v1/attachments/{id}', label: 'missing', url: () => `/api/v1/attachments/${NO_ID}`, allowed: EVERYONE, status: 404 },
  { route: 'GET /api/v1/attachments/{id}/meta', url: (f) => `/api/v1/attachments/${f.attachmentId}/meta`, allowed: EVERYONE, status: 200 },

  { route: 'POST /api/v1/imports/parse', url: () => '/api/v1/imports/parse', payload: () => SEED, headers: { 'content-type': 'text/plain' }, allowed: EVERYONE, status: 200 },
  { route: 'POST /api/v1/imports', url: () => '/api/v1/imports', payload: () => SEED, headers: { 'content-type': 'text/plain' }, allowed: ['secretariat', 'admin'], status: 200 },
];

const DEFAULT_SETTINGS = {
  perDiem: { lodgingPercent: 70, mealsPercent: 20, incidentalsPercent: 10, returnDayPercent: 30, planeNightPaysLodging: false, hostMealPercent: { breakfast: 4, lunch: 8, dinner: 8 }, deductHostMealsOnReturnDay: true },
  deadlines: { reportMonthsAfterReturn: 3, expenseClaimDaysAfterReturn: 45, returnNotificationWorkingDays: 7, holidays: [] },
  budget: { varianceExplanationPercent: 10 },
  report: { summaryMinCharacters: 200, summaryMaxCharacters: 300 },
};

describe.each(DATABASE_KINDS)('role matrix on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let fixtures: Fixtures;

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: undefined } });
    staff = await createStaff(store, app);
    const post = async (who: StaffName, url: string, payload: unknown, headers: Record<string, string> = {}) => {
      const res = await app.inject({ method: url.includes('/per-diem/rates') ? 'PUT' : 'POST', url, headers: { ...staff[who].headers, ...headers }, payload: payload as string });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const budget = await post('secretariat', '/api/v1/budgets', { fiscalYear: 108, agency: CLERK_AGENCY, amount: 5_000_000 });
    await post('secretariat', '/api/v1/per-diem/rates', SAMPLE_RATES, { 'content-type': 'text/csv' });
    const draftA = await post('clerk', '/api/v1/trips', buildTripInput({ organisingAgency: CLERK_AGENCY, title: DRAFT_TITLE }));
    let submittedA = await post('clerk', '/api/v1/trips', buildTripInput({ organisingAgency: CLERK_AGENCY }));
    submittedA = (await post('clerk', `/api/v1/trips/${submittedA.id}/transitions`, { action: 'submit', version: submittedA.version })).trip;
    let publishedA = await post('clerk', '/api/v1/trips', buildTripInput({ organisingAgency: CLERK_AGENCY, notes: SECRET_NOTE }));
    publishedA = (await post('clerk', `/api/v1/trips/${publishedA.id}/transitions`, { action: 'submit', version: publishedA.version })).trip;
    publishedA = (await post('approver', `/api/v1/trips/${publishedA.id}/transitions`, { action: 'approve', version: publishedA.version })).trip;
    // Outcomes, follow-ups with evidence on the draft and on the published trip; a partner both
    // trips went to (linked to the draft's outcome too), an agreement, an attachment.
    const draftAOutcomeId = draftA.outcomes[0].id as string;
    const publishedAOutcomeId = publishedA.outcomes[0].id as string;
    const draftAFollowUp = await post('clerk', `/api/v1/outcomes/${draftAOutcomeId}/follow-ups`, { description: '名古屋市回訪', date: '2019-08' });
    const publishedAFollowUp = await post('clerk', `/api/v1/outcomes/${publishedAOutcomeId}/follow-ups`, { description: '名古屋市回訪', date: '2019-08' });
    const draftAFile = await post('clerk', `/api/v1/follow-ups/${draftAFollowUp.id}/files`, EVIDENCE);
    const publishedAFile = await post('clerk', `/api/v1/follow-ups/${publishedAFollowUp.id}/files`, EVIDENCE);
    const partner = await post('clerk', '/api/v1/partners', { kind: 'city', name: '名古屋市', aliases: ['名古屋'], countryCode: 'JP' });
    const draftOutcome = (await app.inject({ url: `/api/v1/outcomes/${draftAOutcomeId}`, headers: staff.clerk.headers })).json();
    const linked = await app.inject({ method: 'PATCH', url: `/api/v1/outcomes/${draftAOutcomeId}`, headers: staff.clerk.headers, payload: { version: draftOutcome.version, counterparties: [partner.id] } });
    if (linked.statusCode !== 200) throw new Error(`link partner: ${linked.statusCode} ${linked.body}`);
    const agreement = await post('clerk', '/api/v1/agreements', { kind: 'friendship-city', title: '觀光友好交流備忘錄', signedOn: '2019-05-02', reviewOn: '2024-05-02', partnerIds: [partner.id], outcomeId: publishedAOutcomeId });
    const attachment = await post('clerk', '/api/v1/attachments?name=出國報告.pdf', PDF, { 'content-type': 'application/pdf' });
    fixtures = {
      draftA,
      submittedA,
      publishedA,
      budgetId: budget.id,
      clerkUserId: staff.clerk.userId,
      draftAOutcomeId,
      publishedAOutcomeId,
      draftAFollowUpId: draftAFollowUp.id,
      publishedAFollowUpId: publishedAFollowUp.id,
      draftAFileId: draftAFile.id,
      publishedAFileId: publishedAFile.id,
      partnerId: partner.id,
      agreementId: agreement.id,
      attachmentId: attachment.id,
    };
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('lists every endpoint of the API in the matrix', async () => {
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set(ROUTES.map((r) => r.route));
    expect(documented.filter((r) => !covered.has(r))).toEqual([]);
    expect(ROUTES.map((r) => r.route).filter((r) => !documented.includes(r))).toEqual([]);
  });

  for (const route of ROUTES) {
    it.each(route.callers ?? EVERYONE)(`${route.route} (${route.label ? `${route.label}, ` : ''}${route.url.toString().includes('draftA') ? 'draft' : route.url.toString().includes('submittedA') ? 'submitted' : 'published'}${route.payload?.toString().match(/action: '([a-z-]+)'/)?.[1] ? ` ${route.payload.toString().match(/action: '([a-z-]+)'/)![1]}` : ''}) as %s`, async (who) => {
      const headers = { ...(route.headers ?? {}), ...(who === 'anonymous' ? {} : staff[who].headers) };
      const payload = route.payload?.(fixtures);
      const res = await app.inject({ method: route.route.split(' ')[0] as 'GET', url: route.url(fixtures), headers, ...(payload !== undefined ? { payload: payload as string } : {}) });
      const expected = route.allowed.includes(who) ? route.status : (route.refused?.[who] ?? (who === 'anonymous' ? 401 : 403));
      expect(res.statusCode, res.body.slice(0, 300)).toBe(expected);
      if (res.statusCode >= 400) expect(res.json().messageZh).toBeTruthy();
      if (res.statusCode < 300) {
        for (const reveal of route.reveals ?? []) {
          const text = reveal.text(fixtures);
          expect(res.body.includes(text), `${who} ${reveal.to.includes(who) ? 'should' : 'must not'} see ${text}`).toBe(reveal.to.includes(who));
        }
      }
    });
  }
});
