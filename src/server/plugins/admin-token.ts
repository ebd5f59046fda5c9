import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '#app/server/plugins/error-handler.ts';

/** A preHandler that lets a request through only with `Authorization: Bearer <ADMIN_TOKEN>`. */
export function requireAdminToken(adminToken: string | undefined) {
  const expected = adminToken ? Buffer.from(adminToken) : undefined;
  return async (request: FastifyRequest): Promise<void> => {
    if (!expected) {
      throw new HttpError(403, 'writes-disabled', 'Writes are disabled: set ADMIN_TOKEN to enable them', '尚未設定 ADMIN_TOKEN，無法寫入資料');
    }
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    const given = match ? Buffer.from(match[1] ?? '') : undefined;
    // Compare in constant time so the token cannot be found one character at a time.
    if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpError(401, 'unauthorized', 'A valid admin token is required (Authorization: Bearer …)', '需要有效的管理權杖');
    }
  };
}
