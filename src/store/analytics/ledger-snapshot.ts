import type { Kysely } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import type { FollowUpFacts } from '#app/domain/analytics/ledger-summary.ts';
import type { OutcomeFacts } from '#app/domain/analytics/trip-cost-ratios.ts';
import type { OutcomeStatus, OutcomeType } from '#app/domain/outcomes/outcome-types.ts';
import { outcomeDb } from '#app/store/outcomes/outcome-db.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';

/** Everything the cross-trip figures and lints read: trips, outcome facts with text, follow-up facts. */
export interface LedgerSnapshot {
  trips: Trip[];
  outcomes: (OutcomeFacts & { text: string; followUps: number })[];
  followUps: FollowUpFacts[];
}

/** Reads the ledger for analytics, keeping only trips the requester may read. */
export async function loadLedgerSnapshot(raw: Kysely<Database>, visible: (tripId: string) => boolean = () => true): Promise<LedgerSnapshot> {
  const db = outcomeDb(raw);
  const trips: Trip[] = [];
  for await (const trip of new TripRepository(raw).all()) if (visible(trip.id)) trips.push(trip);
  const tripIds = new Set(trips.map((t) => t.id));
  const [rows, themeLinks, followUpRows] = await Promise.all([
    db.selectFrom('trip_outcomes').select(['id', 'trip_id', 'text', 'type', 'status', 'agency']).execute(),
    db.selectFrom('outcome_theme_links').select(['outcome_id', 'theme_id']).execute(),
    db.selectFrom('outcome_follow_ups').select(['outcome_id', 'status', 'due_on']).execute(),
  ]);
  const themesOf = new Map<string, string[]>();
  for (const l of themeLinks) themesOf.set(l.outcome_id, [...(themesOf.get(l.outcome_id) ?? []), l.theme_id]);
  const followUpCount = new Map<string, number>();
  for (const f of followUpRows) followUpCount.set(f.outcome_id, (followUpCount.get(f.outcome_id) ?? 0) + 1);
  const outcomes = rows
    .filter((r) => tripIds.has(r.trip_id))
    .map((r) => ({
      id: r.id,
      tripId: r.trip_id,
      text: r.text,
      type: r.type as OutcomeType | null,
      status: r.status as OutcomeStatus,
      agency: r.agency,
      themes: themesOf.get(r.id) ?? [],
      followUps: followUpCount.get(r.id) ?? 0,
    }));
  const outcomeIds = new Set(outcomes.map((o) => o.id));
  return { trips, outcomes, followUps: followUpRows.filter((f) => outcomeIds.has(f.outcome_id)).map((f) => ({ outcomeId: f.outcome_id, status: f.status, dueOn: f.due_on })) };
}

/** The outcome facts of one trip (without text), for its cost ratios. */
export async function loadTripOutcomeFacts(raw: Kysely<Database>, tripId: string): Promise<OutcomeFacts[]> {
  const db = outcomeDb(raw);
  const [rows, themeLinks] = await Promise.all([
    db.selectFrom('trip_outcomes').select(['id', 'trip_id', 'type', 'status', 'agency']).where('trip_id', '=', tripId).orderBy('position').execute(),
    db.selectFrom('outcome_theme_links as l').innerJoin('trip_outcomes as o', 'o.id', 'l.outcome_id').select(['l.outcome_id', 'l.theme_id']).where('o.trip_id', '=', tripId).execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    tripId: r.trip_id,
    type: r.type as OutcomeType | null,
    status: r.status as OutcomeStatus,
    agency: r.agency,
    themes: themeLinks.filter((l) => l.outcome_id === r.id).map((l) => l.theme_id),
  }));
}
