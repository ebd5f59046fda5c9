import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { buildApp } from '#app/server/app.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { CLERK_AGENCY, createStaff, type StaffName } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const SUMMARY = '本次赴日本名古屋市進行城市交流，拜會市政府與觀光局，洽談雙方觀光推廣合作與花卉產業交流事項。'.repeat(6).slice(0, 250);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe.each(DATABASE_KINDS)('trip lifecycle through the API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let staff: Awaited<ReturnType<typeof createStaff>>;

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: undefined } });
    staff = await createStaff(store, app);
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  const as = (who: StaffName) => staff[who].headers;
  async function step(who: StaffName, tripId: string, body: Record<string, unknown>): Promise<Trip> {
    const res = await app.inject({ method: 'POST', url: `/api/v1/trips/${tripId}/transitions`, headers: as(who), payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { trip: Trip }).trip;
  }
  async function figures(budgetId: string) {
    const res = await app.inject({ url: `/api/v1/budgets/${budgetId}`, headers: as('auditor') });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().figures as { allocated: number; committed: number; spent: number; remaining: number };
  }

  it('plans, submits, approves, travels, returns, settles, files the report and closes, with the budget right at each step', async () => {
    const budgetRes = await app.inject({ method: 'POST', url: '/api/v1/budgets', headers: as('secretariat'), payload: { fiscalYear: 108, agency: CLERK_AGENCY, amount: 1_000_000 } });
    expect(budgetRes.statusCode, budgetRes.body).toBe(201);
    const budgetId = budgetRes.json().id as string;

    const plan = buildTripInput({
      organisingAgency: '',
      topics: ['觀光推廣', '花博交流'],
      themes: ['觀光行銷'],
      expectedBenefits: '增加日本旅客來臺',
      days: 5,
      budget: { currency: 'TWD', estimate: 450_000, approved: null, actual: null, status: 'planned', estimateBreakdown: { airfare: 200_000, lodging: 150_000, perDiem: 100_000 }, actualBreakdown: {} },
    });
    const created = await app.inject({ method: 'POST', url: '/api/v1/trips', headers: as('clerk'), payload: plan });
    expect(created.statusCode, created.body).toBe(201);
    let trip = created.json() as Trip;
    expect(trip).toMatchObject({ lifecycleState: 'draft', organisingAgency: CLERK_AGENCY, topics: ['觀光推廣', '花博交流'], days: 5 });
    expect((await app.inject({ url: `/api/v1/trips/${trip.id}` })).statusCode).toBe(404);
    expect(await figures(budgetId)).toEqual({ allocated: 1_000_000, committed: 0, spent: 0, remaining: 1_000_000 });

    trip = await step('clerk', trip.id, { action: 'submit', version: trip.version });
    expect(trip.lifecycleState).toBe('submitted');
    expect(await figures(budgetId)).toEqual({ allocated: 1_000_000, committed: 0, spent: 0, remaining: 1_000_000 });

    trip = await step('approver', trip.id, { action: 'approve', version: trip.version, approvedAmount: 430_000, comment: '同意' });
    expect(trip).toMatchObject({ lifecycleState: 'approved', budget: { approved: 430_000 } });
    expect(await figures(budgetId)).toEqual({ allocated: 1_000_000, committed: 430_000, spent: 0, remaining: 570_000 });
    expect((await app.inject({ url: `/api/v1/trips/${trip.id}` })).statusCode).toBe(200);

    trip = await step('clerk', trip.id, { action: 'depart', version: trip.version });
    trip = await step('clerk', trip.id, { action: 'come-home', version: trip.version });
    expect(trip.lifecycleState).toBe('returned-home');
    expect(await figures(budgetId)).toEqual({ allocated: 1_000_000, committed: 430_000, spent: 0, remaining: 570_000 });

    const unexplained = await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: as('clerk'), payload: { action: 'settle', version: trip.version, actual: 480_000 } });
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.json().message).toContain('body.varianceExplanation');
    expect(unexplained.json().messageZh).toContain('body.varianceExplanation');
    trip = await step('clerk', trip.id, { action: 'settle', version: trip.version, actual: 480_000, actualBreakdown: { airfare: 230_000, lodging: 160_000, perDiem: 90_000 }, varianceExplanation: '機票漲價' });
    expect(trip).toMatchObject({ lifecycleState: 'settled', budget: { actual: 480_000, status: 'settled' }, varianceExplanation: '機票漲價' });
    expect(await figures(budgetId)).toEqual({ allocated: 1_000_000, committed: 0, spent: 480_000, remaining: 520_000 });

    const early = await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: as('clerk'), payload: { action: 'file-report', version: trip.version } });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('report');
    const report = { title: '赴日本名古屋市交流出國報告', date: '2019-07-01', pages: 32, summary: SUMMARY, keywords: ['名古屋', '觀光'], bodiesVisited: ['名古屋市政府'], recommendations: [{ text: '擴大觀光推廣', decision: 'adopted', decidedOn: '2019-08-01' }] };
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${trip.id}`, headers: as('clerk'), payload: { version: trip.version, report } });
    expect(patched.statusCode, patched.body).toBe(200);
    trip = patched.json();
    const shortSummary = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${trip.id}`, headers: as('clerk'), payload: { version: trip.version, title: '改名' } });
    expect(shortSummary.statusCode).toBe(409);
    expect(shortSummary.json().error).toBe('locked-by-state');
    const upload = await app.inject({ method: 'PUT', url: `/api/v1/trips/${trip.id}/report/file?name=${encodeURIComponent('出國報告.pdf')}&version=${trip.version}`, headers: { ...as('clerk'), 'content-type': 'application/pdf' }, payload: PDF });
    expect(upload.statusCode, upload.body).toBe(200);
    trip = upload.json();
    expect(trip.report?.file).toMatchObject({ mediaType: 'application/pdf', bytes: PDF.length });
    trip = await step('clerk', trip.id, { action: 'file-report', version: trip.version });
    expect(trip.lifecycleState).toBe('report-filed');
    const download = await app.inject({ url: `/api/v1/trips/${trip.id}/report/file` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);

    trip = await step('secretariat', trip.id, { action: 'close', version: trip.version });
    expect(trip.lifecycleState).toBe('closed');
    expect(await figures(budgetId)).toEqual({ allocated: 1_000_000, committed: 0, spent: 480_000, remaining: 520_000 });

    const view = (await app.inject({ url: `/api/v1/trips/${trip.id}/workflow`, headers: as('auditor') })).json();
    expect(view.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'approve', 'depart', 'come-home', 'settle', 'file-report', 'close']);
    expect(view.history[1]).toMatchObject({ actorName: '張核定', comment: '同意', from: 'submitted', to: 'approved' });
    expect(view.stillOwed).toEqual([]);
    expect(view.budget.variance).toEqual({ variance: 50_000, percent: 11.63, explanationRequired: true });

    const audit = (await app.inject({ url: `/api/v1/audit?entityType=trip&entityId=${trip.id}`, headers: as('auditor') })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'create', 'transition:submit', 'transition:approve', 'transition:depart', 'transition:come-home', 'transition:settle', 'update', 'report-file', 'transition:file-report', 'transition:close',
    ]);
    expect(audit.items[2]).toMatchObject({ actorName: '張核定', before: { lifecycleState: 'submitted' }, after: { lifecycleState: 'approved' } });
    expect((await app.inject({ url: '/api/v1/audit/verify', headers: as('auditor') })).json()).toMatchObject({ intact: true, problems: [] });
  });

  it('refuses to go over budget, unless the secretariat overrides with a reason', async () => {
    const input = buildTripInput({ organisingAgency: CLERK_AGENCY, start: '2019-09-01', end: '2019-09-03', budget: { currency: 'TWD', estimate: 600_000, approved: null, actual: null, status: 'planned', estimateBreakdown: {}, actualBreakdown: {} } });
    let trip = (await app.inject({ method: 'POST', url: '/api/v1/trips', headers: as('clerk'), payload: input })).json() as Trip;
    const over = await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: as('clerk'), payload: { action: 'submit', version: trip.version } });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ error: 'over-budget', amount: 600_000, remaining: 520_000 });
    expect(over.json().messageZh).toContain('僅餘 520000');
    const clerkOverride = await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: as('clerk'), payload: { action: 'submit', version: trip.version, budgetOverrideReason: '我說可以' } });
    expect(clerkOverride.statusCode).toBe(409);
    const override = await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/budget-override`, headers: as('secretariat'), payload: { version: trip.version, reason: '市長指示之重要交流，追加預算中', amount: 600_000 } });
    expect(override.statusCode, override.body).toBe(200);
    trip = override.json();
    trip = await step('clerk', trip.id, { action: 'submit', version: trip.version });
    const selfApproval = await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: as('clerk'), payload: { action: 'approve', version: trip.version } });
    expect(selfApproval.statusCode).toBe(403);
    trip = await step('approver', trip.id, { action: 'approve', version: trip.version });
    const view = (await app.inject({ url: `/api/v1/trips/${trip.id}/workflow`, headers: as('secretariat') })).json();
    expect(view.history.map((h: { overrideReason: string | null }) => h.overrideReason)).toEqual(['市長指示之重要交流，追加預算中', '市長指示之重要交流，追加預算中']);
    expect(view.budget.figures).toMatchObject({ committed: 600_000, remaining: -80_000 });
  });

  it('does not let an approver approve a trip they travel on, and requires a reason to return or reject', async () => {
    const input = buildTripInput({ organisingAgency: CLERK_AGENCY, start: '2019-10-01', end: '2019-10-02', members: [{ name: '張核定', title: '副市長', agency: '市政府', role: 'leader' }], budget: { currency: 'TWD', estimate: 1_000, approved: null, actual: null, status: 'planned', estimateBreakdown: {}, actualBreakdown: {} } });
    let trip = (await app.inject({ method: 'POST', url: '/api/v1/trips', headers: as('clerk'), payload: input })).json() as Trip;
    trip = await step('secretariat', trip.id, { action: 'submit', version: trip.version, budgetOverrideReason: '預算已用罄，先行送審' });
    const own = await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: as('approver'), payload: { action: 'approve', version: trip.version } });
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toBe('own-trip');
    const noReason = await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: as('approver'), payload: { action: 'return', version: trip.version } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('body.comment');
    trip = await step('approver', trip.id, { action: 'return', version: trip.version, comment: '請補充預期效益' });
    expect(trip.lifecycleState).toBe('returned');
    const skip = await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: as('clerk'), payload: { action: 'close', version: trip.version } });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toBe('transition-not-allowed');
  });

  it('keeps a cross-strait trip from departing without permission and from closing without the return notice', async () => {
    await app.inject({ method: 'POST', url: '/api/v1/budgets', headers: as('secretariat'), payload: { fiscalYear: 113, agency: CLERK_AGENCY, amount: 500_000 } });
    const input = buildTripInput({ organisingAgency: CLERK_AGENCY, start: '2024-05-01', end: '2024-05-10', destinations: [{ country: '中國大陸', countryCode: 'CN', cities: ['上海'] }], budget: { currency: 'TWD', estimate: 100_000, approved: null, actual: null, status: 'planned', estimateBreakdown: {}, actualBreakdown: {} } });
    let trip = (await app.inject({ method: 'POST', url: '/api/v1/trips', headers: as('clerk'), payload: input })).json() as Trip;
    expect(trip.crossStrait).toBe(true);
    trip = await step('clerk', trip.id, { action: 'submit', version: trip.version });
    trip = await step('approver', trip.id, { action: 'approve', version: trip.version });
    const blocked = await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/transitions`, headers: as('clerk'), payload: { action: 'depart', version: trip.version } });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toBe('cross-strait-permission-missing');
    const view = (await app.inject({ url: `/api/v1/trips/${trip.id}/workflow`, headers: as('clerk') })).json();
    expect(view.stillOwed.map((o: { kind: string; dueOn: string }) => [o.kind, o.dueOn])).toEqual([
      ['cross-strait-permission', '2024-04-30'],
      ['return-notification', '2024-05-21'],
      ['expense-claim', '2024-06-24'],
      ['post-trip-report', '2024-08-10'],
    ]);
    const steps = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${trip.id}`, headers: as('clerk'), payload: { version: trip.version, crossStraitSteps: { permissionRequestedOn: '2024-04-01', permissionGrantedOn: '2024-04-20', permissionReference: '陸許字第1號', returnNotifiedOn: null } } });
    expect(steps.statusCode, steps.body).toBe(200);
    trip = await step('clerk', steps.json().id, { action: 'depart', version: steps.json().version });
    expect(trip.lifecycleState).toBe('travelling');
    const overdue = (await app.inject({ url: '/api/v1/deadlines?asOf=2024-07-01', headers: as('secretariat') })).json();
    expect(overdue.items.filter((i: { tripId: string }) => i.tripId === trip.id).map((i: { kind: string; daysOverdue: number }) => [i.kind, i.daysOverdue])).toEqual([
      ['return-notification', 41],
      ['expense-claim', 7],
    ]);
    expect(overdue.byAgency.find((a: { agency: string }) => a.agency === CLERK_AGENCY).overdue).toBeGreaterThanOrEqual(2);
  });
});
