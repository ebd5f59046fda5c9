import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Covering indexes for searches that match many trips (花博 in a quarter of a 100,000-trip ledger,
 * docs/benchmarks.md). A search joins each matching document to its trip, then ranks by the
 * document's title and orders by the trip's start date; without these, each of the thousands of
 * matches read its whole document row (≈4 KB with body and terms, overflow pages on SQLite) and
 * its trip row. With them, both lookups stay inside small indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // FTS5 answers with the document key (`doc`, SQLite only); this maps it to trip and title.
  if (!postgres) await sql`create index trip_search_documents_doc_idx on trip_search_documents (doc, trip_id, title)`.execute(db);
  // A trip by id with what visibility and the default order read.
  await sql`create index trips_visibility_idx on trips (id, lifecycle_state, organising_agency, start_date)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql`drop index trips_visibility_idx`.execute(db);
  if (!postgres) await sql`drop index trip_search_documents_doc_idx`.execute(db);
}
