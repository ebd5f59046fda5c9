import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { applyTripPatch } from '#app/domain/trips/apply-trip-patch.ts';
import type { TripPatch } from '#app/domain/trips/trip-schema.ts';
import { decodeDocument, DocumentRejectedError, importDocument } from '#app/import/import-document.ts';
import { buildApp } from '#app/server/app.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const NAME = 'taoyuan-2020.txt';
const original = readFileSync(new URL('../fixtures/import/tsv-reordered-page-breaks.txt', import.meta.url), 'utf8');
// The next edition of the same report: one line more at the top (every row moves down) and the
// Singapore trip's cost corrected.
const revised = `修訂版\n${original.replace('NT$ 612,480', 'NT$ 615,000')}`;
const TOKEN = 'merge-test-token-0123456789';

describe.each(DATABASE_KINDS)('importing and re-importing on %s', (kind) => {
  let store: TestStore;
  let repo: TripRepository;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore(kind);
    repo = new TripRepository(store.db);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  const tripByTitle = async (title: string) => {
    const { items } = await repo.list({ q: title, limit: 50, offset: 0 });
    return items.find((t) => t.title === title);
  };

  it('stores every trip of a document once, and adds nothing on a second import', async () => {
    const first = await importDocument(store, original, NAME);
    expect(first).toMatchObject({ format: 'tsv', created: 6, updated: 0, unchanged: 0, conflicts: [], unstorable: [] });
    const again = await importDocument(store, original, NAME);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6, conflicts: [] });
    expect(again.tripIds).toEqual(first.tripIds);
    expect(await repo.count()).toBe(6);
  });

  it('updates a trip the document changed and keeps a value edited by hand, reporting it as a conflict', async () => {
    const singapore = (await tripByTitle('赴新加坡參加世界城市高峰會'))!;
    const korea = (await tripByTitle('赴韓國首爾參加亞洲城市論壇'))!;
    expect(singapore.budget.actual).toBe(612_480);
    // A secretary corrects the Korea trip's headcount and the Singapore trip's title by hand.
    const editKorea: TripPatch = { version: korea.version, headcount: 4 };
    expect((await repo.update(korea.id, editKorea, applyTripPatch)).kind).toBe('updated');
    const editSingapore: TripPatch = { version: singapore.version, title: '赴新加坡參加2020世界城市高峰會' };
    expect((await repo.update(singapore.id, editSingapore, applyTripPatch)).kind).toBe('updated');

    const summary = await importDocument(store, revised, NAME);
    expect(await repo.count()).toBe(6);
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 5 });
    expect(summary.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tripId: korea.id, field: 'headcount', stored: 4, incoming: 3, lastImported: 3 }),
        expect.objectContaining({ tripId: singapore.id, field: 'title', stored: '赴新加坡參加2020世界城市高峰會', incoming: '赴新加坡參加世界城市高峰會' }),
      ]),
    );
    expect(summary.conflicts).toHaveLength(2);
    const after = (await repo.get(singapore.id))!;
    expect(after.title).toBe('赴新加坡參加2020世界城市高峰會');
    expect(after.budget.actual).toBe(615_000);
    expect(after.source?.line).toBe(13);
    expect((await repo.get(korea.id))!.headcount).toBe(4);
  });

  it('reports a trip overlapping a stored trip of the same person', async () => {
    const stored = await repo.insert(buildTripInput({ title: '市長出席姊妹市年會', start: '2019-12-30', end: '2020-01-01', members: [{ name: '鄭大同', title: '市長', agency: '市政府', role: 'leader' }] }));
    const summary = await importDocument(store, original, NAME);
    expect(summary.findings).toContainEqual(
      expect.objectContaining({ line: 6, code: 'overlapping-trips', message: expect.stringContaining(`stored trip ${stored.id}`) }),
    );
    await repo.delete(stored.id);
  });

  it('refuses empty, binary, table-less and 50 MB documents with a clear error and stores nothing', async () => {
    const before = await repo.count();
    expect(() => decodeDocument(new Uint8Array(), 'empty.txt')).toThrow(/empty/);
    expect(() => decodeDocument(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xe2, 0xff]), 'report.pdf')).toThrow(DocumentRejectedError);
    expect(() => decodeDocument(new Uint8Array(50 * 1024 * 1024).fill(0x41), 'huge.txt')).toThrow(/50\.0 MB; the limit is 20 MB/);
    await expect(importDocument(store, '# 報告\n\n本報告無出國案件表。\n| 年度 | 預算 |\n|---|---|\n| 108 | 100 |\n', 'prose.md')).rejects.toThrow(/no trip table/);

    const huge = await app.inject({ method: 'POST', url: '/api/v1/imports/parse', headers: { 'content-type': 'text/plain' }, payload: Buffer.alloc(50 * 1024 * 1024, 0x41) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ messageZh: expect.any(String) });
    const empty = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` }, payload: ' \n ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: 'document-empty', messageZh: '檔案是空的，沒有可匯入的內容' });
    const noTable = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` }, payload: '這是一份沒有表格的文件。' });
    expect(noTable.statusCode).toBe(400);
    expect(noTable.json().error).toBe('document-no-trip-table');
    expect(await repo.count()).toBe(before);
  });

  it('returns the parse JSON for an upload, and the merge summary for an import', async () => {
    const parse = await app.inject({ method: 'POST', url: `/api/v1/imports/parse?name=${NAME}`, headers: { 'content-type': 'text/plain' }, payload: original });
    expect(parse.statusCode).toBe(200);
    expect(parse.json()).toMatchObject({ format: 'tsv', trips: expect.any(Array), findings: expect.any(Array) });
    const imported = await app.inject({ method: 'POST', url: `/api/v1/imports?name=${NAME}`, headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` }, payload: revised });
    expect(imported.statusCode).toBe(200);
    // The overlap test imported the first edition again, so the corrected cost comes in once more.
    expect(imported.json()).toMatchObject({ created: 0, updated: 1, unchanged: 5, conflicts: expect.arrayContaining([expect.objectContaining({ field: 'headcount' })]) });
  });
});
