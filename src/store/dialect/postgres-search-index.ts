import { sql } from 'kysely';
import type { SearchIndexDialect } from '#app/store/dialect/search-index-dialect.ts';

// A GIN index over string_to_array(terms, ' ') keeps compressed posting lists per term and
// answers `@>` (holds all of) directly; it is maintained by PostgreSQL on every write. pg_trgm
// is not used: its trigrams cannot serve the two-character queries that are most Chinese
// words (花博, 樹城), and the bigram terms already serve three and more.

/** PostgreSQL: a GIN index over the document's term array. */
export const postgresSearchIndex: SearchIndexDialect = {
  async createSchema(db) {
    await db.schema
      .createTable('trip_search_documents')
      .addColumn('trip_id', 'text', (c) => c.primaryKey().references('trips.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('terms', 'text', (c) => c.notNull())
      .execute();
    await sql`create index trip_search_documents_terms_idx on trip_search_documents using gin (string_to_array(terms, ' '))`.execute(db);
  },
  async dropSchema(db) {
    await db.schema.dropTable('trip_search_documents').ifExists().execute();
  },
  async indexDocuments() {},
  async unindexDocuments() {},
  // search_terms(terms) is string_to_array(terms, ' ') priced so the planner uses the index (migration 0013).
  holdsAllTerms(terms) {
    return sql`search_terms(d.terms) @> ${[...terms]}::text[]`;
  },
  async countHoldingAllTerms(db, terms) {
    const row = (await sql<{ n: string | number }>`select count(*) as n from trip_search_documents d where search_terms(d.terms) @> ${[...terms]}::text[]`.execute(db)).rows[0];
    return Number(row?.n ?? 0);
  },
};
