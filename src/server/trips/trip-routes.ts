import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyTripPatch, changedFields } from '#app/domain/trips/apply-trip-patch.ts';
import { trip, tripInput, tripPatch, type Trip, type TripInput, type TripPatch } from '#app/domain/trips/trip-schema.ts';
import { DELETABLE_STATES, lockedFields } from '#app/domain/workflow/editable-fields.ts';
import { auditChange } from '#app/server/audit/audit-change.ts';
import { toPublicTrip } from '#app/domain/trips/public-trip.ts';
import { requireRole } from '#app/server/auth/require-role.ts';
import { assertOwnAgency, canSeeTrip, isClerkOnly, tripVisibility } from '#app/server/auth/trip-access.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
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

/** The 409 of a patch touching fields its trip's state keeps fixed. */
function lockedByState(current: Trip, fields: string[]): HttpError {
  const state = current.lifecycleState;
  return new HttpError(
    409,
    'locked-by-state',
    `These fields cannot change while the trip is ${state}: ${fields.map((f) => `body.${f}`).join(', ')}`,
    `出國案目前狀態下不能修改下列欄位：${fields.map((f) => `body.${f}`).join(', ')}`,
    { fields: fields.map((f) => `body.${f}`), current, changedFields: fields },
  );
}

/** Trip records: the public reads published trips; staff read per their role; clerks and the secretariat write. */
export async function tripRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const repo = new TripRepository(options.store.db);
  const write = requireRole('clerk', 'secretariat');
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/trips', {
    config: { publicCache: true },
    schema: { tags: ['trips'], summary: 'List trips', querystring: tripListQuery, response: { 200: tripList, 400: errorBody } },
    handler: async (request) => {
      const { state, ...query } = request.query;
      const page = await repo.list({ ...query, ...(state ? { states: [state] } : {}), visibleTo: tripVisibility(request.principal) });
      // The public reads published trips without staff's internal notes.
      return request.principal ? page : { ...page, items: page.items.map(toPublicTrip) };
    },
  });

  r.get('/api/v1/trips/:id', {
    config: { publicCache: true },
    schema: { tags: ['trips'], summary: 'One trip', params: tripIdParams, response: { 200: trip, 404: errorBody } },
    handler: async (request) => {
      const found = await repo.get(request.params.id);
      // An unpublished trip is as absent to those who may not see it as a trip that never existed.
      if (!found || !canSeeTrip(request.principal, found)) throw notFound(request.params.id);
      return request.principal ? found : toPublicTrip(found);
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
      const principal = request.principal;
      const input = { ...request.body };
      // A clerk's trip belongs to the clerk's agency; leaving it out means their own.
      if (isClerkOnly(principal) && input.organisingAgency === '') input.organisingAgency = principal?.agency ?? '';
      assertOwnAgency(principal, input.organisingAgency);
      const stored = await options.store.db.transaction().execute(async (trx) => {
        const created = await new TripRepository(trx).insert(input, { state: 'draft', createdBy: principal?.userId ?? null });
        await new AuditLog(trx).append(auditChange(principal, 'trip', created.id, 'create', null, created));
        return created;
      });
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
      const principal = request.principal;
      const patch = { ...(request.body as TripPatch) };
      const result = await options.store.db.transaction().execute(async (trx) => {
        const trips = new TripRepository(trx);
        const merge = (current: Parameters<typeof applyTripPatch>[0], p: TripPatch): TripInput => {
          if (!canSeeTrip(principal, current)) throw notFound(current.id);
          assertOwnAgency(principal, current.organisingAgency);
          if (p.organisingAgency !== undefined) assertOwnAgency(principal, p.organisingAgency);
          // The report file is set by uploading it, never through the record.
          const effective = p.report ? { ...p, report: { ...p.report, file: current.report?.file ?? null } } : p;
          const locked = lockedFields(current.lifecycleState, changedFields(applyTripPatch(current, effective), applyTripPatch(current, { version: current.version })));
          if (locked.length) throw lockedByState(current, locked);
          return mergeValidated(current, effective);
        };
        const before = await trips.get(request.params.id);
        // Access first, so a stale version never tells a caller about a trip they may not touch.
        if (!before || !canSeeTrip(principal, before)) throw notFound(request.params.id);
        assertOwnAgency(principal, before.organisingAgency);
        const updated = await trips.update(request.params.id, patch, merge);
        if (updated.kind === 'updated') await new AuditLog(trx).append(auditChange(principal, 'trip', updated.trip.id, 'update', before, updated.trip));
        return updated;
      });
      if (result.kind === 'not-found') throw notFound(request.params.id);
      if (result.kind === 'conflict' && !canSeeTrip(principal, result.current)) throw notFound(request.params.id);
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
      summary: 'Delete a trip that was never approved (draft, returned, rejected or cancelled)',
      security: [{ bearer: [] }],
      params: tripIdParams,
      response: { 204: z.null(), 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
    handler: async (request, reply) => {
      const principal = request.principal;
      await options.store.db.transaction().execute(async (trx) => {
        const trips = new TripRepository(trx);
        const current = await trips.get(request.params.id);
        if (!current || !canSeeTrip(principal, current)) throw notFound(request.params.id);
        assertOwnAgency(principal, current.organisingAgency);
        if (!DELETABLE_STATES.includes(current.lifecycleState)) {
          throw new HttpError(409, 'not-deletable', `A trip that was approved stays on record; cancel it instead (state: ${current.lifecycleState})`, '已核定的出國案須保留紀錄，請改為取消');
        }
        if (!(await trips.delete(current.id))) throw notFound(request.params.id);
        await new AuditLog(trx).append(auditChange(principal, 'trip', current.id, 'delete', current, null));
      });
      return reply.code(204).send(null);
    },
  });
}
