import type { FastifyRequest } from 'fastify';
import type { Role } from '#app/server/auth/principal.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';

/** Every role: for routes any signed-in user may call. */
export const ANY_ROLE: Role[] = ['clerk', 'secretariat', 'approver', 'auditor', 'admin'];

/** The 401 (or 403 for a cookie write without its CSRF token) of a request without a principal. */
export function unauthenticated(request: FastifyRequest): HttpError {
  if (request.authProblem === 'csrf') {
    return new HttpError(403, 'csrf-token-invalid', 'Writes from a signed-in browser must send the X-CSRF-Token header with the token from the ml_csrf cookie', '瀏覽器寫入須附 X-CSRF-Token 標頭（內容為 ml_csrf Cookie 的值）');
  }
  return new HttpError(401, 'unauthenticated', 'Sign in or send a valid token (Authorization: Bearer …)', '請先登入或提供有效的權杖');
}

/**
 * preHandler that admits only authenticated principals holding one of `roles`
 * (`admin` is always admitted). Every non-public route declares its roles with this.
 */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    const principal = request.principal;
    if (!principal) throw unauthenticated(request);
    if (principal.roles.includes('admin') || principal.roles.some((r) => roles.includes(r))) return;
    throw new HttpError(403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}`, `此操作需要下列角色之一：${roles.join('、')}`);
  };
}
