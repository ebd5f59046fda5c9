import type { Principal } from '#app/server/auth/principal.ts';
import { assertOwnAgency, isClerkOnly } from '#app/server/auth/trip-access.ts';
import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evidenceFile, evidenceFileUpload, followUp, followUpInput, followUpPatch } from '#app/domain/outcomes/follow-up-schema.ts';
import { outcomePatch, outcomeRecord } from '#app/domain/outcomes/outcome-record-schema.ts';
import { requireRole } from '#app/server/auth/require-role.ts';
import { fileParams, idParams, outcomeList, outcomeListQuery, proposalRun, themeList, themePatch, themePayload } from '#app/server/outcomes/outcome-payloads.ts';
import { tripVisibility } from '#app/server/outcomes/trip-visibility.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import type { Store } from '#app/store/open-database.ts';
import { FollowUpRepository } from '#app/store/outcomes/follow-up-repository.ts';
import { proposeOutcomes } from '#app/store/outcomes/outcome-proposer.ts';
import { OutcomeRepository } from '#app/store/outcomes/outcome-repository.ts';
import { OutcomeThemeRepository } from '#app/store/outcomes/outcome-theme-repository.ts';

const MAX_FILE_BYTES = 512 * 1024;
const notFound = (what: string, id: string) => new HttpError(404, `${what}-not-found`, `No ${what} with id ${id}`, `找不到編號 ${id} 的${what === 'outcome' ? '成效' : what === 'follow-up' ? '追蹤紀錄' : what === 'trip' ? '出國案' : '資料'}`);
const stale = (sent: number, current: number) =>
  new HttpError(409, 'version-conflict', `Someone else changed this record: you sent version ${sent}, the current version is ${current}`, `此資料已被他人修改：您送出的版本為 ${sent}，目前版本為 ${current}`);
const secured = { security: [{ bearer: [] }] };

