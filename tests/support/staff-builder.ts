import type { FastifyInstance } from 'fastify';
import type { Role } from '#app/server/auth/principal.ts';
import { createUser } from '#app/server/users/user-accounts.ts';
import type { Store } from '#app/store/open-database.ts';

/** The people of the workflow tests: one user per role, plus a clerk of another agency. */
export type StaffName = 'clerk' | 'clerkOther' | 'secretariat' | 'approver' | 'auditor' | 'admin';

/** Agency of `clerk`; `clerkOther` belongs to OTHER_AGENCY. */
export const CLERK_AGENCY = '觀光旅遊局';
export const OTHER_AGENCY = '經濟發展局';
export const STAFF_PASSWORD = 'long enough password 123';

const PEOPLE: Record<StaffName, { displayName: string; roles: Role[]; agency: string | null }> = {
  clerk: { displayName: '陳承辦', roles: ['clerk'], agency: CLERK_AGENCY },
  clerkOther: { displayName: '林承辦', roles: ['clerk'], agency: OTHER_AGENCY },
  secretariat: { displayName: '王秘書', roles: ['secretariat'], agency: null },
  approver: { displayName: '張核定', roles: ['approver'], agency: null },
  auditor: { displayName: '李稽核', roles: ['auditor'], agency: null },
  admin: { displayName: '系統管理員', roles: ['admin'], agency: null },
};

/** Signs in with a password; returns the cookie header and CSRF token of the session. */
export async function signIn(app: FastifyInstance, username: string, password = STAFF_PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

/**
 * Creates one user per role and gives each an API token obtained through a real sign-in
 * (session cookie + CSRF token), so every test request goes through the production authenticators.
 */
export async function createStaff(store: Store, app: FastifyInstance): Promise<Record<StaffName, { userId: string; displayName: string; headers: Record<string, string> }>> {
  const out = {} as Record<StaffName, { userId: string; displayName: string; headers: Record<string, string> }>;
  for (const [username, person] of Object.entries(PEOPLE) as [StaffName, (typeof PEOPLE)[StaffName]][]) {
    const user = await createUser(store, { username, password: STAFF_PASSWORD, ...person }, null);
    const session = await signIn(app, username);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { name: 'tests' } });
    if (res.statusCode !== 201) throw new Error(`token for ${username} failed: ${res.statusCode} ${res.body}`);
    out[username] = { userId: user.id, displayName: person.displayName, headers: { authorization: `Bearer ${(res.json() as { token: string }).token}` } };
  }
  return out;
}
