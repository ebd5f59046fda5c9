import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL only. The term index was built over `string_to_array(terms, ' ')`, which the planner
 * prices as nearly free; for a word in a quarter of the trips it chose to split every document's
 * terms in a sequential scan (1.5 s at 100,000 trips) over the GIN index (55 ms). The same
 * expression behind a function declared as costly makes the planner use the index. plpgsql, so it
 * is never inlined back into the cheap expression.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql
    .raw(`create function search_terms(terms text) returns text[] language plpgsql immutable strict parallel safe cost 1000 as $$ begin return string_to_array(terms, ' '); end $$`)
    .execute(db);
  await sql`create index trip_search_documents_search_terms_idx on trip_search_documents using gin (search_terms(terms))`.execute(db);
  await sql`drop index trip_search_documents_terms_idx`.execute(db);
  await sql`analyze trip_search_documents`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create index trip_search_documents_terms_idx on trip_search_documents using gin (string_to_array(terms, ' '))`.execute(db);
  await sql`drop index trip_search_documents_search_terms_idx`.execute(db);
  await sql`drop function search_terms(text)`.execute(db);
}
