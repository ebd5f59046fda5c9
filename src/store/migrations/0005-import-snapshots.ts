import type { Kysely } from 'kysely';

/**
 * What the last import wrote into each imported trip, so that the next import of the same
 * trip can tell a value edited by hand (stored ≠ snapshot) from one it may update.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_snapshots')
    .addColumn('trip_id', 'text', (c) => c.primaryKey().references('trips.id').onDelete('cascade'))
    .addColumn('document_hash', 'text', (c) => c.notNull())
    .addColumn('document_name', 'text', (c) => c.notNull())
    .addColumn('source_line', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  // A trip whose title or dates were edited by hand is still found by what the last import said.
  await db.schema.createIndex('import_snapshots_imported_idx').on('import_snapshots').columns(['title', 'start_date', 'end_date']).execute();
  await db.schema.createIndex('import_snapshots_source_idx').on('import_snapshots').columns(['document_name', 'source_line']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_snapshots').execute();
}
