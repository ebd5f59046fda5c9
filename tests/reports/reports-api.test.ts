import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importDocument } from '#app/import/import-document.ts';
import { buildApp } from '#app/server/app.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { unzipText, xmlProblems, xmlText } from '#tests/reports/package-reader.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const SEED = 'taichung-council-report-2018-05-11.txt';
const seedText = readFileSync(new URL(`../../samples/${SEED}`, import.meta.url), 'utf8');
const TOKEN = 'report-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const HOSTILE = '=HYPERLINK("http://evil.example","<b>點我</b>") & \'引號\' \u0001';

describe.each(DATABASE_KINDS)('reports API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore(kind);
    await importDocument(store, seedText, SEED);
    // A trip whose text tries formula injection, markup and a control character XML cannot carry.
    await new TripRepository(store.db).insert(buildTripInput({ title: HOSTILE, start: '2019-05-01', end: '2019-05-05', outcomes: [{ text: '@SUM(1+1)' }] }), { state: 'approved' }); // published (ADR 0003), so open data shows it
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  const council = (payload: object, headers: Record<string, string> = auth) => app.inject({ method: 'POST', url: '/api/v1/reports/council', headers, payload });

  it('generates the council report for a period, as a download', async () => {
    const res = await council({ format: 'odt', from: '104/1/1', to: '2018-12-31', reportDate: '107/5/11' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.oasis.opendocument.text');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="council-report-2015-01-01-2018-12-31\.odt"$/);
    const text = xmlText(unzipText(res.rawPayload)['content.xml'] ?? '');
    expect(text).toContain('臺中市政府赴南韓首爾參加 2015 年 ICLEI 世界大會及市政考察參訪案');
    expect(text).toContain('中華民國 107 年 5 月 11 日');
    expect(text).not.toContain(HOSTILE.slice(0, 10)); // the 2019 trip is outside the period
  });

  it('takes the secretariat’s own introduction with placeholders, and the agency filter', async () => {
    const res = await council({ format: 'html', introduction: '本報告涵蓋 {{tripCount}} 案，已核銷{{settledTotal}}。', agencies: ['觀光旅遊局'] });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('本報告涵蓋 3 案');
    expect(res.body).toContain('中彰投名古屋包機招商交流案');
    expect(res.body).not.toContain('市長率團赴外蒙古拜會 EAOC 會員國');
  });

  it('escapes user text in DOCX, ODT and HTML and drops characters XML cannot carry', async () => {
    for (const format of ['docx', 'odt', 'html'] as const) {
      const res = await council({ format, from: '2019-01-01', to: '2019-12-31' });
      expect(res.statusCode).toBe(200);
      const xml = format === 'html' ? res.body : (unzipText(res.rawPayload)[format === 'docx' ? 'word/document.xml' : 'content.xml'] ?? '');
      if (format !== 'html') expect(xmlProblems(xml), format).toEqual([]);
      expect(xml).not.toContain('<b>點我</b>');
      expect(xml).not.toContain('\u0001');
      expect(xmlText(xml)).toContain('=HYPERLINK("http://evil.example","<b>點我</b>") & \'引號\'');
    }
  });

  it('neutralises formulas in CSV, XLSX and ODS', async () => {
    const csv = await app.inject({ url: '/api/v1/open-data/ledger?format=csv&from=2019-01-01' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example""`);
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    const xlsx = await app.inject({ url: '/api/v1/open-data/ledger?format=xlsx&from=2019-01-01' });
    const sheet = unzipText(xlsx.rawPayload)['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).not.toContain('<f>');
    // quotePrefix (style 4) keeps it text even when someone edits the cell.
    expect(sheet).toMatch(/<c r="B2" t="inlineStr" s="4"><is><t xml:space="preserve">=HYPERLINK/);
    const ods = await app.inject({ url: '/api/v1/open-data/table?format=ods&from=2019-01-01' });
    const content = unzipText(ods.rawPayload)['content.xml'] ?? '';
    expect(content).not.toContain('table:formula');
    expect(content).toContain('office:value-type="string"><text:p>=HYPERLINK');
  });

  it('serves open data with a BOM on request, and the data dictionary', async () => {
    const bom = await app.inject({ url: '/api/v1/open-data/table?format=csv&bom=true' });
    expect([...bom.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = (await app.inject({ url: '/api/v1/open-data/ledger?format=json' })).json() as { format: string; trips: unknown[] };
    expect(json.format).toBe('mission-ledger/1');
    expect(json.trips).toHaveLength(15);
    const dictionary = (await app.inject({ url: '/api/v1/open-data/data-dictionary' })).json() as { fields: { key: string; type: string; en: string; zh: string }[] };
    const keys = dictionary.fields.map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['purpose', 'start_date', 'end_date', 'destination', 'airfare', 'other_transport', 'lodging', 'meals_incidentals', 'other_expenses', 'total', 'organising_agency', 'travellers', 'countries', 'report_date', 'keywords', 'report_summary']));
    for (const field of dictionary.fields) expect(field.en && field.zh && field.type, field.key).toBeTruthy();
  });

  it('answers bad input with 400 naming the field, in English and Chinese', async () => {
    const cases: [object, string][] = [
      [{ format: 'doc' }, 'body.format'],
      [{ format: 'odt', from: '2018-02-30' }, 'body.from'],
      [{ format: 'odt', from: '2018-05-01', to: '2018-01-01' }, 'body.to'],
      [{ format: 'odt', introduction: '共 {{tripCoutn}} 案' }, 'body.introduction'],
      [{ format: 'odt', budgetSeries: [{ rocYear: 107, amount: -1 }] }, 'body.budgetSeries'],
      [{ format: 'odt', colour: 'red' }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const res = await council(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toContain(field);
      expect(res.json().messageZh).toContain('欄位');
    }
    const badQuery = await app.inject({ url: '/api/v1/open-data/ledger?format=pdf' });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().message).toContain('format');
    expect((await app.inject({ url: '/api/v1/open-data/people' })).statusCode).toBe(400);
    expect(await new TripRepository(store.db).count()).toBe(15);
  });

  it('requires a secretariat or auditor credential for the council report', async () => {
    expect((await council({ format: 'html' }, {})).statusCode).toBe(401);
  });

  it('documents the report and open-data endpoints in OpenAPI', async () => {
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/reports/council', '/api/v1/open-data/{dataset}', '/api/v1/open-data/data-dictionary']));
  });
});
