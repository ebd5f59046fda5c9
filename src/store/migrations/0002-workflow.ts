import { sql, type Kysely } from 'kysely';

// Issue 4: lifecycle, plan fields and post-trip report on trips; users, sessions and API tokens;
// budgets with their adjustments; per-diem rate tables; settings; the hash-chained audit log.

/** Adds the workflow columns and tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const tripColumns: [string, 'text' | 'integer', string | number | null][] = [
    ['lifecycle_state', 'text', 'draft'],
    ['topics', 'text', '[]'],
    ['themes', 'text', '[]'],
    ['expected_benefits', 'text', ''],
    ['plan_days', 'integer', null],
    ['cross_strait', 'integer', 0],
    ['cross_strait_steps', 'text', '{}'],
    ['post_trip_report', 'text', null],
    ['variance_explanation', 'text', ''],
    ['created_by', 'text', null],
    ['submitted_by', 'text', null],
    ['budget_override', 'text', null],
  ];
  for (const [name, type, fallback] of tripColumns) {
    await db.schema
      .alterTable('trips')
      .addColumn(name, type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
      .execute();
  }
  // Trips stored before the workflow existed were public already and came from published reports:
  // they take the state ADR 0003 gives imported trips.
  await sql`update trips set lifecycle_state = case settlement_status when 'settled' then 'closed' when 'planned' then 'approved' else 'returned-home' end`.execute(db);
  await sql`update trips set cross_strait = 1 where exists (select 1 from trip_destinations d where d.trip_id = trips.id and d.country_code in ('CN', 'HK', 'MO'))`.execute(db);
  await db.schema.createIndex('trips_state_agency_idx').on('trips').columns(['lifecycle_state', 'organising_agency']).execute();

  await db.schema
    .createTable('trip_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('override_reason', 'text')
    .execute();
  await db.schema.createIndex('trip_transitions_trip_idx').on('trip_transitions').columns(['trip_id', 'at']).execute();

  await db.schema
    .createTable('trip_report_files')
    .addColumn('trip_id', 'text', (c) => c.primaryKey().references('trips.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('agency', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('budgets_year_agency_uq', ['fiscal_year', 'agency'])
    .execute();

  await db.schema
    .createTable('budget_adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('previous_amount', 'bigint')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_adjustments_budget_idx').on('budget_adjustments').columns(['budget_id', 'at']).execute();

  await db.schema
    .createTable('per_diem_rate_tables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('csv', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('per_diem_rates')
    .addColumn('table_id', 'text', (c) => c.notNull().references('per_diem_rate_tables.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('usd_per_day', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('per_diem_rates_pk', ['table_id', 'position'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  // One row holding the last sequence number and hash: appending locks it, which serialises
  // appenders so the chain never forks, and a deleted tail shows as a head that points past the log.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
}

/** Drops what `up` added (the trips columns stay; SQLite cannot drop them everywhere). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_head', 'audit_log', 'settings', 'per_diem_rates', 'per_diem_rate_tables', 'budget_adjustments', 'budgets', 'api_tokens', 'sessions', 'users', 'trip_report_files', 'trip_transitions']) {
    await db.schema.dropTable(t).execute();
  }
}
