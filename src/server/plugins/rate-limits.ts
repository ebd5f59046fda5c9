import type { FastifyInstance } from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';

/**
 * Limits each client address to `perMinute` requests a minute (answering 429 with Retry-After
 * beyond it). Password guessing is further limited per account by the sign-in lockout
 * (src/server/auth). `perMinute` 0 turns the general limit off.
 */
export async function registerRateLimits(app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: perMinute > 0,
    max: perMinute > 0 ? perMinute : 1_000_000,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'rate-limited',
      message: `Too many requests: at most ${context.max} a minute; try again in ${Math.ceil(context.ttl / 1000)} s`,
      messageZh: `請求過於頻繁：每分鐘最多 ${context.max} 次，請於 ${Math.ceil(context.ttl / 1000)} 秒後再試`,
    }),
  });
}
