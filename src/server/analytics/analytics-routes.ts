import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tripCostRatios } from '#app/domain/analytics/trip-cost-ratios.ts';
import { countBy } from '#app/domain/analytics/trip-cost-ratios.ts';
import { lintLedger } from '#app/domain/lints/ledger-lints.ts';
import { ledgerFilterQuery, ledgerSummaryBody, lintList, lintQuery, tripCostRatiosBody, tripRatioList, tripRatioQuery } from '#app/server/analytics/analytics-payloads.ts';
import { requireRole } from '#app/server/auth/require-role.ts';
import { idParams } from '#app/server/outcomes/outcome-payloads.ts';
import { tripVisibility, tripVisibilityRule } from '#app/server/outcomes/trip-visibility.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import { loadLedgerSnapshot, loadTripOutcomeFacts } from '#app/store/analytics/ledger-snapshot.ts';
import { readLedgerSummary } from '#app/store/analytics/ledger-summary-reader.ts';
import { readTripCostRatios } from '#app/store/analytics/trip-cost-ratio-reader.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import type { Store } from '#app/store/open-database.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** What each trip achieved for its cost, cross-trip figures, and data-quality lints. */
export async function analyticsRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const db = options.store.db as unknown as Kysely<unknown>;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/analytics/trips/:id', {
    schema: { tags: ['analytics'], summary: 'Cost, cost per member and per person-day, outcomes by type and status of one trip', params: idParams, response: { 200: tripCostRatiosBody, 404: errorBody } },
    handler: async (request) => {
      const visible = await tripVisibility(db, request.principal);
      const trip = visible(request.params.id) ? await new TripRepository(options.store.db).get(request.params.id) : undefined;
      if (!trip) throw new HttpError(404, 'trip-not-found', `No trip with id ${request.params.id}`, `找不到編號 ${request.params.id} 的出國案`);
      return tripCostRatios(trip, await loadTripOutcomeFacts(options.store.db, trip.id));
    },
  });

  r.get('/api/v1/analytics/trips', {
    // Anonymous pages are kept per ledger revision like the summary's: a repeated page is not walked again.
    config: { publicCache: true },
    schema: {
      tags: ['analytics'],
      summary: 'Per-trip cost ratios of the trips matching the filters, a page at a time (by start date, then id), and how many match',
      querystring: tripRatioQuery,
      response: { 200: tripRatioList, 400: errorBody },
    },
    handler: async (request) => {
      // Streamed page by page like the summary: memory stays flat, and only the requested window is kept.
      const { limit, offset, ...filter } = request.query;
      return readTripCostRatios(options.store.db, filter, { limit, offset }, tripVisibilityRule(request.principal));
    },
  });

  r.get('/api/v1/analytics/summary', {
    config: { publicCache: true },
    schema: { tags: ['analytics'], summary: 'Totals, cost ratios, trips per country, outcomes per type/status/theme, follow-up realisation', querystring: ledgerFilterQuery, response: { 200: ledgerSummaryBody, 400: errorBody } },
    handler: async (request) => {
      // Streamed page by page: memory stays flat however large the ledger (equal to ledgerSummary over the snapshot).
      return readLedgerSummary(options.store.db, request.query, today(), tripVisibilityRule(request.principal));
    },
  });

  r.get('/api/v1/analytics/lints', {
    preHandler: requireRole('clerk', 'secretariat', 'auditor'),
    schema: {
      security: [{ bearer: [] }],
      tags: ['analytics'],
      summary: 'Data-quality lints over the whole ledger',
      querystring: lintQuery,
      response: { 200: lintList, 400: errorBody, 401: errorBody, 403: errorBody },
    },
    handler: async (request) => {
      // A clerk's lints cover only the trips the clerk may read (not other agencies' drafts).
      const snapshot = await loadLedgerSnapshot(options.store.db, await tripVisibility(db, request.principal));
      const items = lintLedger(snapshot.trips, snapshot.outcomes, { asOf: request.query.asOf ?? today(), settlementGraceDays: request.query.settlementGraceDays, followUpGraceDays: request.query.followUpGraceDays });
      return { items, counts: countBy(items, (l) => l.code) };
    },
  });
}
