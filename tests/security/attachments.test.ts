import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#app/server/app.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const TOKEN = 'attachment-test-token-012345';
const auth = { authorization: `Bearer ${TOKEN}` };
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe.each(DATABASE_KINDS)('attachments on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ml-attach-'));
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN }, attachmentsDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a PDF under a generated name with its checksum, and serves it with safe headers', async () => {
    const up = await app.inject({ method: 'POST', url: `/api/v1/attachments?name=${encodeURIComponent('../../出國報告.pdf')}`, headers: { ...auth, 'content-type': 'application/octet-stream' }, payload: pdf });
    expect(up.statusCode, up.body).toBe(201);
    const meta = up.json();
    expect(meta).toMatchObject({ kind: 'pdf', mediaType: 'application/pdf', size: pdf.length, fileName: '出國報告.pdf' });
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = readdirSync(dir, { recursive: true }).map(String);
    expect(stored.some((f) => f.includes('出國報告') || f.includes('..'))).toBe(false);
    const down = await app.inject({ url: `/api/v1/attachments/${meta.id}` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('出國報告.pdf')}`);
    expect(down.headers['content-security-policy']).toContain('sandbox');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
  });

  it('judges the type by content: HTML named .pdf is refused, and nothing is written', async () => {
    const before = readdirSync(dir, { recursive: true }).length;
    const res = await app.inject({ method: 'POST', url: '/api/v1/attachments?name=report.pdf', headers: { ...auth, 'content-type': 'application/pdf' }, payload: Buffer.from('<html><script>alert(1)</script></html>') });
    expect(res.statusCode).toBe(415);
    expect(res.json().messageZh).toBeTruthy();
    expect(readdirSync(dir, { recursive: true }).length).toBe(before);
  });

  it('refuses empty and oversized files and anonymous uploads', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/v1/attachments?name=a.pdf', headers: { ...auth, 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(0) })).statusCode).toBe(400);
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024)]);
    expect((await app.inject({ method: 'POST', url: '/api/v1/attachments?name=a.pdf', headers: { ...auth, 'content-type': 'application/octet-stream' }, payload: huge })).statusCode).toBe(413);
    expect((await app.inject({ method: 'POST', url: '/api/v1/attachments?name=a.pdf', headers: { 'content-type': 'application/octet-stream' }, payload: pdf })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/attachments/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/attachments/..%2F..%2Fetc%2Fpasswd' })).statusCode).toBe(400);
  });
});
