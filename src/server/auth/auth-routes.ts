import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditChange } from '#app/server/audit/audit-change.ts';
import { API_TOKEN_PREFIX, secretHash } from '#app/server/auth/authentication.ts';
import { cookieHeader, CSRF_COOKIE, SESSION_COOKIE } from '#app/server/auth/cookies.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '#app/server/auth/password-hash.ts';
import { ANY_ROLE, requireRole } from '#app/server/auth/require-role.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import { apiTokenBody, createdApiToken, loginAnswer, loginBody, meAnswer, newApiTokenBody } from '#app/server/users/user-payloads.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import type { Store } from '#app/store/open-database.ts';
import { ApiTokenRepository } from '#app/store/users/api-token-repository.ts';
import { SessionRepository } from '#app/store/users/session-repository.ts';
import { UserRepository } from '#app/store/users/user-repository.ts';

/** How long a browser session lasts. */
export const SESSION_HOURS = 8;

// Failed sign-ins per username in the current window; enough to stop password guessing through
// one server process (a shared limiter would be needed behind a load balancer).
const FAILURE_LIMIT = 10;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Sign in and out, who am I, and the caller's API tokens. */
export async function authRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const users = new UserRepository(options.store.db);
  const sessions = new SessionRepository(options.store.db);
  const tokens = new ApiTokenRepository(options.store.db);
  const failures = new Map<string, { count: number; since: number }>();
  const signedIn = requireRole(...ANY_ROLE);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in with a password; sets the session and CSRF cookies', body: loginBody, response: { 200: loginAnswer, 400: errorBody, 401: errorBody, 429: errorBody } },
    handler: async (request, reply) => {
      const { username, password } = request.body;
      const now = Date.now();
      const record = failures.get(username);
      if (record && now - record.since < FAILURE_WINDOW_MS && record.count >= FAILURE_LIMIT) {
        throw new HttpError(429, 'too-many-attempts', 'Too many failed sign-ins for this user; try again in 15 minutes', '此帳號登入失敗次數過多，請 15 分鐘後再試');
      }
      const user = await users.findByUsername(username);
      // Verify against a dummy hash for unknown users too, so the answer time does not reveal which usernames exist.
      const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
      if (!user || !valid || user.disabled) {
        const fresh = !record || now - record.since >= FAILURE_WINDOW_MS;
        failures.set(username, { count: fresh ? 1 : record.count + 1, since: fresh ? now : record.since });
        throw new HttpError(401, 'invalid-credentials', 'Wrong username or password, or the account is disabled', '帳號或密碼錯誤，或帳號已停用');
      }
      failures.delete(username);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now + SESSION_HOURS * 3600_000).toISOString();
      await sessions.purgeExpired(new Date(now).toISOString());
      await sessions.create(secretHash(token), { userId: user.id, csrfToken, expiresAt }, new Date(now).toISOString());
      const { passwordHash: _hash, ...shown } = user;
      const maxAgeSeconds = SESSION_HOURS * 3600;
      reply.header('set-cookie', [cookieHeader(SESSION_COOKIE, token, { httpOnly: true, maxAgeSeconds }), cookieHeader(CSRF_COOKIE, csrfToken, { httpOnly: false, maxAgeSeconds })]);
      return { user: shown, csrfToken, expiresAt };
    },
  });

  r.post('/api/v1/auth/logout', {
    preHandler: signedIn,
    schema: { tags: ['auth'], summary: 'End this session and clear its cookies', response: { 204: z.null(), 401: errorBody, 403: errorBody } },
    handler: async (request, reply) => {
      if (request.principal?.sessionTokenHash) await sessions.delete(request.principal.sessionTokenHash);
      reply.header('set-cookie', [cookieHeader(SESSION_COOKIE, '', { httpOnly: true, maxAgeSeconds: 0 }), cookieHeader(CSRF_COOKIE, '', { httpOnly: false, maxAgeSeconds: 0 })]);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/auth/me', {
    preHandler: signedIn,
    schema: { tags: ['auth'], summary: 'Who the caller is', security: [{ bearer: [] }], response: { 200: meAnswer, 401: errorBody } },
    handler: async (request) => {
      const { sessionTokenHash: _s, ...me } = request.principal!;
      return { ...me, roles: [...me.roles] };
    },
  });

  r.get('/api/v1/auth/tokens', {
    preHandler: signedIn,
    schema: { tags: ['auth'], summary: 'The caller’s API tokens', security: [{ bearer: [] }], response: { 200: z.array(apiTokenBody), 401: errorBody } },
    handler: async (request) => (await tokens.listForUser(request.principal!.userId)).map(({ userId: _u, ...t }) => t),
  });

  r.post('/api/v1/auth/tokens', {
    preHandler: signedIn,
    schema: { tags: ['auth'], summary: 'Create an API token for integrations (shown once)', security: [{ bearer: [] }], body: newApiTokenBody, response: { 201: createdApiToken, 400: errorBody, 401: errorBody, 403: errorBody } },
    handler: async (request, reply) => {
      const principal = request.principal!;
      if (principal.via === 'admin-token') {
        throw new HttpError(403, 'no-user', 'The bootstrap admin token is not a user; create a user and sign in as them to make API tokens', '管理權杖不是使用者帳號，請先建立使用者並登入後再建立 API 權杖');
      }
      const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const now = new Date();
      const expiresAt = request.body.expiresInDays === null ? null : new Date(now.getTime() + request.body.expiresInDays * 86_400_000).toISOString();
      const created = await options.store.db.transaction().execute(async (trx) => {
        const stored = await new ApiTokenRepository(trx).create(principal.userId, request.body.name, secretHash(token), now.toISOString(), expiresAt);
        await new AuditLog(trx).append(auditChange(principal, 'api-token', stored.id, 'create', null, { name: stored.name, userId: stored.userId, expiresAt }));
        return stored;
      });
      const { userId: _u, ...shown } = created;
      return reply.code(201).send({ ...shown, token });
    },
  });

  r.delete('/api/v1/auth/tokens/:id', {
    preHandler: signedIn,
    schema: { tags: ['auth'], summary: 'Revoke one of the caller’s API tokens', security: [{ bearer: [] }], params: z.object({ id: z.string().min(1).max(64) }), response: { 204: z.null(), 401: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      const principal = request.principal!;
      await options.store.db.transaction().execute(async (trx) => {
        if (!(await new ApiTokenRepository(trx).revoke(principal.userId, request.params.id, new Date().toISOString()))) {
          throw new HttpError(404, 'token-not-found', `You have no live API token ${request.params.id}`, `找不到您的 API 權杖 ${request.params.id}`);
        }
        await new AuditLog(trx).append(auditChange(principal, 'api-token', request.params.id, 'revoke', null, null));
      });
      return reply.code(204).send(null);
    },
  });
}
