import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TripOverviewBuilder } from '#app/domain/portal/trip-overview.ts';
import { portalOverview } from '#app/server/portal/portal-payloads.ts';
import { isPublicTrip, toPublicTrip } from '#app/domain/trips/public-trip.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';

// Everything here is public: only published trips, in their public form.
async function* publicTrips(repo: TripRepository): AsyncGenerator<Trip> {
  for await (const trip of repo.all()) if (isPublicTrip(trip)) yield toPublicTrip(trip);
}

/** The public portal's read model (the open-data downloads are in src/server/reports); public, no login. */
export async function portalRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const repo = new TripRepository(options.store.db);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/portal/overview', {
    config: { publicCache: true },
    schema: { tags: ['portal'], summary: 'The term at a glance: trips, cost, countries, years, latest trips', response: { 200: portalOverview } },
    handler: async () => {
      const builder = new TripOverviewBuilder(5);
      for await (const trip of publicTrips(repo)) builder.add(trip);
      return builder.result();
    },
  });
}
