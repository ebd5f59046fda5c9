import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The `-cost` and `cost` sorts order by cost, then id. An index on cost alone (0008) still sorted
 * each run of equal costs, and after ANALYZE SQLite preferred the lifecycle-state index and sorted
 * every visible trip (380 ms at 100,000 trips against 0.5 ms). One index per direction, ending in
 * the id, gives the page straight from the index.
 */
const COST = sql`coalesce(budget_actual, budget_approved, budget_estimate, 0)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const cost = db.getExecutor().adapter instanceof PostgresAdapter ? sql`(${COST})` : COST;
  await sql`drop index trips_cost_idx`.execute(db);
  await sql`create index trips_cost_desc_idx on trips (${cost} desc, id)`.execute(db);
  await sql`create index trips_cost_asc_idx on trips (${cost}, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const cost = db.getExecutor().adapter instanceof PostgresAdapter ? sql`(${COST})` : COST;
  await sql`drop index trips_cost_asc_idx`.execute(db);
  await sql`drop index trips_cost_desc_idx`.execute(db);
  await sql`create index trips_cost_idx on trips (${cost})`.execute(db);
}
