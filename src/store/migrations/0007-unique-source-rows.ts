import { sql, type Kysely } from 'kysely';

/**
 * One stored trip per source row of a document. Import already looks before it inserts; this
 * makes the database refuse the second of two imports racing on the same document (two server
 * processes seeding one empty PostgreSQL database at the same moment).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unique index trips_source_row_unique on trips (source_document_hash, source_line) where source_document_hash is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index trips_source_row_unique`.execute(db);
}
