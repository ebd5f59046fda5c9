import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { buildApp } from '#app/server/app.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { CLERK_AGENCY, createStaff, type StaffName } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

// Every endpoint against every role, as data. To cover a new endpoint, add an entry to ROUTES;
// the completeness test below fails for any endpoint of the OpenAPI document that is in neither
// ROUTES nor NOT_YET_IN_MATRIX.

type Who = 'anonymous' | StaffName;
const EVERYONE: Who[] = ['anonymous', 'clerk', 'clerkOther', 'secretariat', 'approver', 'auditor', 'admin'];
const STAFF: Who[] = EVERYONE.filter((w) => w !== 'anonymous');

interface Fixtures {
  draftA: Trip;
  submittedA: Trip;
  publishedA: Trip;
  budgetId: string;
  clerkUserId: string;
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
}

const STALE = 999;
const SAMPLE_RATES = readFileSync(new URL('../../samples/per-diem-rates.sample.csv', import.meta.url), 'utf8');
const SEED = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const writers: Who[] = ['clerk', 'secretariat', 'admin'];
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
  { route: 'POST /api/v1/imports/parse', url: () => '/api/v1/imports/parse', payload: () => SEED, headers: { 'content-type': 'text/plain' }, allowed: EVERYONE, status: 200 },
  { route: 'POST /api/v1/imports', url: () => '/api/v1/imports', payload: () => SEED, headers: { 'content-type': 'text/plain' }, allowed: ['secretariat', 'admin'], status: 200 },
];

/** Endpoints other issues own, not yet classified here; move each into ROUTES with its roles. */
const NOT_YET_IN_MATRIX = new Set([
  'GET /api/v1/outcomes', 'GET /api/v1/outcomes/{id}', 'PATCH /api/v1/outcomes/{id}', 'POST /api/v1/trips/{id}/outcome-proposals', 'GET /api/v1/outcomes/{id}/follow-ups',
  'POST /api/v1/outcomes/{id}/follow-ups', 'GET /api/v1/follow-ups/{id}', 'PATCH /api/v1/follow-ups/{id}', 'DELETE /api/v1/follow-ups/{id}', 'POST /api/v1/follow-ups/{id}/files',
  'GET /api/v1/follow-ups/{id}/files/{fileId}', 'GET /api/v1/outcome-themes', 'POST /api/v1/outcome-themes', 'PATCH /api/v1/outcome-themes/{id}', 'DELETE /api/v1/outcome-themes/{id}',
  'GET /api/v1/partners', 'POST /api/v1/partners', 'GET /api/v1/partners/{id}', 'PATCH /api/v1/partners/{id}', 'GET /api/v1/partners/{id}/timeline', 'GET /api/v1/agreements',
  'POST /api/v1/agreements', 'GET /api/v1/agreements/review-due', 'GET /api/v1/agreements/{id}', 'PATCH /api/v1/agreements/{id}', 'DELETE /api/v1/agreements/{id}',
  'GET /api/v1/analytics/trips/{id}', 'GET /api/v1/analytics/trips', 'GET /api/v1/analytics/summary', 'GET /api/v1/analytics/lints', 'GET /api/v1/portal/overview',
  'POST /api/v1/reports/council', 'GET /api/v1/open-data/data-dictionary', 'GET /api/v1/open-data/{dataset}',
  'POST /api/v1/attachments', 'GET /api/v1/attachments/{id}', 'GET /api/v1/attachments/{id}/meta',
]);

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
    const draftA = await post('clerk', '/api/v1/trips', buildTripInput({ organisingAgency: CLERK_AGENCY }));
    let submittedA = await post('clerk', '/api/v1/trips', buildTripInput({ organisingAgency: CLERK_AGENCY }));
    submittedA = (await post('clerk', `/api/v1/trips/${submittedA.id}/transitions`, { action: 'submit', version: submittedA.version })).trip;
    let publishedA = await post('clerk', '/api/v1/trips', buildTripInput({ organisingAgency: CLERK_AGENCY }));
    publishedA = (await post('clerk', `/api/v1/trips/${publishedA.id}/transitions`, { action: 'submit', version: publishedA.version })).trip;
    publishedA = (await post('approver', `/api/v1/trips/${publishedA.id}/transitions`, { action: 'approve', version: publishedA.version })).trip;
    fixtures = { draftA, submittedA, publishedA, budgetId: budget.id, clerkUserId: staff.clerk.userId };
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('lists every endpoint of the API in the matrix (or, for now, among those other issues own)', async () => {
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set(ROUTES.map((r) => r.route));
    expect(documented.filter((r) => !covered.has(r) && !NOT_YET_IN_MATRIX.has(r))).toEqual([]);
    expect(ROUTES.map((r) => r.route).filter((r) => !documented.includes(r))).toEqual([]);
  });

  for (const route of ROUTES) {
    it.each(EVERYONE)(`${route.route} (${route.url.toString().includes('draftA') ? 'draft' : route.url.toString().includes('submittedA') ? 'submitted' : 'published'}${route.payload?.toString().match(/action: '([a-z-]+)'/)?.[1] ? ` ${route.payload.toString().match(/action: '([a-z-]+)'/)![1]}` : ''}) as %s`, async (who) => {
      const headers = { ...(route.headers ?? {}), ...(who === 'anonymous' ? {} : staff[who].headers) };
      const payload = route.payload?.(fixtures);
      const res = await app.inject({ method: route.route.split(' ')[0] as 'GET', url: route.url(fixtures), headers, ...(payload !== undefined ? { payload: payload as string } : {}) });
      const expected = route.allowed.includes(who) ? route.status : (route.refused?.[who] ?? (who === 'anonymous' ? 401 : 403));
      expect(res.statusCode, res.body.slice(0, 300)).toBe(expected);
      if (res.statusCode >= 400) expect(res.json().messageZh).toBeTruthy();
    });
  }
});
