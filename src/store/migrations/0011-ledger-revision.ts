import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * One counter that changes with every committed write to the ledger's content, so that list
 * totals and public answers can be kept until the data they were computed from changes, by every
 * server process alike (docs/decisions/0005-ledger-revision-caches.md).
 *
 * Triggers, not application code, bump it: a CLI import, a restore or a hand-made SQL fix moves it
 * too. On PostgreSQL a statement trigger bumps it once per transaction (a transaction-local flag
 * stops repeats), so a 10,000-trip import writes the counter row once; the new value becomes
 * visible at commit together with the rows, never before. SQLite has only row triggers; its
 * one writer makes the extra updates cheap.
 *
 * Sign-in data (users, sessions, tokens) and the audit chain (written with the change it records)
 * do not move it. A later migration that adds a content table must add its triggers with
 * `watchTable` (a test lists every table without them).
 */
export const WATCHED_TABLES = [
  'trips',
  'trip_destinations',
  'trip_members',
  'trip_outcomes',
  'trip_search_documents',
  'trip_transitions',
  'trip_report_files',
  'imported_documents',
  'import_snapshots',
  'budgets',
  'budget_adjustments',
  'per_diem_rate_tables',
  'per_diem_rates',
  'settings',
  'outcome_themes',
  'outcome_theme_links',
  'outcome_follow_ups',
  'follow_up_files',
  'outcome_partners',
  'partners',
  'agreements',
  'agreement_parties',
  'attachments',
] as const;

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Adds the triggers that bump the ledger revision on any write to `table`. */
export async function watchTable(db: Kysely<unknown>, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`create trigger ${sql.id(`${table}_ledger_revision`)} after insert or update or delete or truncate on ${sql.table(table)} for each statement execute function ledger_revision_bump()`.execute(db);
    return;
  }
  for (const op of ['insert', 'update', 'delete'] as const) {
    await sql`create trigger ${sql.id(`${table}_ledger_revision_${op}`)} after ${sql.raw(op)} on ${sql.table(table)} begin update ledger_revision set revision = revision + 1 where id = 1; end`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ledger_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into ledger_revision (id, revision) values (1, 1)`.execute(db);
  if (isPostgres(db)) {
    await sql
      .raw(
        `create function ledger_revision_bump() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('mission_ledger.revision_bumped', true), '') <> 'yes' then
    update ledger_revision set revision = revision + 1 where id = 1;
    perform set_config('mission_ledger.revision_bumped', 'yes', true);
  end if;
  return null;
end $$`,
      )
      .execute(db);
  }
  for (const table of WATCHED_TABLES) await watchTable(db, table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of WATCHED_TABLES) {
    if (isPostgres(db)) await sql`drop trigger ${sql.id(`${table}_ledger_revision`)} on ${sql.table(table)}`.execute(db);
    else for (const op of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.id(`${table}_ledger_revision_${op}`)}`.execute(db);
  }
  if (isPostgres(db)) await sql`drop function ledger_revision_bump()`.execute(db);
  await db.schema.dropTable('ledger_revision').execute();
}
