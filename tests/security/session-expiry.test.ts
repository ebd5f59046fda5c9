import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#app/server/app.ts';
import { createStaff, signIn } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

describe.each(DATABASE_KINDS)('session lifetime on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: 'session-expiry-token-0123456789' } });
    await createStaff(store, app);
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('refuses a session past its expiry, and one that signed out', async () => {
    const first = await signIn(app, 'auditor');
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(200);
    // Age every session past its end, as eight hours of waiting would.
    await sql`update sessions set expires_at = ${new Date(Date.now() - 1000).toISOString()}`.execute(store.db);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);

    const second = await signIn(app, 'auditor');
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: second.cookie } })).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: second.cookie, 'x-csrf-token': second.csrf } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: second.cookie } })).statusCode).toBe(401);
  });
});
