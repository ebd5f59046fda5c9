import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importDocument } from '#app/import/import-document.ts';
import { buildApp } from '#app/server/app.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, type TestStore } from '#tests/support/test-store.ts';

const TOKEN = 'exposure-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const SECRET_TITLE = '尚未核定的機密出國計畫';
const SECRET_NOTE = '內部簽辦意見：預算尚待協調';

// Every public way out of the system, with what an anonymous visitor receives.
const PUBLIC_READS = ['/api/v1/trips?limit=100', '/api/v1/trips/:published/history', '/api/v1/outcomes?limit=500', '/api/v1/analytics/trips', '/api/v1/portal/overview', '/api/v1/open-data/ledger?format=csv', '/api/v1/open-data/ledger?format=json', '/api/v1/open-data/table?format=csv'];

describe('what the public can see', () => {
  let store: TestStore;
  let app: FastifyInstance;
  let draftId: string;
  let publishedId: string;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    const seed = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');
    publishedId = (await importDocument(store, seed, 'seed.txt')).tripIds[0]!;
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN }, attachmentsDir: join(tmpdir(), `ml-exposure-${process.pid}`) });
    const draft = await app.inject({ method: 'POST', url: '/api/v1/trips', headers: auth, payload: buildTripInput({ title: SECRET_TITLE, notes: SECRET_NOTE, outcomes: [{ text: `${SECRET_TITLE}的預期成果` }] }) });
    expect(draft.statusCode, draft.body).toBe(201);
    draftId = draft.json().id;
    const current = (await app.inject({ url: `/api/v1/trips/${publishedId}`, headers: auth })).json();
    const noted = await app.inject({ method: 'PATCH', url: `/api/v1/trips/${publishedId}`, headers: auth, payload: { version: current.version, notes: SECRET_NOTE } });
    expect(noted.statusCode, noted.body).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it.each(PUBLIC_READS)('%s shows neither drafts nor internal notes', async (url) => {
    const res = await app.inject({ url: url.replace(':published', publishedId) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.body).not.toContain(SECRET_TITLE);
    expect(res.body).not.toContain(SECRET_NOTE);
  });

  it('keeps drafts out of the council report, and staff notes and uploaders out of public partner and file records', async () => {
    const report = await app.inject({ method: 'POST', url: '/api/v1/reports/council', headers: auth, payload: { format: 'html' } });
    expect(report.statusCode, report.body.slice(0, 300)).toBe(200);
    expect(report.body).not.toContain(SECRET_TITLE);
    const partner = await app.inject({ method: 'POST', url: '/api/v1/partners', headers: auth, payload: { kind: 'city', name: '測試夥伴市', countryCode: 'JP', notes: SECRET_NOTE } });
    expect(partner.statusCode, partner.body).toBe(201);
    expect((await app.inject({ url: `/api/v1/partners/${partner.json().id}` })).json().notes).toBe('');
    expect((await app.inject({ url: '/api/v1/partners?limit=100' })).body).not.toContain(SECRET_NOTE);
    expect((await app.inject({ url: `/api/v1/partners/${partner.json().id}`, headers: auth })).json().notes).toBe(SECRET_NOTE);
    const file = await app.inject({ method: 'POST', url: '/api/v1/attachments?name=report.pdf', headers: { ...auth, 'content-type': 'application/octet-stream' }, payload: Buffer.from('%PDF-1.4\n%%EOF\n') });
    expect(file.statusCode, file.body).toBe(201);
    expect((await app.inject({ url: `/api/v1/attachments/${file.json().id}/meta` })).json().createdBy).toBeNull();
  });

  it('answers 404 for a draft and hides the notes of a published trip', async () => {
    expect((await app.inject({ url: `/api/v1/trips/${draftId}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/outcomes?tripId=${draftId}` })).json().items).toEqual([]);
    expect((await app.inject({ url: `/api/v1/trips/${draftId}/history` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/outcomes?tripId=${draftId}`, headers: auth })).json().items).toHaveLength(1);
    const published = await app.inject({ url: `/api/v1/trips/${publishedId}` });
    expect(published.statusCode).toBe(200);
    expect(published.json().notes).toBe('');
    // Staff still see both.
    expect((await app.inject({ url: `/api/v1/trips/${draftId}`, headers: auth })).json().notes).toBe(SECRET_NOTE);
    expect((await app.inject({ url: `/api/v1/trips/${publishedId}`, headers: auth })).json().notes).toBe(SECRET_NOTE);
  });
});
