import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { importDocument } from '#app/import/import-document.ts';
import { seedSampleBudgetSeries } from '#app/import/sample-budget-series.ts';
import { SAMPLE_REPORT_NAME, sampleReportPath } from '#app/import/sample-report.ts';
import { buildApp, defaultWebRoot } from '#app/server/app.ts';
import type { Config } from '#app/server/config.ts';
import { openStore, type Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';

/**
 * Loads the bundled sample report into an empty database, so a first start shows real trips, and
 * with them the city-wide budget years its closing states (100年 and 107年), marked as taken from it.
 */
export async function seedIfEmpty(store: Store, log: { info(msg: string): void }): Promise<number> {
  const trips = new TripRepository(store.db);
  if ((await trips.count()) > 0) return 0;
  try {
    const text = readFileSync(sampleReportPath(), 'utf8');
    const summary = await importDocument(store, text, SAMPLE_REPORT_NAME);
    const budgets = await seedSampleBudgetSeries(store, text, SAMPLE_REPORT_NAME);
    log.info(`empty database: loaded ${summary.created} trips and ${budgets.length} city-wide budget years from the sample report ${SAMPLE_REPORT_NAME}`);
    return summary.created;
  } catch (error) {
    // Another process seeding the same database won the race: its trips are there, ours rolled back.
    if ((await trips.count()) > 0) {
      log.info('the sample report was loaded by another process');
      return 0;
    }
    throw error;
  }
}

/** Opens the store, seeds it when empty, and listens; closes both on SIGINT/SIGTERM. */
export async function startServer(config: Config): Promise<{ app: FastifyInstance; store: Store; url: string }> {
  const store = await openStore(config.DATABASE_URL);
  const app = await buildApp({
    store,
    config,
    webRoot: defaultWebRoot(),
    attachmentsDir: config.ATTACHMENTS_DIR,
    logger: { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
  });
  if (config.SEED_ON_EMPTY) await seedIfEmpty(store, app.log);
  const url = await app.listen({ port: config.PORT, host: config.HOST });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return { app, store, url };
}
