import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';
import type { TransitionAction } from '#app/domain/workflow/lifecycle-transitions.ts';
import type { Database } from '#app/store/database-schema.ts';

/** One recorded move of a trip: who, when, from where to where, and why. */
export interface TransitionRecord {
  id: string;
  tripId: string;
  at: string;
  action: TransitionAction;
  from: LifecycleState;
  to: LifecycleState;
  actorId: string;
  actorName: string;
  comment: string;
  overrideReason: string | null;
}

/** The history of each trip's lifecycle. */
export class TransitionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records a transition. */
  async record(t: Omit<TransitionRecord, 'id'>): Promise<TransitionRecord> {
    const id = randomUUID();
    await this.db
      .insertInto('trip_transitions')
      .values({ id, trip_id: t.tripId, at: t.at, action: t.action, from_state: t.from, to_state: t.to, actor_id: t.actorId, actor_name: t.actorName, comment: t.comment, override_reason: t.overrideReason })
      .execute();
    return { id, ...t };
  }

  /** The transitions of a trip, oldest first. */
  async forTrip(tripId: string): Promise<TransitionRecord[]> {
    const rows = await this.db.selectFrom('trip_transitions').selectAll().where('trip_id', '=', tripId).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      tripId: r.trip_id,
      at: r.at,
      action: r.action as TransitionAction,
      from: r.from_state as LifecycleState,
      to: r.to_state as LifecycleState,
      actorId: r.actor_id,
      actorName: r.actor_name,
      comment: r.comment,
      overrideReason: r.override_reason,
    }));
  }

  /** For each trip, the date (YYYY-MM-DD) it last entered each state. */
  async enteredOn(tripIds: readonly string[]): Promise<Map<string, Partial<Record<LifecycleState, string>>>> {
    const out = new Map<string, Partial<Record<LifecycleState, string>>>();
    if (tripIds.length === 0) return out;
    const rows = await this.db.selectFrom('trip_transitions').select(['trip_id', 'to_state', 'at']).where('trip_id', 'in', [...tripIds]).orderBy('at').execute();
    for (const r of rows) {
      const entry = out.get(r.trip_id) ?? {};
      entry[r.to_state as LifecycleState] = r.at.slice(0, 10);
      out.set(r.trip_id, entry);
    }
    return out;
  }
}
