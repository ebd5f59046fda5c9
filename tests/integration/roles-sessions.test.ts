import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#app/server/app.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { CLERK_AGENCY, createStaff, signIn, STAFF_PASSWORD } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const ADMIN_TOKEN = 'sessions-admin-token-0123456789';

describe.each(DATABASE_KINDS)('sign-in, sessions, CSRF and API tokens on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN } });
    await createStaff(store, app);
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('sets secure HTTP-only session cookies and stores no password or cookie in clear', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk', password: STAFF_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies.find((c) => c.startsWith('ml_session='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('ml_session='))).toMatch(/Secure; SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('ml_csrf='))).not.toMatch(/HttpOnly/);
    const users = await store.db.selectFrom('users').select('password_hash').execute();
    expect(users.every((u) => u.password_hash.startsWith('scrypt$') && !u.password_hash.includes(STAFF_PASSWORD))).toBe(true);
    const cookieValue = cookies.find((c) => c.startsWith('ml_session='))!.split(';')[0]!.split('=')[1]!;
    expect(await store.db.selectFrom('sessions').selectAll().where('token_hash', '=', decodeURIComponent(cookieValue)).execute()).toEqual([]);
  });

  it('refuses wrong passwords with one message and locks out guessing', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'auditor', password: 'not the password' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'not the password' } });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().message).toBe(unknown.json().message);
    for (let i = 0; i < 10; i++) await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'guessed', password: `guess ${i}` } });
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'guessed', password: 'guess 11' } })).statusCode).toBe(429);
  });

  it('lets a session read, but write only with the CSRF token; logout ends it', async () => {
    const { cookie, csrf } = await signIn(app, 'clerk');
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json()).toMatchObject({ roles: ['clerk'], agency: CLERK_AGENCY, via: 'session' });
    const forged = await app.inject({ method: 'POST', url: '/api/v1/trips', headers: { cookie }, payload: buildTripInput() });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error).toBe('csrf-token-invalid');
    const wrongToken = await app.inject({ method: 'POST', url: '/api/v1/trips', headers: { cookie, 'x-csrf-token': 'x'.repeat(43) }, payload: buildTripInput() });
    expect(wrongToken.statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/trips', headers: { cookie, 'x-csrf-token': csrf }, payload: buildTripInput({ organisingAgency: '' }) });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().organisingAgency).toBe(CLERK_AGENCY);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('issues API tokens that can be revoked, and ends sessions and tokens of a disabled user', async () => {
    const { cookie, csrf } = await signIn(app, 'approver');
    const created = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: 'integration' } });
    const { id, token } = created.json() as { id: string; token: string };
    expect(token).toMatch(/^mlt_/);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).json().via).toBe('api-token');
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);

    const second = (await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: 'second' } })).json().token as string;
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const approver = ((await app.inject({ url: '/api/v1/users', headers: admin })).json() as { id: string; username: string; version: number }[]).find((u) => u.username === 'approver')!;
    const disabled = await app.inject({ method: 'PATCH', url: `/api/v1/users/${approver.id}`, headers: admin, payload: { version: approver.version, disabled: true } });
    expect(disabled.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${second}` } })).statusCode).toBe(401);
  });

  it('creates users through the API with checked input', async () => {
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const short = await app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'newbie', displayName: '新人', password: 'short', roles: ['clerk'], agency: '文化局' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('body.password');
    expect(short.json().messageZh).toContain('body.password');
    const noAgency = await app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'newbie', displayName: '新人', password: 'long enough password', roles: ['clerk'] } });
    expect(noAgency.statusCode).toBe(400);
    expect(noAgency.json().message).toContain('body.agency');
    const badRole = await app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'newbie', displayName: '新人', password: 'long enough password', roles: ['mayor'] } });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().message).toContain('body.roles');
  });
});
