import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '#app/server/auth/require-role.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import type { Store } from '#app/store/open-database.ts';

const entityType = z.enum(['trip', 'budget', 'rate-table', 'user', 'setting', 'api-token']);

const entry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  entityType,
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

/** The audit trail, for auditors (and the secretariat, who answers for the records). */
export async function auditRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const log = new AuditLog(options.store.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readers = requireRole('auditor', 'secretariat');

  r.get('/api/v1/audit', {
    preHandler: readers,
    schema: {
      tags: ['audit'],
      summary: 'Audit entries, oldest first: who changed what, when, before and after, and why',
      security: [{ bearer: [] }],
      querystring: z.object({
        entityType: entityType.optional(),
        entityId: z.string().min(1).max(64).optional(),
        afterSeq: z.coerce.number().int().min(0).optional().describe('Entries after this sequence number'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ items: z.array(entry) }), 400: errorBody, 401: errorBody, 403: errorBody },
    },
    handler: async (request) => ({ items: await log.list(request.query) }),
  });

  r.get('/api/v1/audit/verify', {
    preHandler: readers,
    schema: {
      tags: ['audit'],
      summary: 'Re-compute the hash chain: reports every edited or deleted entry',
      security: [{ bearer: [] }],
      response: {
        200: z.object({ intact: z.boolean(), entries: z.number().int(), head: z.object({ seq: z.number().int(), hash: z.string() }), problems: z.array(z.object({ seq: z.number().int(), kind: z.string(), message: z.string() })) }),
        401: errorBody,
        403: errorBody,
      },
    },
    handler: async () => {
      const result = await log.verify();
      return { intact: result.problems.length === 0, ...result };
    },
  });
}
