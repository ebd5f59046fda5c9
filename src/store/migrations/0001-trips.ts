import type { Kysely } from 'kysely';

/** Trip records with their destinations, delegation and outcome items. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('organising_agency', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('inviting_body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer')
    .addColumn('budget_currency', 'text', (c) => c.notNull().defaultTo('TWD'))
    .addColumn('budget_estimate', 'bigint')
    .addColumn('budget_approved', 'bigint')
    .addColumn('budget_actual', 'bigint')
    .addColumn('settlement_status', 'text', (c) => c.notNull())
    .addColumn('estimate_breakdown', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('actual_breakdown', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_document', 'text')
    .addColumn('source_document_hash', 'text')
    .addColumn('source_line', 'integer')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('trips_start_date_idx').on('trips').column('start_date').execute();
  await db.schema.createIndex('trips_source_idx').on('trips').columns(['source_document_hash', 'source_line']).execute();
  await db.schema.createIndex('trips_title_start_idx').on('trips').columns(['title', 'start_date']).execute();

  await db.schema
    .createTable('trip_destinations')
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text')
    .addColumn('cities', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('trip_destinations_pk', ['trip_id', 'position'])
    .execute();
  await db.schema.createIndex('trip_destinations_country_idx').on('trip_destinations').columns(['country_code', 'country']).execute();

  await db.schema
    .createTable('trip_members')
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agency', 'text')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('member'))
    .addPrimaryKeyConstraint('trip_members_pk', ['trip_id', 'position'])
    .execute();
  await db.schema.createIndex('trip_members_name_idx').on('trip_members').column('name').execute();

  await db.schema
    .createTable('trip_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trip_outcomes_trip_idx').on('trip_outcomes').columns(['trip_id', 'position']).execute();

  await db.schema
    .createTable('imported_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_hash', 'text', (c) => c.notNull())
    .addColumn('document_name', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('trips_created', 'integer', (c) => c.notNull())
    .addColumn('trips_unchanged', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['imported_documents', 'trip_outcomes', 'trip_members', 'trip_destinations', 'trips']) {
    await db.schema.dropTable(t).execute();
  }
}
