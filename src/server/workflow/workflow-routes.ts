import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tripVariance } from '#app/domain/budgets/budget-figures.ts';
import { fiscalYearOf } from '#app/domain/budgets/fiscal-year.ts';
import { stillOwed, tripObligations } from '#app/domain/deadlines/trip-obligations.ts';
import { reportFilingProblems } from '#app/domain/post-trip-report/post-trip-report-schema.ts';
import { applyTripPatch } from '#app/domain/trips/apply-trip-patch.ts';
import { trip } from '#app/domain/trips/trip-schema.ts';
import { LIFECYCLE_STATE_LABELS } from '#app/domain/workflow/lifecycle-state.ts';
import { actionsFrom, checkTransition } from '#app/domain/workflow/lifecycle-transitions.ts';
import { auditChange } from '#app/server/audit/audit-change.ts';
import { ANY_ROLE, requireRole } from '#app/server/auth/require-role.ts';
import { canSeeTrip } from '#app/server/auth/trip-access.ts';
import { budgetForTrip } from '#app/server/budgets/budget-for-trip.ts';
import { errorBody, tripIdParams } from '#app/server/trips/trip-payloads.ts';
import { obligationFactsOf, todayInTaiwan } from '#app/server/workflow/obligation-facts.ts';
import { performTransition, staleTrip, tripNotFound } from '#app/server/workflow/trip-transition.ts';
import { budgetOverrideBody, transitionAnswer, transitionBody, workflowView } from '#app/server/workflow/workflow-payloads.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { SettingsRepository } from '#app/store/workflow/settings-repository.ts';
import { TransitionRepository } from '#app/store/workflow/transition-repository.ts';

/** The lifecycle of a trip: its steps, what it owes, and the secretariat's budget override. */
export async function workflowRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const { store } = options;
  const settings = new SettingsRepository(store.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearer: [] }];

  r.post('/api/v1/trips/:id/transitions', {
    // Which role may take which step is checked per action (see lifecycle-transitions.ts).
    preHandler: requireRole('clerk', 'secretariat', 'approver'),
    schema: {
      tags: ['workflow'],
      summary: 'Move a trip one step: submit, approve, return, reject, depart, come-home, settle, file-report, close, cancel',
      security,
      params: tripIdParams,
      body: transitionBody,
      response: { 200: transitionAnswer, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
    handler: async (request) => performTransition(store, request.params.id, request.body, request.principal!, (await settings.get()).settings),
  });

  r.get('/api/v1/trips/:id/workflow', {
    preHandler: requireRole(...ANY_ROLE),
    schema: { tags: ['workflow'], summary: 'State, history, allowed next steps, deadlines and budget of a trip', security, params: tripIdParams, response: { 200: workflowView, 401: errorBody, 404: errorBody } },
    handler: async (request) => {
      const principal = request.principal!;
      const trips = new TripRepository(store.db);
      const found = await trips.get(request.params.id);
      if (!found || !canSeeTrip(principal, found)) throw tripNotFound(request.params.id);
      const ownership = (await trips.ownership(found.id))!;
      const transitions = new TransitionRepository(store.db);
      const history = await transitions.forTrip(found.id);
      const entered = (await transitions.enteredOn([found.id])).get(found.id) ?? {};
      const { settings: rules } = await settings.get();
      const obligations = tripObligations(obligationFactsOf(found, entered), rules.deadlines, todayInTaiwan());
      const subject = { state: found.lifecycleState, organisingAgency: found.organisingAgency, createdBy: ownership.createdBy, submittedBy: ownership.submittedBy, memberNames: found.members.map((m) => m.name) };
      const allowedActions = actionsFrom(found.lifecycleState).filter((a) => checkTransition(a, subject, principal, 'comment given') === null);
      const charged = await budgetForTrip(store.db, fiscalYearOf(found.start), found.organisingAgency);
      return {
        tripId: found.id,
        state: found.lifecycleState,
        stateLabel: LIFECYCLE_STATE_LABELS[found.lifecycleState],
        version: found.version,
        crossStrait: found.crossStrait,
        allowedActions,
        history,
        obligations,
        stillOwed: stillOwed(obligations),
        budget: charged
          ? {
              budgetId: charged.budget.id,
              fiscalYear: charged.budget.fiscalYear,
              agency: charged.budget.agency,
              figures: charged.figures,
              variance: tripVariance(found.budget.approved, found.budget.actual, rules.budget.varianceExplanationPercent),
            }
          : null,
        budgetOverride: ownership.budgetOverride,
        reportProblems: ['settled', 'returned-home', 'travelling'].includes(found.lifecycleState)
          ? reportFilingProblems(found.report, { min: rules.report.summaryMinCharacters, max: rules.report.summaryMaxCharacters })
          : [],
      };
    },
  });

  r.post('/api/v1/trips/:id/budget-override', {
    preHandler: requireRole('secretariat'),
    schema: {
      tags: ['workflow'],
      summary: 'Allow a trip to exceed the remaining budget up to an amount, with a recorded reason',
      security,
      params: tripIdParams,
      body: budgetOverrideBody,
      response: { 200: trip, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
    handler: async (request) => {
      const principal = request.principal!;
      const override = { reason: request.body.reason, amount: request.body.amount, by: principal.displayName, at: new Date().toISOString() };
      return store.db.transaction().execute(async (trx) => {
        const trips = new TripRepository(trx);
        const before = await trips.ownership(request.params.id);
        const result = await trips.update(request.params.id, { version: request.body.version }, (t) => applyTripPatch(t, { version: t.version }), { budgetOverride: override });
        if (result.kind === 'not-found') throw tripNotFound(request.params.id);
        if (result.kind === 'conflict') throw staleTrip(request.body.version, result.current);
        await new AuditLog(trx).append(auditChange(principal, 'trip', request.params.id, 'budget-override', { budgetOverride: before?.budgetOverride ?? null }, { budgetOverride: override }, override.reason));
        return result.trip;
      });
    },
  });
}
