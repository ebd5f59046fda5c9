import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stillOwed, tripObligations } from '#app/domain/deadlines/trip-obligations.ts';
import type { LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';
import { ANY_ROLE, requireRole } from '#app/server/auth/require-role.ts';
import { isClerkOnly } from '#app/server/auth/trip-access.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import { obligationFactsOf, todayInTaiwan } from '#app/server/workflow/obligation-facts.ts';
import { deadlineList, deadlineQuery } from '#app/server/workflow/workflow-payloads.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { SettingsRepository } from '#app/store/workflow/settings-repository.ts';
import { TransitionRepository } from '#app/store/workflow/transition-repository.ts';

const OWING_STATES: LifecycleState[] = ['submitted', 'approved', 'travelling', 'returned-home', 'settled', 'report-filed'];

/** What trips still owe (report, expense claim, cross-strait steps), per agency and for the whole city. */
export async function deadlineRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const { store } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/deadlines', {
    preHandler: requireRole(...ANY_ROLE),
    schema: { tags: ['workflow'], summary: 'Overdue (or all unmet) obligations of trips, per agency and city-wide', security: [{ bearer: [] }], querystring: deadlineQuery, response: { 200: deadlineList, 400: errorBody, 401: errorBody } },
    handler: async (request) => {
      const principal = request.principal!;
      const agency = isClerkOnly(principal) ? (principal.agency ?? '') : request.query.agency;
      const asOf = request.query.asOf ?? todayInTaiwan();
      const { settings } = await new SettingsRepository(store.db).get();
      const trips = new TripRepository(store.db);
      const items = [];
      const counts = new Map<string, { overdue: number; owed: number }>();
      for (let offset = 0; ; offset += 100) {
        const page = await trips.list({ states: OWING_STATES, limit: 100, offset, sort: 'start' });
        const candidates = page.items.filter((t) => t.source === null && (agency === undefined || t.organisingAgency === agency));
        const entered = await new TransitionRepository(store.db).enteredOn(candidates.map((t) => t.id));
        for (const t of candidates) {
          for (const o of stillOwed(tripObligations(obligationFactsOf(t, entered.get(t.id) ?? {}), settings.deadlines, asOf))) {
            const c = counts.get(t.organisingAgency) ?? { overdue: 0, owed: 0 };
            c.owed += 1;
            if (o.overdue) c.overdue += 1;
            counts.set(t.organisingAgency, c);
            if (!request.query.overdueOnly || o.overdue) items.push({ ...o, tripId: t.id, title: t.title, agency: t.organisingAgency, state: t.lifecycleState });
          }
        }
        if (page.items.length < 100) break;
      }
      items.sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueOn.localeCompare(b.dueOn));
      const byAgency = [...counts.entries()].map(([a, c]) => ({ agency: a, ...c })).sort((a, b) => b.overdue - a.overdue || a.agency.localeCompare(b.agency));
      return { asOf, items, byAgency };
    },
  });
}
