import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Faster trip lists on large ledgers (measured at 100,000 trips, docs/benchmarks.md):
 *
 * - Drops `trips.search_text`, the lower-cased copy of every searchable field that the `q`
 *   filter scanned before full-text search (migration 0004) replaced it. Nothing reads it any
 *   more, yet it made each row ~3 KB, so every list, count and filter that touches trip rows
 *   read overflow pages (SQLite) or wide tuples (PostgreSQL).
 * - Indexes the cost the `cost`/`-cost` sorts order by, so a sorted page walks the index instead
 *   of sorting every matching trip.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('trips').dropColumn('search_text').execute();
  const cost = sql`coalesce(budget_actual, budget_approved, budget_estimate, 0)`;
  // PostgreSQL wants an expression index's expression in its own parentheses; SQLite takes it bare.
  await sql`create index trips_cost_idx on trips (${postgres ? sql`(${cost})` : cost})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index trips_cost_idx`.execute(db);
  await db.schema.alterTable('trips').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
}
