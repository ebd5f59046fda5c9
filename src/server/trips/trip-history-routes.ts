import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuditEntry } from '#app/domain/audit/audit-entry.ts';
import { changedKeys } from '#app/domain/audit/audit-entry.ts';
import { trip, type Trip } from '#app/domain/trips/trip-schema.ts';
import { LIFECYCLE_STATES, type LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';
import { canSeeTrip } from '#app/server/auth/trip-access.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { tripHistory, type TripHistoryEntry } from '#app/server/trips/trip-history-payloads.ts';
import { errorBody, tripIdParams } from '#app/server/trips/trip-payloads.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';

/** Bookkeeping and staff-only fields: never named in the public history. */
const NOT_PUBLIC = new Set(['id', 'notes', 'version', 'createdAt', 'updatedAt', 'lifecycleState', 'budgetOverride']);

/** The trip record's fields the public history may name (a whitelist, so a new internal field stays out until it is added here). */
export const PUBLIC_HISTORY_FIELDS: readonly string[] = Object.keys(trip.shape).filter((k) => !NOT_PUBLIC.has(k));

const PAGE = 500;

function stateOf(value: unknown): LifecycleState | null {
  const state = (value as { lifecycleState?: unknown } | null)?.lifecycleState;
  return typeof state === 'string' && (LIFECYCLE_STATES as readonly string[]).includes(state) ? (state as LifecycleState) : null;
}

function publicFields(before: unknown, after: unknown): string[] {
  return changedKeys(before, after).filter((k) => PUBLIC_HISTORY_FIELDS.includes(k));
}

/**
 * An audit entry of a trip as the public history shows it, or null when it has nothing the public
 * may know (an edit of the internal notes only, a budget override with its reason, a deletion).
 */
export function publicHistoryEntry(entry: AuditEntry): TripHistoryEntry | null {
  const base = { at: entry.at, fromState: null, state: null, fields: [] as string[] };
  if (entry.action === 'create') return { ...base, kind: 'created', state: stateOf(entry.after) };
  if (entry.action === 'report-file') return { ...base, kind: 'report-file', fields: ['report'] };
  if (entry.action === 'update') {
    const fields = publicFields(entry.before, entry.after);
    return fields.length ? { ...base, kind: 'fields-changed', fields } : null;
  }
  if (entry.action.startsWith('transition:')) {
    const fromState = stateOf(entry.before);
    const state = stateOf(entry.after);
    const fields = publicFields(entry.before, entry.after);
    if (state && state !== fromState) return { ...base, kind: 'state-changed', fromState, state, fields };
    return fields.length ? { ...base, kind: 'fields-changed', fields } : null;
  }
  return null;
}

/** The history of a trip the public may read: built from the audit trail, without who, why or the values. */
export function publicHistory(current: Trip, entries: readonly AuditEntry[]): TripHistoryEntry[] {
  const items = entries.map(publicHistoryEntry).filter((e): e is TripHistoryEntry => e !== null);
  // Trips imported from a published report were stored without an audit entry; their history
  // starts with the import, dated when the record was stored.
  if (!entries.some((e) => e.action === 'create') && current.source) {
    items.unshift({ at: current.createdAt, kind: 'imported', fromState: null, state: null, fields: [] });
  }
  return items;
}

/** GET /api/v1/trips/:id/history: the public history of a trip (404 for a trip the caller may not see). */
export async function tripHistoryRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const trips = new TripRepository(options.store.db);
  const log = new AuditLog(options.store.db);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/trips/:id/history', {
    schema: {
      tags: ['trips'],
      summary: 'Changes to a trip that the public may know, oldest first: when, created / state changed / fields changed (field names only); not who or why',
      params: tripIdParams,
      response: { 200: tripHistory, 404: errorBody },
    },
    handler: async (request) => {
      const found = await trips.get(request.params.id);
      if (!found || !canSeeTrip(request.principal, found)) throw new HttpError(404, 'trip-not-found', `No trip with id ${request.params.id}`, `找不到編號 ${request.params.id} 的出國案`);
      const entries: AuditEntry[] = [];
      for (;;) {
        const page = await log.list({ entityType: 'trip', entityId: found.id, limit: PAGE, ...(entries.length ? { afterSeq: entries[entries.length - 1]!.seq } : {}) });
        entries.push(...page);
        if (page.length < PAGE) break;
      }
      return { tripId: found.id, items: publicHistory(found, entries) };
    },
  });
}
