import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { budgetFigures, tripVariance } from '#app/domain/budgets/budget-figures.ts';
import { auditChange } from '#app/server/audit/audit-change.ts';
import { ANY_ROLE, requireRole } from '#app/server/auth/require-role.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import { budgetAdjustBody, budgetBody, budgetDetail, budgetIdParams, budgetListQuery, budgetSeries, budgetWithFigures, newBudgetBody, seriesQuery } from '#app/server/budgets/budget-payloads.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import { BudgetRepository, type Budget } from '#app/store/budgets/budget-repository.ts';
import type { Store } from '#app/store/open-database.ts';
import { SettingsRepository } from '#app/store/workflow/settings-repository.ts';

function notFound(id: string): HttpError {
  return new HttpError(404, 'budget-not-found', `No budget with id ${id}`, `找不到編號 ${id} 的預算`);
}

/** Annual overseas-travel budgets per agency, their adjustments and figures, and the multi-year series. */
export async function budgetRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const { store } = options;
  const budgets = new BudgetRepository(store.db);
  const staff = requireRole(...ANY_ROLE);
  const secretariat = requireRole('secretariat');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearer: [] }];

  const withFigures = async (b: Budget) => ({ ...b, figures: budgetFigures(b.amount, await budgets.chargedTrips(b.fiscalYear, b.agency)) });

  r.get('/api/v1/budgets', {
    preHandler: staff,
    schema: { tags: ['budgets'], summary: 'Budgets with allocated, committed, spent and remaining', security, querystring: budgetListQuery, response: { 200: z.array(budgetWithFigures), 400: errorBody, 401: errorBody } },
    handler: async (request) => Promise.all((await budgets.list(request.query)).map(withFigures)),
  });

  r.get('/api/v1/budgets/series', {
    schema: { tags: ['budgets'], summary: 'Budget amounts year by year, for charting (public: the council report publishes them)', querystring: seriesQuery, response: { 200: budgetSeries, 400: errorBody } },
    handler: async (request) => ({
      agency: request.query.agency,
      points: (await budgets.list({ agency: request.query.agency })).map((b) => ({ fiscalYear: b.fiscalYear, label: `${b.fiscalYear}年`, gregorianYear: b.fiscalYear + 1911, amount: b.amount })),
    }),
  });

  r.post('/api/v1/budgets', {
    preHandler: secretariat,
    schema: { tags: ['budgets'], summary: 'Enter the budget of a fiscal year and agency', security, body: newBudgetBody, response: { 201: budgetBody, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      const { fiscalYear, agency, amount, reason } = request.body;
      const principal = request.principal!;
      const created = await store.db.transaction().execute(async (trx) => {
        const b = await new BudgetRepository(trx).create(fiscalYear, agency, amount, principal.userId, reason, new Date().toISOString());
        if (!b) throw new HttpError(409, 'budget-exists', `${agency || 'The city'} already has a budget for fiscal year ${fiscalYear}; adjust it instead`, `${agency || '全市'} ${fiscalYear} 年度預算已存在，請改用調整`);
        await new AuditLog(trx).append(auditChange(principal, 'budget', b.id, 'create', null, b, reason));
        return b;
      });
      return reply.code(201).header('location', `/api/v1/budgets/${created.id}`).send(created);
    },
  });

  r.get('/api/v1/budgets/:id', {
    preHandler: staff,
    schema: { tags: ['budgets'], summary: 'A budget with its figures, adjustment history and each trip’s variance', security, params: budgetIdParams, response: { 200: budgetDetail, 401: errorBody, 404: errorBody } },
    handler: async (request) => {
      const b = await budgets.get(request.params.id);
      if (!b) throw notFound(request.params.id);
      const { settings } = await new SettingsRepository(store.db).get();
      const trips = await budgets.chargedTrips(b.fiscalYear, b.agency);
      return {
        ...b,
        figures: budgetFigures(b.amount, trips),
        adjustments: await budgets.adjustments(b.id),
        trips: trips.map((t) => {
          const v = tripVariance(t.approved, t.actual, settings.budget.varianceExplanationPercent);
          return { ...t, variance: v?.variance ?? null, variancePercent: v?.percent ?? null, explanationRequired: v?.explanationRequired ?? false };
        }),
      };
    },
  });

  r.patch('/api/v1/budgets/:id', {
    preHandler: secretariat,
    schema: { tags: ['budgets'], summary: 'Adjust a budget’s amount with a reason (kept in its history)', security, params: budgetIdParams, body: budgetAdjustBody, response: { 200: budgetBody, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request) => {
      const principal = request.principal!;
      return store.db.transaction().execute(async (trx) => {
        const result = await new BudgetRepository(trx).adjust(request.params.id, request.body.version, request.body.amount, principal.userId, request.body.reason, new Date().toISOString());
        if (result.kind === 'not-found') throw notFound(request.params.id);
        if (result.kind === 'conflict') throw new HttpError(409, 'version-conflict', `Someone else changed this budget: the current version is ${result.current.version}`, `此預算已被他人修改，目前版本為 ${result.current.version}`, { current: result.current });
        await new AuditLog(trx).append(auditChange(principal, 'budget', result.budget.id, 'adjust', result.before, result.budget, request.body.reason));
        return result.budget;
      });
    },
  });
}
