import { USER_ROLES, type UserRole } from '#app/domain/workflow/user-roles.ts';

/** The roles of Mission Ledger's users (see issue 4 and docs/workflow.md). */
export const ROLES = USER_ROLES;
export type Role = UserRole;

/** Who is making a request, once authenticated. */
export interface Principal {
  userId: string;
  displayName: string;
  roles: readonly Role[];
  /** Agency a clerk belongs to; clerks edit only their own agency's trips. */
  agency: string | null;
  /** How the request proved who it is. */
  via: 'admin-token' | 'session' | 'api-token';
  /** SHA-256 of the session cookie, so logout can end this session. */
  sessionTokenHash?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook; null for anonymous (public) requests. */
    principal: Principal | null;
    /** Why credentials that were sent did not authenticate (a cookie write without its CSRF token). */
    authProblem: 'csrf' | null;
  }
}
