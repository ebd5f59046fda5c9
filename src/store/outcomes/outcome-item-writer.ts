import type { Kysely } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import { OutcomeRemovalRefusedError } from '#app/domain/outcomes/outcome-removal-refused.ts';
import { reconcileOutcomeItems } from '#app/domain/outcomes/reconcile-outcome-items.ts';
import { outcomeDb } from '#app/store/outcomes/outcome-db.ts';

/**
 * Writes a trip's new outcome list over the stored one so that ids survive: matched items are
 * updated in place, new ones inserted, dropped ones deleted. Refuses (and so rolls back the
 * trip change) when a dropped item still has follow-ups or agreements.
 */
export async function writeOutcomeItems(
  db: Kysely<Database>,
  tripId: string,
  outcomes: readonly { id?: string | undefined; text: string }[],
  newId: () => string,
  refusal: Record<string, unknown> = {},
): Promise<void> {
  const odb = outcomeDb(db);
  const stored = await odb.selectFrom('trip_outcomes').select(['id', 'position', 'text']).where('trip_id', '=', tripId).orderBy('position').execute();
  const plan = reconcileOutcomeItems(stored, outcomes);
  if (plan.remove.length) {
    const ids = plan.remove.map((r) => r.id);
    const [followUps, agreements] = await Promise.all([
      odb.selectFrom('outcome_follow_ups').select(['outcome_id', (eb) => eb.fn.countAll<number>().as('n')]).where('outcome_id', 'in', ids).groupBy('outcome_id').execute(),
      odb.selectFrom('agreements').select(['outcome_id', (eb) => eb.fn.countAll<number>().as('n')]).where('outcome_id', 'in', ids).groupBy('outcome_id').execute(),
    ]);
    const count = (rows: { outcome_id: string | null; n: number }[], id: string) => Number(rows.find((r) => r.outcome_id === id)?.n ?? 0);
    const inUse = plan.remove
      .map((r) => ({ id: r.id, text: r.text, followUps: count(followUps, r.id), agreements: count(agreements, r.id) }))
      .filter((r) => r.followUps + r.agreements > 0);
    if (inUse.length) throw new OutcomeRemovalRefusedError(inUse, refusal);
    await odb.deleteFrom('trip_outcomes').where('id', 'in', ids).execute();
  }
  const before = new Map(stored.map((s) => [s.id, s]));
  for (const k of plan.keep) {
    const old = before.get(k.id);
    if (old && old.position === k.position && old.text === k.text) continue;
    // A corrected text makes the proposals stale: the rules run again on the next proposal pass.
    const textChanged = old !== undefined && old.text !== k.text;
    await odb
      .updateTable('trip_outcomes')
      .set(textChanged ? { position: k.position, text: k.text, proposed_at: null } : { position: k.position })
      .where('id', '=', k.id)
      .execute();
  }
  if (plan.insert.length) {
    await odb
      .insertInto('trip_outcomes')
      .values(plan.insert.map((i) => ({ id: newId(), trip_id: tripId, position: i.position, text: i.text })))
      .execute();
  }
}
