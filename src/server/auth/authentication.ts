import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '#app/server/auth/principal.ts';

/** Resolves the principal of a request from its credentials, or null when it has none. */
export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

/** The bootstrap credential: `Authorization: Bearer <ADMIN_TOKEN>` acts as an admin. */
export function adminTokenAuthenticator(adminToken: string | undefined): Authenticator {
  const expected = adminToken ? Buffer.from(adminToken) : undefined;
  return async (request) => {
    if (!expected) return null;
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    const given = match ? Buffer.from(match[1] ?? '') : undefined;
    // Constant-time comparison so the token cannot be found one character at a time.
    if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId: 'admin-token', displayName: 'Administrator (token)', roles: ['admin'], agency: null, via: 'admin-token' };
  };
}

/** Decorates every request with `principal`, asking each authenticator in turn. */
export function registerAuthentication(app: FastifyInstance, authenticators: readonly Authenticator[]): void {
  app.decorateRequest('principal', null);
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
