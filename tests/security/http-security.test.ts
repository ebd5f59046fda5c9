import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#app/server/app.ts';
import { createTestStore, type TestStore } from '#tests/support/test-store.ts';

describe('HTTP security', () => {
  let store: TestStore;
  let app: FastifyInstance;
  let limited: FastifyInstance;
  let proxied: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    app = await buildApp({ store, config: { ADMIN_TOKEN: 'security-test-token-0123' } });
    limited = await buildApp({ store, config: { ADMIN_TOKEN: undefined, RATE_LIMIT_PER_MINUTE: 5 } });
    proxied = await buildApp({ store, config: { ADMIN_TOKEN: undefined, TRUST_PROXY: true } });
  });
  afterAll(async () => {
    await Promise.all([app.close(), limited.close(), proxied.close()]);
    await store.cleanup();
  });

  it('sends a content security policy and the framing, sniffing and referrer headers', async () => {
    const res = await app.inject({ url: '/api/v1/trips' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('sends HSTS only over TLS (here: behind a trusted proxy that says https)', async () => {
    expect((await app.inject({ url: '/healthz' })).headers['strict-transport-security']).toBeUndefined();
    expect((await proxied.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'http' } })).headers['strict-transport-security']).toBeUndefined();
    const tls = await proxied.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    // An untrusting server ignores the header: a client cannot claim TLS by itself.
    expect((await app.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
  });

  it('limits requests per client and says when to retry, in both languages', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await limited.inject({ url: '/api/v1/trips', remoteAddress: '203.0.113.7' })).statusCode);
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const blocked = await limited.inject({ url: '/api/v1/trips', remoteAddress: '203.0.113.7' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(blocked.json().messageZh).toContain('請求過於頻繁');
    // Another client is not affected.
    expect((await limited.inject({ url: '/api/v1/trips', remoteAddress: '203.0.113.8' })).statusCode).toBe(200);
  });

  it('hides the details of server errors', async () => {
    const broken = await createTestStore('sqlite');
    const brokenApp = await buildApp({ store: broken, config: { ADMIN_TOKEN: undefined } });
    await broken.close();
    const res = await brokenApp.inject({ url: '/api/v1/trips' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal', message: 'Internal server error', messageZh: '伺服器發生錯誤' });
    expect(res.body).not.toMatch(/sqlite|database|stack|at /i);
    await brokenApp.close();
    await broken.cleanup().catch(() => {});
  });
});
