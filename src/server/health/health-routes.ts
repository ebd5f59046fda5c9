import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '#app/store/open-database.ts';

/** GET /healthz: the process is up and the database answers. */
export async function healthRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/healthz', {
    schema: {
      tags: ['health'],
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }), 503: z.object({ status: z.literal('unavailable'), database: z.string() }) },
    },
    handler: async (_request, reply) => {
      try {
        await sql`select 1`.execute(options.store.db);
        return { status: 'ok' as const, database: options.store.adapter.kind };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: options.store.adapter.kind });
      }
    },
  });
}