/** Outcome records, their follow-ups with evidence, the theme list, and the proposal rules. */
export async function outcomeRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const db = options.store.db as unknown as Kysely<unknown>;
  const outcomes = new OutcomeRepository(options.store.db);
  const followUps = new FollowUpRepository(options.store.db);
  const themes = new OutcomeThemeRepository(options.store.db);
  const write = requireRole('clerk', 'secretariat');
  const configure = requireRole('secretariat');
  const r = app.withTypeProvider<ZodTypeProvider>();

  const readableOutcome = async (id: string, principal: Principal | null) => {
    const found = await outcomes.get(id);
    if (!found || !(await tripVisibility(db, principal))(found.tripId)) throw notFound('outcome', id);
    return found;
  };
  // Writes follow the read rule too: an outcome of a trip the caller may not see does not exist for
  // them; and, as for trips (ADR 0003), a clerk changes only their own agency's trips' outcomes.
  const assertVisibleTrip = async (tripId: string | undefined, principal: Principal | null, what: string, id: string) => {
    if (!tripId || !(await tripVisibility(db, principal))(tripId)) throw notFound(what, id);
    if (isClerkOnly(principal)) {
      const trip = await options.store.db.selectFrom('trips').select('organising_agency').where('id', '=', tripId).executeTakeFirst();
      assertOwnAgency(principal, trip?.organising_agency ?? '');
    }
  };

  r.get('/api/v1/outcomes', {
    schema: { tags: ['outcomes'], summary: 'List outcome records (filter by trip, type, status, theme, partner, overdue)', querystring: outcomeListQuery, response: { 200: outcomeList, 400: errorBody } },
    handler: async (request) => outcomes.list(request.query, await tripVisibility(db, request.principal)),
  });

  r.get('/api/v1/outcomes/:id', {
    schema: { tags: ['outcomes'], summary: 'One outcome record with its themes, counterparties and follow-ups', params: idParams, response: { 200: outcomeRecord, 404: errorBody } },
    handler: async (request) => readableOutcome(request.params.id, request.principal),
  });

  r.patch('/api/v1/outcomes/:id', {
    preHandler: write,
    schema: {
      ...secured,
      tags: ['outcomes'],
      summary: 'Classify an outcome: set type, status, agency, themes, counterparties; confirm proposals',
      params: idParams,
      body: outcomePatch,
      response: { 200: outcomeRecord, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
    handler: async (request) => {
      await assertVisibleTrip(await outcomes.tripIdOf(request.params.id), request.principal, 'outcome', request.params.id);
      const result = await outcomes.update(request.params.id, request.body);
      if (result.kind === 'not-found') throw notFound('outcome', request.params.id);
      if (result.kind === 'conflict') throw stale(request.body.version, result.current.version);
      if (result.kind === 'unknown-references') {
        const fields = [...result.themes.map((t) => `body.themes (${t})`), ...result.partners.map((p) => `body.counterparties (${p})`)];
        throw new HttpError(400, 'validation', `Invalid ${fields.join(', ')}: no such theme or partner`, `欄位內容有誤：${fields.join(', ')}（查無此主題或夥伴）`, {
          issues: [...result.themes.map((t) => ({ field: 'body.themes', message: `unknown theme ${t}` })), ...result.partners.map((p) => ({ field: 'body.counterparties', message: `unknown partner ${p}` }))],
        });
      }
      return result.outcome;
    },
  });

  r.post('/api/v1/trips/:id/outcome-proposals', {
    preHandler: write,
    schema: {
      ...secured,
      tags: ['outcomes'],
      summary: 'Run the proposal rules again on a trip’s outcome items (confirmed values are kept)',
      params: idParams,
      response: { 200: proposalRun, 401: errorBody, 403: errorBody, 404: errorBody },
    },
    handler: async (request) => {
      const trip = await options.store.db.selectFrom('trips').select('id').where('id', '=', request.params.id).executeTakeFirst();
      await assertVisibleTrip(trip?.id, request.principal, 'trip', request.params.id);
      if (!trip) throw notFound('trip', request.params.id);
      return options.store.db.transaction().execute((trx) => proposeOutcomes(trx, [trip.id]));
    },
  });

  r.get('/api/v1/outcomes/:id/follow-ups', {
    schema: { tags: ['follow-ups'], summary: 'Follow-ups of an outcome, oldest first', params: idParams, response: { 200: z.object({ items: z.array(followUp) }), 404: errorBody } },
    handler: async (request) => ({ items: (await readableOutcome(request.params.id, request.principal)).followUps }),
  });

  r.post('/api/v1/outcomes/:id/follow-ups', {
    preHandler: write,
    schema: {
      ...secured,
      tags: ['follow-ups'],
      summary: 'Record a follow-up (dated event, or a due one) under an outcome',
      params: idParams,
      body: followUpInput,
      response: { 201: followUp, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
    handler: async (request, reply) => {
      await assertVisibleTrip(await outcomes.tripIdOf(request.params.id), request.principal, 'outcome', request.params.id);
      const created = await followUps.create(request.params.id, request.body);
      return reply.code(201).header('location', `/api/v1/follow-ups/${created.id}`).send(created);
    },
  });

  const readableFollowUp = async (id: string, principal: Principal | null) => {
    const found = await followUps.get(id);
    const tripId = found ? await outcomes.tripIdOf(found.outcomeId) : undefined;
    if (!found || !tripId || !(await tripVisibility(db, principal))(tripId)) throw notFound('follow-up', id);
    return found;
  };
  const writableFollowUp = async (id: string, principal: Principal | null) => {
    const found = await readableFollowUp(id, principal);
    await assertVisibleTrip(await outcomes.tripIdOf(found.outcomeId), principal, 'follow-up', id);
    return found;
  };

  r.get('/api/v1/follow-ups/:id', {
    schema: { tags: ['follow-ups'], summary: 'One follow-up', params: idParams, response: { 200: followUp, 404: errorBody } },
    handler: async (request) => readableFollowUp(request.params.id, request.principal),
  });

  r.patch('/api/v1/follow-ups/:id', {
    preHandler: write,
    schema: {
      ...secured,
      tags: ['follow-ups'],
      summary: 'Change or confirm a follow-up (send the version you read)',
      params: idParams,
      body: followUpPatch,
      response: { 200: followUp, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
    handler: async (request) => {
      await writableFollowUp(request.params.id, request.principal);
      const result = await followUps.update(request.params.id, request.body);
      if (result.kind === 'not-found') throw notFound('follow-up', request.params.id);
      if (result.kind === 'conflict') throw stale(request.body.version, result.current.version);
      return result.followUp;
    },
  });

  r.delete('/api/v1/follow-ups/:id', {
    preHandler: write,
    schema: { ...secured, tags: ['follow-ups'], summary: 'Delete a follow-up and its files', params: idParams, response: { 204: z.null(), 401: errorBody, 403: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      await writableFollowUp(request.params.id, request.principal);
      if (!(await followUps.delete(request.params.id))) throw notFound('follow-up', request.params.id);
      return reply.code(204).send(null);
    },
  });

  r.post('/api/v1/follow-ups/:id/files', {
    preHandler: write,
    schema: {
      ...secured,
      tags: ['follow-ups'],
      summary: 'Attach an evidence file (base64, at most 512 KB)',
      params: idParams,
      body: evidenceFileUpload,
      response: { 201: evidenceFile, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 413: errorBody },
    },
    handler: async (request, reply) => {
      await writableFollowUp(request.params.id, request.principal);
      const bytes = Buffer.from(request.body.contentBase64, 'base64');
      if (bytes.byteLength > MAX_FILE_BYTES) throw new HttpError(413, 'file-too-large', `The file is ${bytes.byteLength} bytes; the limit is ${MAX_FILE_BYTES}`, '檔案過大（上限 512 KB）');
      return reply.code(201).send(await followUps.attach(request.params.id, { name: request.body.name, mediaType: request.body.mediaType, bytes }));
    },
  });

  r.get('/api/v1/follow-ups/:id/files/:fileId', {
    schema: { tags: ['follow-ups'], summary: 'Download an evidence file (404 when there is none)', params: fileParams },
    handler: async (request, reply) => {
      await readableFollowUp(request.params.id, request.principal);
      const file = await followUps.file(request.params.id, request.params.fileId);
      if (!file) throw notFound('file', request.params.fileId);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  });

  r.get('/api/v1/outcome-themes', {
    schema: { tags: ['outcomes'], summary: 'The configurable theme list', response: { 200: themeList } },
    handler: async () => ({ items: (await themes.list()).map((t) => ({ ...t, keywords: [...t.keywords] })) }),
  });

  r.post('/api/v1/outcome-themes', {
    preHandler: configure,
    schema: { ...secured, tags: ['outcomes'], summary: 'Add a theme', body: themePayload, response: { 201: themePayload, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      if (!(await themes.create(request.body))) throw new HttpError(409, 'theme-exists', `A theme with id ${request.body.id} exists`, `主題代碼 ${request.body.id} 已存在`);
      return reply.code(201).send(request.body);
    },
  });

  r.patch('/api/v1/outcome-themes/:id', {
    preHandler: configure,
    schema: { ...secured, tags: ['outcomes'], summary: 'Change a theme’s labels or keywords', params: idParams, body: themePatch, response: { 200: themePayload, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } },
    handler: async (request) => {
      if (!(await themes.update(request.params.id, request.body))) throw notFound('theme', request.params.id);
      const theme = (await themes.get(request.params.id)) as NonNullable<Awaited<ReturnType<typeof themes.get>>>;
      return { ...theme, keywords: [...theme.keywords] };
    },
  });

  r.delete('/api/v1/outcome-themes/:id', {
    preHandler: configure,
    schema: { ...secured, tags: ['outcomes'], summary: 'Delete a theme no outcome carries', params: idParams, response: { 204: z.null(), 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      const used = await themes.usage(request.params.id);
      if (used > 0) throw new HttpError(409, 'theme-in-use', `${used} outcomes carry theme ${request.params.id}; remove it from them first`, `仍有 ${used} 項成效屬於此主題，請先移除`);
      if (!(await themes.delete(request.params.id))) throw notFound('theme', request.params.id);
      return reply.code(204).send(null);
    },
  });
}
