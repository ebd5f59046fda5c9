import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { portalOverview } from '#app/server/portal/portal-payloads.ts';
import type { Store } from '#app/store/open-database.ts';
import { readTripOverview } from '#app/store/portal/trip-overview-reader.ts';

/** The public portal's read model (the open-data downloads are in src/server/reports); public, no login. */
export async function portalRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/portal/overview', {
    config: { publicCache: true },
    schema: { tags: ['portal'], summary: 'The term at a glance: trips, cost, countries, years, latest trips', response: { 200: portalOverview } },
    // Everything here is public: only published trips (as isPublicTrip decides), read in pages
    // with only the columns the overview shows.
    handler: async () => readTripOverview(options.store.db, 5),
  });
}
