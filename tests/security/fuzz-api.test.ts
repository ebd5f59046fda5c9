import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importDocument } from '#app/import/import-document.ts';
import { buildApp } from '#app/server/app.ts';
import { userTables } from '#app/store/backup/backup-database.ts';
import { createTestStore, type TestStore } from '#tests/support/test-store.ts';
import { recordFuzzCases } from '#tests/security/fuzz-counter.ts';

const TOKEN = 'fuzz-admin-token-0123456789';
const CASES_PER_ENDPOINT = 60;

const hostileString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "' OR 1=1; --",
    "'); DROP TABLE trips; --",
    '<img src=x onerror=alert(1)>',
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '=HYPERLINK("http://x")',
    '\u0000',
    '\uD800\uDC00\uDFFF',
    '2019-02-30',
    '107/4/10',
    '-1',
    '1e308',
  ),
  fc.integer({ min: 1, max: 3 }).map((n) => 'a'.repeat(n * 100_000)),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

function deepNesting(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

async function fingerprint(db: Kysely<unknown>): Promise<string> {
  const parts: string[] = [];
  for (const t of await userTables(db)) {
    const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t.name)}`.execute(db);
    parts.push(`${t.name}:${row.rows[0]?.n}`);
  }
  const versions = await sql<{ v: number | string | null }>`select sum(version) as v from trips`.execute(db);
  parts.push(`versions:${versions.rows[0]?.v}`);
  return parts.join(',');
}

interface Operation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET';
  path: string;
  properties: string[];
  contentTypes: string[];
}

describe('every endpoint under hostile input', () => {
  let store: TestStore;
  let app: FastifyInstance;
  let tripId: string;
  let operations: Operation[];

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    const seed = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');
    tripId = (await importDocument(store, seed, 'seed.txt')).tripIds[0]!;
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase() as Operation['method'],
        path,
        properties: Object.keys(Object.values(op.requestBody?.content ?? {})[0]?.schema?.properties ?? {}),
        contentTypes: Object.keys(op.requestBody?.content ?? {}),
      })),
    );
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('finds the write endpoints in the OpenAPI document', () => {
    const writes = operations.filter((o) => o.method !== 'GET');
    expect(writes.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['POST /api/v1/trips', 'PATCH /api/v1/trips/{id}', 'DELETE /api/v1/trips/{id}']));
  });

  it('answers every write with a status below 500 and changes nothing when it refuses', async () => {
    let cases = 0;
    for (const op of operations.filter((o) => o.method !== 'GET' && o.method !== 'DELETE')) {
      const url = op.path.replace(/\{[^}]+\}/g, () => tripId);
      const shaped = fc.dictionary(fc.constantFrom(...(op.properties.length ? op.properties : ['x'])), hostileValue, { maxKeys: 6 });
      const payloads: fc.Arbitrary<{ body: string; type: string }> = fc.oneof(
        shaped.map((o) => ({ body: JSON.stringify(o), type: 'application/json' })),
        hostileValue.map((v) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' })),
        fc.string({ maxLength: 50 }).map((s) => ({ body: `{"title": ${s}`, type: 'application/json' })),
        fc.integer({ min: 200, max: 5000 }).map((d) => ({ body: deepNesting(d), type: 'application/json' })),
        fc.uint8Array({ maxLength: 200 }).map((b) => ({ body: Buffer.from(b).toString('latin1'), type: op.contentTypes[0] ?? 'text/plain' })),
      );
      for (const payload of fc.sample(payloads, CASES_PER_ENDPOINT)) {
        const before = await fingerprint(store.db as unknown as Kysely<unknown>);
        const res = await app.inject({ method: op.method, url, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': payload.type }, payload: payload.body });
        expect(res.statusCode, `${op.method} ${url} with ${payload.body.slice(0, 200)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(await fingerprint(store.db as unknown as Kysely<unknown>), `${op.method} ${url} refused but changed data`).toBe(before);
        cases += 1;
      }
    }
    recordFuzzCases('api-writes', cases);
    expect(cases).toBeGreaterThanOrEqual(3 * CASES_PER_ENDPOINT);
  }, 300_000);

  it('answers every read with hostile query strings and ids with a status below 500', async () => {
    let cases = 0;
    const reads = operations.filter((o) => o.method === 'GET');
    const query = fc.dictionary(fc.constantFrom('year', 'country', 'person', 'status', 'q', 'sort', 'limit', 'offset', 'from', 'to', 'format', 'x'), hostileString.map((s) => s.slice(0, 3000)), { maxKeys: 5 });
    for (const op of reads) {
      for (const [q, id] of fc.sample(fc.tuple(query, fc.oneof(fc.constant(tripId), hostileString.map((s) => s.slice(0, 200)))), 25)) {
        const url = `${op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(Buffer.from(id, 'utf8').toString('utf8')))}?${new URLSearchParams(q as Record<string, string>).toString()}`;
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, `GET ${url.slice(0, 200)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        cases += 1;
      }
    }
    recordFuzzCases('api-reads', cases);
  }, 300_000);
});
