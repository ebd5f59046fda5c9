import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from '#app/server/auth/cookies.ts';
import type { Principal } from '#app/server/auth/principal.ts';
import type { Store } from '#app/store/open-database.ts';
import { ApiTokenRepository } from '#app/store/users/api-token-repository.ts';
import { SessionRepository } from '#app/store/users/session-repository.ts';
import { UserRepository, type User } from '#app/store/users/user-repository.ts';

/** Resolves the principal of a request from its credentials, or null when it has none. */
export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

/** Prefix of API tokens, so they are recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'mlt_';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** SHA-256 (hex) of a secret: sessions and API tokens are stored only this way. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function bearer(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1]?.trim();
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function principalOf(user: User, via: Principal['via']): Principal {
  return { userId: user.id, displayName: user.displayName, roles: user.roles, agency: user.agency, via };
}

/** The bootstrap credential: `Authorization: Bearer <ADMIN_TOKEN>` acts as an admin. */
export function adminTokenAuthenticator(adminToken: string | undefined): Authenticator {
  const expected = adminToken ? Buffer.from(adminToken) : undefined;
  return async (request) => {
    if (!expected) return null;
    const token = bearer(request);
    const given = token ? Buffer.from(token) : undefined;
    // Constant-time comparison so the token cannot be found one character at a time.
    if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId: 'admin-token', displayName: 'Administrator (token)', roles: ['admin'], agency: null, via: 'admin-token' };
  };
}

/** `Authorization: Bearer mlt_…`: an API token of an enabled user. */
export function apiTokenAuthenticator(store: Store): Authenticator {
  const tokens = new ApiTokenRepository(store.db);
  const users = new UserRepository(store.db);
  return async (request) => {
    const token = bearer(request);
    if (!token?.startsWith(API_TOKEN_PREFIX)) return null;
    const userId = await tokens.findUserId(secretHash(token), new Date().toISOString());
    const user = userId ? await users.get(userId) : undefined;
    return user && !user.disabled ? principalOf(user, 'api-token') : null;
  };
}

/**
 * The session cookie of a signed-in browser. A write (POST, PATCH, PUT, DELETE) must repeat the
 * session's CSRF token in X-CSRF-Token; without it the cookie does not authenticate the write,
 * so another site cannot make the browser act for its user.
 */
export function sessionAuthenticator(store: Store): Authenticator {
  const sessions = new SessionRepository(store.db);
  const users = new UserRepository(store.db);
  return async (request) => {
    const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!cookie) return null;
    const tokenHash = secretHash(cookie);
    const session = await sessions.find(tokenHash, new Date().toISOString());
    if (!session) return null;
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameSecret(header, session.csrfToken)) {
        request.authProblem = 'csrf';
        return null;
      }
    }
    const user = await users.get(session.userId);
    return user && !user.disabled ? { ...principalOf(user, 'session'), sessionTokenHash: tokenHash } : null;
  };
}

/** Decorates every request with `principal`, asking each authenticator in turn. */
export function registerAuthentication(app: FastifyInstance, authenticators: readonly Authenticator[]): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('authProblem', null);
  app.addHook('onRequest', async (request) => {
    for (const authenticate of authenticators) {
      const principal = await authenticate(request);
      if (principal) {
        request.principal = principal;
        return;
      }
    }
  });
}
