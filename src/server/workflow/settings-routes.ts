import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditChange } from '#app/server/audit/audit-change.ts';
import { ANY_ROLE, requireRole } from '#app/server/auth/require-role.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import { settingsAnswer, settingsBody } from '#app/server/workflow/workflow-payloads.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import type { Store } from '#app/store/open-database.ts';
import { SettingsRepository } from '#app/store/workflow/settings-repository.ts';

/** The workflow rules (per-diem shares, deadlines, variance threshold, summary length) as settings. */
export async function settingsRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const { store } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/workflow/settings', {
    preHandler: requireRole(...ANY_ROLE),
    schema: { tags: ['workflow'], summary: 'The workflow rules in force', security: [{ bearer: [] }], response: { 200: settingsAnswer, 401: errorBody } },
    handler: async () => new SettingsRepository(store.db).get(),
  });

  r.put('/api/v1/workflow/settings', {
    preHandler: requireRole('secretariat', 'admin'),
    schema: { tags: ['workflow'], summary: 'Change the workflow rules (send the version you read; 0 before the first change)', security: [{ bearer: [] }], body: settingsBody, response: { 200: settingsAnswer, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } },
    handler: async (request) => {
      const principal = request.principal!;
      return store.db.transaction().execute(async (trx) => {
        const repo = new SettingsRepository(trx);
        const before = await repo.get();
        if (!(await repo.put(request.body.settings, request.body.version, new Date().toISOString()))) {
          throw new HttpError(409, 'version-conflict', `Someone else changed the settings: the current version is ${before.version}`, `設定已被他人修改，目前版本為 ${before.version}`, { current: before });
        }
        await new AuditLog(trx).append(auditChange(principal, 'setting', 'workflow', 'update', before.settings, request.body.settings));
        return repo.get();
      });
    },
  });
}
