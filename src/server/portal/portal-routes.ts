import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ledgerCsvHeader, ledgerCsvRow } from '#app/domain/export/trip-ledger-csv.ts';
import { TripOverviewBuilder } from '#app/domain/portal/trip-overview.ts';
import { exportQuery, portalOverview } from '#app/server/portal/portal-payloads.ts';
import { isPublicTrip, toPublicTrip } from '#app/domain/trips/public-trip.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';

// Everything here is public: only published trips, in their public form.
async function* publicTrips(repo: TripRepository): AsyncGenerator<Trip> {
  for await (const trip of repo.all()) if (isPublicTrip(trip)) yield toPublicTrip(trip);
}

async function* csvLines(repo: TripRepository, bom: boolean): AsyncGenerator<string> {
  yield `${bom ? '\uFEFF' : ''}${ledgerCsvHeader()}`;
  for await (const trip of publicTrips(repo)) yield ledgerCsvRow(trip);
}

async function* jsonChunks(repo: TripRepository): AsyncGenerator<string> {
  yield '{"format":"mission-ledger/1","trips":[';
  let first = true;
  for await (const trip of publicTrips(repo)) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(trip)}`;
    first = false;
  }
  yield '\n]}\n';
}

/** The public portal's read model and the open-data downloads; all public, no login. */
export async function portalRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const repo = new TripRepository(options.store.db);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/portal/overview', {
    schema: { tags: ['portal'], summary: 'The term at a glance: trips, cost, countries, years, latest trips', response: { 200: portalOverview } },
    handler: async () => {
      const builder = new TripOverviewBuilder(5);
      for await (const trip of publicTrips(repo)) builder.add(trip);
      return builder.result();
    },
  });

  r.get('/api/v1/export/trips.csv', {
    schema: {
      tags: ['open data'],
      summary: 'Every trip as CSV (UTF-8, RFC 4180; columns in docs/web.md and on the open-data page)',
      querystring: exportQuery,
      produces: ['text/csv'],
    },
    handler: async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="mission-ledger-trips.csv"')
        .send(Readable.from(csvLines(repo, request.query.bom))),
  });

  r.get('/api/v1/export/trips.json', {
    schema: { tags: ['open data'], summary: 'Every trip as JSON: {"format":"mission-ledger/1","trips":[…]}', produces: ['application/json'] },
    handler: async (_request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="mission-ledger-trips.json"')
        .send(Readable.from(jsonChunks(repo))),
  });
}
