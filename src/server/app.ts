import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '#app/server/config.ts';
import { attachmentRoutes } from '#app/server/attachments/attachment-routes.ts';
import { adminTokenAuthenticator, apiTokenAuthenticator, registerAuthentication, sessionAuthenticator } from '#app/server/auth/authentication.ts';
import { auditRoutes } from '#app/server/audit/audit-routes.ts';
import { authRoutes } from '#app/server/auth/auth-routes.ts';
import { budgetRoutes } from '#app/server/budgets/budget-routes.ts';
import { perDiemRoutes } from '#app/server/per-diem/per-diem-routes.ts';
import { userRoutes } from '#app/server/users/user-routes.ts';
import { deadlineRoutes } from '#app/server/workflow/deadline-routes.ts';
import { reportFileRoutes } from '#app/server/workflow/report-file-routes.ts';
import { settingsRoutes } from '#app/server/workflow/settings-routes.ts';
import { workflowRoutes } from '#app/server/workflow/workflow-routes.ts';
import { healthRoutes } from '#app/server/health/health-routes.ts';
import { importRoutes } from '#app/server/imports/import-routes.ts';
import { registerErrorHandler } from '#app/server/plugins/error-handler.ts';
import { registerPublicReadCache } from '#app/server/plugins/public-read-cache.ts';
import { registerRateLimits } from '#app/server/plugins/rate-limits.ts';
import { registerSecurityHeaders } from '#app/server/plugins/security-headers.ts';
import { portalRoutes } from '#app/server/portal/portal-routes.ts';
import { reportRoutes } from '#app/server/reports/report-routes.ts';
import { tripRoutes } from '#app/server/trips/trip-routes.ts';
import { tripHistoryRoutes } from '#app/server/trips/trip-history-routes.ts';
import { analyticsRoutes } from '#app/server/analytics/analytics-routes.ts';
import { outcomeRoutes } from '#app/server/outcomes/outcome-routes.ts';
import { partnerRoutes } from '#app/server/partners/partner-routes.ts';
import type { Store } from '#app/store/open-database.ts';

/** What the app needs from outside: the open store, the settings and the logger options. */
export interface AppOptions {
  store: Store;
  /** Settings; the rate limit is off, no proxy is trusted and 32 MB keep public answers unless given. */
  config: Pick<Config, 'ADMIN_TOKEN'> & Partial<Pick<Config, 'RATE_LIMIT_PER_MINUTE' | 'TRUST_PROXY' | 'PUBLIC_CACHE_MB'>>;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; omitted in API-only tests. */
  webRoot?: string;
  /** Folder for attached files (default ./data/attachments). */
  attachmentsDir?: string;
}

/** Default location of the built web app, next to the bundled server. */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('./web/', import.meta.url));
}

/** Builds the Fastify app: API, OpenAPI document and (when built) the web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.config.TRUST_PROXY ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerSecurityHeaders(app);
  await registerRateLimits(app, options.config.RATE_LIMIT_PER_MINUTE ?? 0);
  registerAuthentication(app, [adminTokenAuthenticator(options.config.ADMIN_TOKEN), apiTokenAuthenticator(options.store), sessionAuthenticator(options.store)]);
  registerPublicReadCache(app, { store: options.store, maxBytes: (options.config.PUBLIC_CACHE_MB ?? 32) * 1024 * 1024 });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Mission Ledger API', description: 'Official overseas trips of a city government, from plan to public disclosure. 因公出國案件紀錄與公開。', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  const routeOptions = { store: options.store };
  await app.register(healthRoutes, routeOptions);
  await app.register(tripRoutes, routeOptions);
  await app.register(tripHistoryRoutes, routeOptions);
  await app.register(outcomeRoutes, routeOptions);
  await app.register(partnerRoutes, routeOptions);
  await app.register(analyticsRoutes, routeOptions);
  await app.register(authRoutes, routeOptions);
  await app.register(userRoutes, routeOptions);
  await app.register(workflowRoutes, routeOptions);
  await app.register(reportFileRoutes, routeOptions);
  await app.register(deadlineRoutes, routeOptions);
  await app.register(settingsRoutes, routeOptions);
  await app.register(budgetRoutes, routeOptions);
  await app.register(perDiemRoutes, routeOptions);
  await app.register(auditRoutes, routeOptions);
  await app.register(importRoutes, routeOptions);
  await app.register(portalRoutes, routeOptions);
  await app.register(reportRoutes, routeOptions);
  await app.register(attachmentRoutes, { ...routeOptions, attachmentsDir: options.attachmentsDir ?? './data/attachments' });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot;
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      // Serves the .br/.gz copies the web build writes next to each asset when the client accepts them.
      preCompressed: true,
      // Otherwise @fastify/send writes its own `public, max-age=0` over the header set below.
      cacheControl: false,
      setHeaders(res, path) {
        // Vite puts a content hash in every asset name, so those never change.
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Client-side routes: any other GET that is not under /api answers with the app shell. A
    // catch-all route, because the error handler already owns the one not-found handler.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.code(404).send({ error: 'not-found', message: `No route ${request.method} ${request.url}`, messageZh: '找不到此網址' });
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    });
  }
  return app;
}
