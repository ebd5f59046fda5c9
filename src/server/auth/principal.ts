/** The roles of Mission Ledger's users (see issue 4 and docs/architecture.md). */
export const ROLES = ['clerk', 'secretariat', 'approver', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is making a request, once authenticated. */
export interface Principal {
  userId: string;
  displayName: string;
  roles: readonly Role[];
  /** Agency a clerk belongs to; clerks edit only their own agency's trips. */
  agency: string | null;
  /** How the request proved who it is. */
  via: 'admin-token' | 'session' | 'api-token';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook; null for anonymous (public) requests. */
    principal: Principal | null;
  }
}
