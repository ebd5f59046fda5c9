import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agreementsComingUpForReview } from '#app/domain/partners/agreements-for-review.ts';
import { agreement, agreementInput, agreementPatch, partnerFields } from '#app/domain/partners/partner-schema.ts';
import { requireRole } from '#app/server/auth/require-role.ts';
import { idParams } from '#app/server/outcomes/outcome-payloads.ts';
import { tripVisibility } from '#app/server/outcomes/trip-visibility.ts';
import { agreementList, agreementListQuery, partnerList, partnerListQuery, partnerPatch, partnerRecord, partnerTimeline, reviewList, reviewQuery } from '#app/server/partners/partner-payloads.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import type { Store } from '#app/store/open-database.ts';
import { AgreementRepository, type AgreementWrite } from '#app/store/partners/agreement-repository.ts';
import { PartnerRepository, type StoredPartner } from '#app/store/partners/partner-repository.ts';

const secured = { security: [{ bearer: [] }] };
const notFound = (what: 'partner' | 'agreement', id: string) =>
  new HttpError(404, `${what}-not-found`, `No ${what} with id ${id}`, `找不到編號 ${id} 的${what === 'partner' ? '合作夥伴' : '協議'}`);
const duplicate = (existing: StoredPartner) =>
  new HttpError(409, 'partner-exists', `A ${existing.kind} named ${existing.name} is already registered (${existing.id})`, `已有同名的合作夥伴「${existing.name}」`, { existingId: existing.id });

function unknownReferences(result: Extract<AgreementWrite, { kind: 'unknown-references' }>): HttpError {
  const issues = [...result.partners.map((p) => ({ field: 'body.partnerIds', message: `unknown partner ${p}` })), ...(result.outcome ? [{ field: 'body.outcomeId', message: `unknown outcome ${result.outcome}` }] : [])];
  return new HttpError(400, 'validation', `Invalid ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, `欄位內容有誤：${[...new Set(issues.map((i) => i.field))].join(', ')}`, { issues });
}

/** The partner registry with timelines, and agreements with their review dates. */
/** Staff's notes on partners and agreements are internal; the public gets the record without them. */
function withoutNotes<T extends { notes: string }>(record: T): T {
  return { ...record, notes: '' };
}

export async function partnerRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const db = options.store.db as unknown as Kysely<unknown>;
  const partners = new PartnerRepository(options.store.db);
  const agreements = new AgreementRepository(options.store.db);
  const write = requireRole('clerk', 'secretariat');
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/partners', {
    schema: { tags: ['partners'], summary: 'List partners: cities, organisations, people', querystring: partnerListQuery, response: { 200: partnerList, 400: errorBody } },
    handler: async (request) => {
      const page = await partners.list(request.query);
      return request.principal ? page : { ...page, items: page.items.map(withoutNotes) };
    },
  });

  r.post('/api/v1/partners', {
    preHandler: write,
    schema: { ...secured, tags: ['partners'], summary: 'Register a partner', body: partnerFields, response: { 201: partnerRecord, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      const result = await partners.create(request.body);
      if (result.kind === 'duplicate') throw duplicate(result.existing);
      return reply.code(201).header('location', `/api/v1/partners/${result.partner.id}`).send(result.partner);
    },
  });

  r.get('/api/v1/partners/:id', {
    schema: { tags: ['partners'], summary: 'One partner', params: idParams, response: { 200: partnerRecord, 404: errorBody } },
    handler: async (request) => {
      const found = await partners.get(request.params.id);
      if (!found) throw notFound('partner', request.params.id);
      return request.principal ? found : withoutNotes(found);
    },
  });

  r.patch('/api/v1/partners/:id', {
    preHandler: write,
    schema: { ...secured, tags: ['partners'], summary: 'Change a partner (confirms it)', params: idParams, body: partnerPatch, response: { 200: partnerRecord, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request) => {
      const result = await partners.update(request.params.id, request.body);
      if (result.kind === 'not-found') throw notFound('partner', request.params.id);
      if (result.kind === 'duplicate') throw duplicate(result.existing);
      return result.partner;
    },
  });

  r.get('/api/v1/partners/:id/timeline', {
    schema: { tags: ['partners'], summary: 'Every trip, outcome, follow-up and agreement that touches the partner, in time order', params: idParams, response: { 200: partnerTimeline, 404: errorBody } },
    handler: async (request) => {
      const partner = await partners.get(request.params.id);
      const entries = partner ? await partners.timeline(partner.id, await tripVisibility(db, request.principal)) : undefined;
      if (!partner || !entries) throw notFound('partner', request.params.id);
      return { partner: request.principal ? partner : withoutNotes(partner), entries };
    },
  });

  r.get('/api/v1/agreements', {
    schema: { tags: ['partners'], summary: 'Agreements (sister city, friendship city, MOU) by signing date', querystring: agreementListQuery, response: { 200: agreementList } },
    handler: async (request) => ({ items: (await agreements.list(request.query.partnerId)).map((a) => (request.principal ? a : withoutNotes(a))) }),
  });

  r.get('/api/v1/agreements/review-due', {
    schema: { tags: ['partners'], summary: 'Agreements coming up for review or expiry', querystring: reviewQuery, response: { 200: reviewList, 400: errorBody } },
    handler: async (request) => ({ items: agreementsComingUpForReview(await agreements.list(), request.query.today ?? new Date().toISOString().slice(0, 10), request.query.withinDays) }),
  });

  r.post('/api/v1/agreements', {
    preHandler: write,
    schema: { ...secured, tags: ['partners'], summary: 'Record an agreement', body: agreementInput, response: { 201: agreement, 400: errorBody, 401: errorBody, 403: errorBody } },
    handler: async (request, reply) => {
      const result = await agreements.create(request.body);
      if (result.kind === 'unknown-references') throw unknownReferences(result);
      if (result.kind !== 'ok') throw new Error('agreement vanished while being created');
      return reply.code(201).header('location', `/api/v1/agreements/${result.agreement.id}`).send(result.agreement);
    },
  });

  r.get('/api/v1/agreements/:id', {
    schema: { tags: ['partners'], summary: 'One agreement', params: idParams, response: { 200: agreement, 404: errorBody } },
    handler: async (request) => {
      const found = await agreements.get(request.params.id);
      if (!found) throw notFound('agreement', request.params.id);
      return request.principal ? found : withoutNotes(found);
    },
  });

  r.patch('/api/v1/agreements/:id', {
    preHandler: write,
    schema: { ...secured, tags: ['partners'], summary: 'Change an agreement', params: idParams, body: agreementPatch, response: { 200: agreement, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } },
    handler: async (request) => {
      const result = await agreements.update(request.params.id, request.body);
      if (result.kind === 'not-found') throw notFound('agreement', request.params.id);
      if (result.kind === 'unknown-references') throw unknownReferences(result);
      if (result.kind === 'invalid') throw new HttpError(400, 'validation', `Invalid body.${result.field}: ${result.message}`, `欄位內容有誤：body.${result.field}`, { issues: [{ field: `body.${result.field}`, message: result.message }] });
      return result.agreement;
    },
  });

  r.delete('/api/v1/agreements/:id', {
    preHandler: write,
    schema: { ...secured, tags: ['partners'], summary: 'Delete an agreement', params: idParams, response: { 204: z.null(), 401: errorBody, 403: errorBody, 404: errorBody } },
    handler: async (request, reply) => {
      if (!(await agreements.delete(request.params.id))) throw notFound('agreement', request.params.id);
      return reply.code(204).send(null);
    },
  });
}
