import type { FastifyRequest } from 'fastify';
import type { Role } from '#app/server/auth/principal.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';

/**
 * preHandler that admits only authenticated principals holding one of `roles`
 * (`admin` is always admitted). Every non-public route declares its roles with this.
 */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    const principal = request.principal;
    if (!principal) throw new HttpError(401, 'unauthenticated', 'Sign in or send a valid token (Authorization: Bearer …)', '請先登入或提供有效的權杖');
    if (principal.roles.includes('admin') || principal.roles.some((r) => roles.includes(r))) return;
    throw new HttpError(403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}`, `此操作需要下列角色之一：${roles.join('、')}`);
  };
}
