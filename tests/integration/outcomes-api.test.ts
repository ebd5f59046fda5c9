import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { OutcomeRecord } from '#app/domain/outcomes/outcome-record-schema.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { importDocument } from '#app/import/import-document.ts';
import { buildApp } from '#app/server/app.ts';
import { CLERK_AGENCY, createStaff, type StaffName } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const SEED_NAME = 'taichung-council-report-2018-05-11.txt';
const seedText = readFileSync(new URL(`../../samples/${SEED_NAME}`, import.meta.url), 'utf8');
const TOKEN = 'outcomes-test-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };

describe.each(DATABASE_KINDS)('outcomes, follow-ups and partners API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let staff: Record<StaffName, { headers: Record<string, string> }>;
  let all: OutcomeRecord[];
  let trips: Trip[];

  const get = async <T>(url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ url, headers });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };
  const tripStarting = (start: string) => trips.find((t) => t.start === start) as Trip;

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
    staff = await createStaff(store, app);
    await importDocument(store, seedText, SEED_NAME);
    // The seed report is the Secretariat's; the test clerk works there, so may write its outcomes
    // (a clerk of another agency may not: the role matrix checks that).
    await store.db.updateTable('trips').set({ organising_agency: CLERK_AGENCY }).execute();
    all = (await get<{ items: OutcomeRecord[]; total: number }>('/api/v1/outcomes?limit=500', admin)).items;
    trips = (await get<{ items: Trip[] }>('/api/v1/trips?limit=100', admin)).items;
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('stores the seed’s 59 outcome items as records with proposed types, themes and follow-ups', async () => {
    expect(all).toHaveLength(59);
    expect(all.every((o) => o.type !== null && o.typeState === 'proposed' && o.status === 'claimed')).toBe(true);
    expect(all.filter((o) => o.themes.length > 0).length).toBeGreaterThan(40);
    const siemens = all.find((o) => o.text.includes('西門子')) as OutcomeRecord;
    expect(siemens.type).toBe('mou-agreement');
    expect(siemens.themes.map((t) => t.id)).toEqual(expect.arrayContaining(['machinery-aerospace', 'city-projects']));
    const again = await importDocument(store, seedText, SEED_NAME);
    expect(again.created).toBe(0);
    expect((await get<{ total: number }>('/api/v1/outcomes?limit=1')).total).toBe(59);
  });

  it('follows Changwon: one partner linking the 104 Seoul outcome and the 107 Changwon trip’s outcomes', async () => {
    const { items } = await get<{ items: { id: string; name: string; countryCode: string | null }[] }>(`/api/v1/partners?kind=city&q=${encodeURIComponent('昌原')}`);
    expect(items).toHaveLength(1);
    const changwon = items[0] as { id: string; countryCode: string | null };
    expect(changwon.countryCode).toBe('KR');
    const seoul = tripStarting('2015-04-06');
    const changwonTrip = tripStarting('2018-04-10');
    const { entries } = await get<{ entries: { kind: string; tripId: string | null; outcomeId: string | null; date: string; text: string }[] }>(`/api/v1/partners/${changwon.id}/timeline`);
    const outcomeEntries = entries.filter((e) => e.kind === 'outcome');
    expect(outcomeEntries.filter((e) => e.tripId === seoul.id).map((e) => e.text)).toEqual([expect.stringContaining('趙慶泰 104 年 5 月回訪')]);
    const changwonOutcomes = all.filter((o) => o.tripId === changwonTrip.id && o.text.includes('昌原'));
    expect(changwonOutcomes).toHaveLength(2);
    expect(outcomeEntries.filter((e) => e.tripId === changwonTrip.id).map((e) => e.outcomeId).sort()).toEqual(changwonOutcomes.map((o) => o.id).sort());
    expect(entries.filter((e) => e.kind === 'trip').map((e) => e.tripId)).toEqual([seoul.id, changwonTrip.id]);
    // The relationship began with the legislator's visits and led to the 107 agreement.
    expect(entries.filter((e) => e.kind === 'follow-up').map((e) => e.date)).toEqual(['2015-05', '2017-06', '2018-04']);
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort());
  });

  it('dates the Toulouse return visit as one follow-up in 106 年 10 月 (2017-10)', async () => {
    const toulouse = all.find((o) => o.text.startsWith('大土魯斯')) as OutcomeRecord;
    const returnVisits = toulouse.followUps.filter((f) => f.date === '2017-10');
    expect(returnVisits).toHaveLength(1);
    expect(returnVisits[0]).toMatchObject({ status: 'done', state: 'proposed', source: 'rules', written: '106 年 10 月' });
    expect(returnVisits[0]?.description).toContain('應邀回訪');
    expect(toulouse.type).toBe('return-visit');
    expect(toulouse.counterparties.map((c) => c.name)).toContain('大土魯斯');
  });

  it('keeps outcome ids and follow-ups through trip updates, and refuses to drop an item that has follow-ups', async () => {
    const trip = tripStarting('2017-06-17');
    const before = (await get<{ items: OutcomeRecord[] }>(`/api/v1/outcomes?tripId=${trip.id}`, admin)).items;
    const current = await get<Trip>(`/api/v1/trips/${trip.id}`, admin);
    const reworded = current.outcomes.map((o, i) => (i === 0 ? { text: `${o.text}（修訂）` } : { text: o.text }));
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${trip.id}`, headers: admin, payload: { version: current.version, outcomes: [...reworded, { text: '新增：107 年 6 月簽署合作備忘錄' }] } });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = (await get<{ items: OutcomeRecord[] }>(`/api/v1/outcomes?tripId=${trip.id}`, admin)).items;
    expect(after.slice(0, before.length).map((o) => o.id)).toEqual(before.map((o) => o.id));
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]?.text).toContain('（修訂）');
    expect(after[1]?.followUps.map((f) => f.id)).toEqual(before[1]?.followUps.map((f) => f.id));

    const latest = patched.json() as Trip;
    const withoutToulouse = latest.outcomes.filter((o) => !o.text.startsWith('大土魯斯'));
    const refused = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${trip.id}`, headers: admin, payload: { version: latest.version, outcomes: withoutToulouse } });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'outcome-in-use', outcomes: [{ id: before[1]?.id, followUps: 2 }] });
    expect(refused.json().messageZh).toContain('追蹤');
    expect((await get<Trip>(`/api/v1/trips/${trip.id}`, admin)).version).toBe(latest.version);
    expect((await get<{ items: OutcomeRecord[] }>(`/api/v1/outcomes?tripId=${trip.id}`, admin)).items).toHaveLength(after.length);

    // Deleting the follow-ups first makes the removal go through.
    for (const f of (after[1] as OutcomeRecord).followUps) expect((await app.inject({ method: 'DELETE', url: `/api/v1/follow-ups/${f.id}`, headers: staff.clerk.headers })).statusCode).toBe(204);
    const removed = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${trip.id}`, headers: admin, payload: { version: latest.version, outcomes: withoutToulouse } });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await app.inject({ url: `/api/v1/outcomes/${before[1]?.id}` })).statusCode).toBe(404);
  });

  it('records follow-ups with evidence, marks an outcome overdue past a due date, and confirms proposals', async () => {
    const outcome = all.find((o) => o.text.includes('美光')) as OutcomeRecord;
    const due = await app.inject({ method: 'POST', url: `/api/v1/outcomes/${outcome.id}/follow-ups`, headers: staff.clerk.headers, payload: { description: '確認擴廠進度', dueOn: '2019-01-31', links: [{ url: 'https://example.gov.tw/news/1' }] } });
    expect(due.statusCode, due.body).toBe(201);
    expect(due.json()).toMatchObject({ status: 'open', state: 'confirmed', overdue: true });
    expect((await get<OutcomeRecord>(`/api/v1/outcomes/${outcome.id}`)).overdue).toBe(true);
    expect((await get<{ items: OutcomeRecord[] }>('/api/v1/outcomes?overdue=true&limit=500')).items.map((o) => o.id)).toContain(outcome.id);

    const pdf = Buffer.from('%PDF-1.4 evidence');
    const file = await app.inject({ method: 'POST', url: `/api/v1/follow-ups/${due.json().id}/files`, headers: staff.secretariat.headers, payload: { name: '會議紀錄.pdf', mediaType: 'application/pdf', contentBase64: pdf.toString('base64') } });
    expect(file.statusCode, file.body).toBe(201);
    const download = await app.inject({ url: `/api/v1/follow-ups/${due.json().id}/files/${file.json().id}` });
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toContain('application/pdf');

    const done = await app.inject({ method: 'PATCH', url: `/api/v1/follow-ups/${due.json().id}`, headers: staff.clerk.headers, payload: { version: 1, status: 'done', date: '2018-12' } });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false, version: 2 });
    const stale = await app.inject({ method: 'PATCH', url: `/api/v1/follow-ups/${due.json().id}`, headers: staff.clerk.headers, payload: { version: 1, status: 'cancelled' } });
    expect(stale.statusCode).toBe(409);

    const confirmed = await app.inject({ method: 'PATCH', url: `/api/v1/outcomes/${outcome.id}`, headers: staff.secretariat.headers, payload: { version: outcome.version, status: 'realised', confirm: ['type', 'themes', 'counterparties'] } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ type: 'investment', typeState: 'confirmed', status: 'realised', version: outcome.version + 1 });
    expect((confirmed.json() as OutcomeRecord).themes.every((t) => t.state === 'confirmed')).toBe(true);
    // Running the rules again keeps what a person confirmed.
    const rerun = await app.inject({ method: 'POST', url: `/api/v1/trips/${outcome.tripId}/outcome-proposals`, headers: staff.clerk.headers });
    expect(rerun.statusCode, rerun.body).toBe(200);
    expect(await get<OutcomeRecord>(`/api/v1/outcomes/${outcome.id}`)).toMatchObject({ type: 'investment', typeState: 'confirmed', status: 'realised' });
    // …and the ids of the proposals it finds again.
    const boise = all.find((o) => o.text.includes('樹城')) as OutcomeRecord;
    expect((await get<OutcomeRecord>(`/api/v1/outcomes/${boise.id}`)).followUps.map((f) => f.id)).toEqual(boise.followUps.map((f) => f.id));
  });

  it('answers bad input with 400 naming the field and changes nothing', async () => {
    const outcome = await get<OutcomeRecord>(`/api/v1/outcomes/${(all.find((o) => o.text.includes('樹城')) as OutcomeRecord).id}`);
    const cases: [string, string, object, string][] = [
      ['PATCH', `/api/v1/outcomes/${outcome.id}`, { version: 1, type: 'alliance' }, 'type'],
      ['PATCH', `/api/v1/outcomes/${outcome.id}`, { version: 1, themes: ['no-such-theme'] }, 'themes'],
      ['PATCH', `/api/v1/outcomes/${outcome.id}`, { type: 'other' }, 'version'],
      ['POST', `/api/v1/outcomes/${outcome.id}/follow-ups`, { description: '沒有日期' }, 'date'],
      ['POST', `/api/v1/outcomes/${outcome.id}/follow-ups`, { description: 'x', date: '2017-13' }, 'date'],
      ['POST', `/api/v1/outcomes/${outcome.id}/follow-ups`, { description: 'x', date: '2017-10', links: [{ url: 'javascript:alert(1)' }] }, 'links'],
      ['POST', '/api/v1/agreements', { kind: 'mou', title: 'x', signedOn: '2018-04-11', reviewOn: '2018-01-01', partnerIds: ['p'] }, 'reviewOn'],
      ['POST', '/api/v1/agreements', { kind: 'mou', title: 'x', signedOn: '2018-04-11', partnerIds: ['no-such-partner'] }, 'partnerIds'],
    ];
    for (const [method, url, payload, field] of cases) {
      const res = await app.inject({ method: method as 'POST', url, headers: staff.secretariat.headers, payload });
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}: ${res.body}`).toBe(400);
      expect(res.json().message).toContain(field);
      expect(res.json().messageZh).toContain('欄位');
    }
    expect(await get<OutcomeRecord>(`/api/v1/outcomes/${outcome.id}`)).toEqual(outcome);
  });

  it('keeps a configurable theme list that only the secretariat and admins edit', async () => {
    const { items } = await get<{ items: { id: string }[] }>('/api/v1/outcome-themes');
    expect(items.map((t) => t.id)).toHaveLength(9);
    const theme = { id: 'smart-city', zh: '智慧城市', en: 'Smart city', keywords: ['智慧城市'] };
    expect((await app.inject({ method: 'POST', url: '/api/v1/outcome-themes', headers: staff.clerk.headers, payload: theme })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/outcome-themes', headers: staff.secretariat.headers, payload: theme })).statusCode).toBe(201);
    const trip = tripStarting('2017-08-09');
    await app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/outcome-proposals`, headers: staff.clerk.headers });
    const tagged = await get<{ items: OutcomeRecord[] }>(`/api/v1/outcomes?theme=smart-city&tripId=${trip.id}`);
    expect(tagged.items.map((o) => o.text)).toEqual([expect.stringContaining('智慧城市典範')]);
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/outcome-themes/smart-city', headers: staff.secretariat.headers })).statusCode).toBe(409);
  });

  it('records agreements and lists those coming up for review', async () => {
    const changwon = (await get<{ items: { id: string }[] }>(`/api/v1/partners?kind=city&q=${encodeURIComponent('昌原')}`)).items[0] as { id: string };
    const outcome = all.find((o) => o.text.startsWith('本市成為臺灣首個與韓國昌原市')) as OutcomeRecord;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/agreements',
      headers: staff.clerk.headers,
      payload: { kind: 'friendship-city', title: '臺中市與昌原市友好城市協議', signedOn: '2018-04-11', reviewOn: '2023-04-11', partnerIds: [changwon.id], outcomeId: outcome.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().parties).toEqual([{ partnerId: changwon.id, name: '昌原市', kind: 'city' }]);
    const due = await get<{ items: { agreementId: string; daysLeft: number }[] }>('/api/v1/agreements/review-due?today=2023-01-01&withinDays=180');
    expect(due.items).toEqual([expect.objectContaining({ agreementId: created.json().id, reason: 'review', dueOn: '2023-04-11', daysLeft: 100 })]);
    expect((await get<{ items: unknown[] }>('/api/v1/agreements/review-due?today=2022-01-01&withinDays=180')).items).toEqual([]);
    const timeline = await get<{ entries: { kind: string; date: string }[] }>(`/api/v1/partners/${changwon.id}/timeline`);
    expect(timeline.entries.filter((e) => e.kind === 'agreement').map((e) => e.date)).toEqual(['2018-04-11']);
  });

  it('applies the role matrix: clerks and secretariat write, auditors and the public read', async () => {
    const outcome = all.find((o) => o.text.includes('珮塔提克瓦')) as OutcomeRecord;
    const write = (headers: Record<string, string>) => app.inject({ method: 'POST', url: `/api/v1/outcomes/${outcome.id}/follow-ups`, headers, payload: { description: '姊妹市互訪', date: '2018-09' } });
    expect((await write({})).statusCode).toBe(401);
    expect((await write(staff.auditor.headers)).statusCode).toBe(403);
    expect((await write(staff.approver.headers)).statusCode).toBe(403);
    expect((await write(staff.clerk.headers)).statusCode).toBe(201);
    expect((await write(staff.secretariat.headers)).statusCode).toBe(201);
    expect((await app.inject({ url: `/api/v1/outcomes/${outcome.id}`, headers: staff.auditor.headers })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/v1/outcomes/${outcome.id}` })).statusCode).toBe(200);
    const partner = await app.inject({ method: 'POST', url: '/api/v1/partners', headers: staff.auditor.headers, payload: { kind: 'organisation', name: '某協會' } });
    expect(partner.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/analytics/lints' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/analytics/lints', headers: staff.auditor.headers })).statusCode).toBe(200);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = await get<{ paths: Record<string, unknown> }>('/api/v1/openapi.json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/outcomes',
        '/api/v1/outcomes/{id}',
        '/api/v1/outcomes/{id}/follow-ups',
        '/api/v1/follow-ups/{id}',
        '/api/v1/outcome-themes',
        '/api/v1/partners',
        '/api/v1/partners/{id}/timeline',
        '/api/v1/agreements/review-due',
        '/api/v1/analytics/summary',
        '/api/v1/analytics/trips/{id}',
        '/api/v1/analytics/lints',
      ]),
    );
  });
});
