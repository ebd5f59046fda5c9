import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyTripPatch, changedFields } from '#app/domain/trips/apply-trip-patch.ts';
import { trip, tripInput, tripPatch, type TripInput, type TripPatch } from '#app/domain/trips/trip-schema.ts';
import { requireRole } from '#app/server/auth/require-role.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { conflictBody, errorBody, tripIdParams, tripList, tripListQuery } from '#app/server/trips/trip-payloads.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';

function notFound(id: string): HttpError {
  return new HttpError(404, 'trip-not-found', `No trip with id ${id}`, `找不到編號 ${id} 的出國案`);
}

/** Merges a patch and re-validates the whole record, so a patch cannot make it invalid (end before start). */
function mergeValidated(current: Parameters<typeof applyTripPatch>[0], patch: TripPatch): TripInput {
  const merged = tripInput.safeParse(applyTripPatch(current, patch));
  if (!merged.success) {
    const issues = merged.error.issues.map((i) => ({ field: `body.${i.path.join('.')}`, message: i.message }));
    throw new HttpError(400, 'validation', `Invalid ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`, `欄位內容有誤：${issues.map((i) => i.field).join(', ')}`, { issues });
  }
  return merged.data;
}

/** Trip records: public reads, writes behind the admin token. */
export async function tripRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const repo = new TripRepository(options.store.db);
  const write = requireRole('clerk', 'secretariat');
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/trips', {
    schema: { tags: ['trips'], summary: 'List trips', querystring: tripListQuery, response: { 200: tripList, 400: errorBody } },
    handler: async (request) => repo.list(request.query),
  });

  r.get('/api/v1/trips/:id', {
    schema: { tags: ['trips'], summary: 'One trip', params: tripIdParams, response: { 200: trip, 404: errorBody } },
    handler: async (request) => {
      const found = await repo.get(request.params.id);
      if (!found) throw notFound(request.params.id);
      return found;
    },
  });

  r.post('/api/v1/trips', {
    preHandler: write,
    schema: {
      tags: ['trips'],
      summary: 'Create a trip',
      security: [{ bearer: [] }],
      body: tripInput,
      response: { 201: trip, 400: errorBody, 401: errorBody, 403: errorBody },
    },
    handler: async (request, reply) => {
      const stored = await repo.insert(request.body);
      return reply.code(201).header('location', `/api/v1/trips/${stored.id}`).send(stored);
    },
  });

  r.patch('/api/v1/trips/:id', {
    preHandler: write,
    schema: {
      tags: ['trips'],
      summary: 'Change a trip (optimistic concurrency: send the version you read)',
      security: [{ bearer: [] }],
      params: tripIdParams,
      body: tripPatch,
      response: { 200: trip, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: conflictBody },
    },
    handler: async (request, reply) => {
      const patch = request.body as TripPatch;
      const result = await repo.update(request.params.id, patch, mergeValidated);
      if (result.kind === 'not-found') throw notFound(request.params.id);
      if (result.kind === 'conflict') {
        const mine = applyTripPatch(result.current, patch);
        return reply.code(409).send({
          error: 'version-conflict',
          message: `Someone else changed this trip: you sent version ${patch.version}, the current version is ${result.current.version}`,
          messageZh: `此出國案已被他人修改：您送出的版本為 ${patch.version}，目前版本為 ${result.current.version}`,
          current: result.current,
          changedFields: changedFields(mine, applyTripPatch(result.current, { version: result.current.version })),
        });
      }
      return result.trip;
    },
  });

  r.delete('/api/v1/trips/:id', {
    preHandler: write,
    schema: {
      tags: ['trips'],
      summary: 'Delete a trip',
      security: [{ bearer: [] }],
      params: tripIdParams,
      response: { 204: z.null(), 401: errorBody, 403: errorBody, 404: errorBody },
    },
    handler: async (request, reply) => {
      if (!(await repo.delete(request.params.id))) throw notFound(request.params.id);
      return reply.code(204).send(null);
    },
  });
}
