import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ledgerSummary, tripMatches } from '#app/domain/analytics/ledger-summary.ts';
import { tripCostRatios } from '#app/domain/analytics/trip-cost-ratios.ts';
import { countBy } from '#app/domain/analytics/trip-cost-ratios.ts';
import { lintLedger } from '#app/domain/lints/ledger-lints.ts';
import { ledgerFilterQuery, ledgerSummaryBody, lintList, lintQuery, tripCostRatiosBody, tripRatioList } from '#app/server/analytics/analytics-payloads.ts';
import { requireRole } from '#app/server/auth/require-role.ts';
import { idParams } from '#app/server/outcomes/outcome-payloads.ts';
import { tripVisibility } from '#app/server/outcomes/trip-visibility.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import { loadLedgerSnapshot } from '#app/store/analytics/ledger-snapshot.ts';
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
      const snapshot = await loadLedgerSnapshot(options.store.db, (id) => id === request.params.id && visible(id));
      const trip = snapshot.trips[0];
      if (!trip) throw new HttpError(404, 'trip-not-found', `No trip with id ${request.params.id}`, `找不到編號 ${request.params.id} 的出國案`);
      return tripCostRatios(trip, snapshot.outcomes);
    },
  });

  r.get('/api/v1/analytics/trips', {
    schema: { tags: ['analytics'], summary: 'Per-trip cost ratios of the trips matching the filters', querystring: ledgerFilterQuery, response: { 200: tripRatioList, 400: errorBody } },
    handler: async (request) => {
      const snapshot = await loadLedgerSnapshot(options.store.db, await tripVisibility(db, request.principal));
      return { items: snapshot.trips.filter((t) => tripMatches(t, request.query, snapshot.outcomes)).map((t) => tripCostRatios(t, snapshot.outcomes)) };
    },
  });

  r.get('/api/v1/analytics/summary', {
    schema: { tags: ['analytics'], summary: 'Totals, cost ratios, trips per country, outcomes per type/status/theme, follow-up realisation', querystring: ledgerFilterQuery, response: { 200: ledgerSummaryBody, 400: errorBody } },
    handler: async (request) => {
      const snapshot = await loadLedgerSnapshot(options.store.db, await tripVisibility(db, request.principal));
      return ledgerSummary(snapshot.trips, snapshot.outcomes, snapshot.followUps, request.query, today());
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
