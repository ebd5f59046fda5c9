import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { importDocument } from '#app/import/import-document.ts';
import { buildApp } from '#app/server/app.ts';
import type { TripHistory } from '#app/server/trips/trip-history-payloads.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { CLERK_AGENCY, createStaff, type StaffName } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const TOKEN = 'history-test-token-0123456789';
const SECRET_NOTE = '內部簽辦意見：預算尚待協調';
const SECRET_COMMENT = '核定意見：請撙節住宿費用';
const SAMPLE_RATES = readFileSync(new URL('../../samples/per-diem-rates.sample.csv', import.meta.url), 'utf8');
const SEED_NAME = 'taichung-council-report-2018-05-11.txt';
const SEED = readFileSync(new URL(`../../samples/${SEED_NAME}`, import.meta.url), 'utf8');

describe.each(DATABASE_KINDS)('public history of a trip on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let published: Trip;
  let draft: Trip;

  const send = async (who: StaffName, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: method as 'POST', url, headers: { ...staff[who].headers, ...headers }, payload: payload as string });
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
    staff = await createStaff(store, app);
    await send('secretariat', 'POST', '/api/v1/budgets', { fiscalYear: 108, agency: CLERK_AGENCY, amount: 5_000_000 });
    await send('secretariat', 'PUT', '/api/v1/per-diem/rates', SAMPLE_RATES, { 'content-type': 'text/csv' });

    // A plan written, corrected, submitted and approved; then edited once it is public.
    let trip: Trip = await send('clerk', 'POST', '/api/v1/trips', buildTripInput({ organisingAgency: CLERK_AGENCY, notes: SECRET_NOTE }));
    trip = await send('clerk', 'PATCH', `/api/v1/trips/${trip.id}`, { version: trip.version, purpose: '參加智慧城市論壇', invitingBody: '名古屋市國際交流課' });
    trip = (await send('clerk', 'POST', `/api/v1/trips/${trip.id}/transitions`, { action: 'submit', version: trip.version })).trip;
    trip = (await send('approver', 'POST', `/api/v1/trips/${trip.id}/transitions`, { action: 'approve', version: trip.version, comment: SECRET_COMMENT })).trip;
    trip = await send('clerk', 'PATCH', `/api/v1/trips/${trip.id}`, { version: trip.version, headcount: 7, members: [...trip.members, { name: '黃市府', title: '專員', agency: CLERK_AGENCY, role: 'member' }] });
    // An edit of the internal notes alone is none of the public's business.
    published = await send('secretariat', 'PATCH', `/api/v1/trips/${trip.id}`, { version: trip.version, notes: `${SECRET_NOTE}（補充）` });
    draft = await send('clerk', 'POST', '/api/v1/trips', buildTripInput({ organisingAgency: CLERK_AGENCY, notes: SECRET_NOTE }));
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('shows the creation, each edit with the names of the fields changed, and each state change, oldest first', async () => {
    const res = await app.inject({ url: `/api/v1/trips/${published.id}/history` });
    expect(res.statusCode, res.body).toBe(200);
    const history = res.json() as TripHistory;
    expect(history.tripId).toBe(published.id);
    expect(history.items.map(({ kind, fromState, state, fields }) => ({ kind, fromState, state, fields }))).toEqual([
      { kind: 'created', fromState: null, state: 'draft', fields: [] },
      { kind: 'fields-changed', fromState: null, state: null, fields: ['invitingBody', 'purpose'] },
      { kind: 'state-changed', fromState: 'draft', state: 'submitted', fields: [] },
      // Approval sets the approved amount, so the budget is named too.
      { kind: 'state-changed', fromState: 'submitted', state: 'approved', fields: ['budget'] },
      { kind: 'fields-changed', fromState: null, state: null, fields: ['headcount', 'members'] },
    ]);
    const times = history.items.map((i) => i.at);
    expect(times).toEqual([...times].sort());
    expect(times.every((t) => !Number.isNaN(Date.parse(t)))).toBe(true);
  });

  it('names no member of staff, no comment and no internal note, and no value before or after', async () => {
    const body = (await app.inject({ url: `/api/v1/trips/${published.id}/history` })).body;
    for (const person of Object.values(staff)) {
      expect(body).not.toContain(person.displayName);
      expect(body).not.toContain(person.userId);
    }
    expect(body).not.toContain(SECRET_NOTE);
    expect(body).not.toContain(SECRET_COMMENT);
    expect(body).not.toContain('notes');
    expect(body).not.toContain('黃市府');
    expect(body).not.toContain('名古屋市國際交流課');
    // The audit trail itself keeps all of it, for auditors.
    const audit = (await app.inject({ url: `/api/v1/audit?entityType=trip&entityId=${published.id}`, headers: staff.auditor.headers })).body;
    expect(audit).toContain(staff.approver.displayName);
    expect(audit).toContain(SECRET_COMMENT);
  });

  it('answers 404 for a draft to the public and to a clerk of another agency, and shows it to its own agency', async () => {
    expect((await app.inject({ url: `/api/v1/trips/${draft.id}/history` })).statusCode).toBe(404);
    const other = await app.inject({ url: `/api/v1/trips/${draft.id}/history`, headers: staff.clerkOther.headers });
    expect(other.statusCode).toBe(404);
    expect(other.json().messageZh).toBeTruthy();
    const own = await app.inject({ url: `/api/v1/trips/${draft.id}/history`, headers: staff.clerk.headers });
    expect(own.statusCode).toBe(200);
    expect((own.json() as TripHistory).items.map((i) => i.kind)).toEqual(['created']);
    expect((await app.inject({ url: '/api/v1/trips/no-such-trip/history' })).statusCode).toBe(404);
  });

  it('starts the history of a trip imported from a published report with the import', async () => {
    const { tripIds } = await importDocument(store, SEED, SEED_NAME);
    const res = await app.inject({ url: `/api/v1/trips/${tripIds[0]}/history` });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as TripHistory).items.map((i) => i.kind)).toEqual(['imported']);
  });
});
