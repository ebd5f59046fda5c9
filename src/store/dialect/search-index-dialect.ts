import { PostgresAdapter, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { postgresSearchIndex } from '#app/store/dialect/postgres-search-index.ts';
import { sqliteSearchIndex } from '#app/store/dialect/sqlite-search-index.ts';

/**
 * The part of full-text search that differs by database. Both keep the same
 * `trip_search_documents(trip_id, title, body, terms)` rows, `terms` being the space-separated
 * index terms; SQLite indexes them with an FTS5 table, PostgreSQL with a GIN index over the
 * term array. Both answer "which documents hold every one of these terms" exactly, so the
 * results are the same.
 */
export interface SearchIndexDialect {
  /** Creates `trip_search_documents` and its term index. */
  createSchema(db: Kysely<any>): Promise<void>;
  /** Drops what createSchema made. */
  dropSchema(db: Kysely<any>): Promise<void>;
  /** Adds the term index entries of document rows just inserted. */
  indexDocuments(db: Kysely<any>, tripIds: readonly string[]): Promise<void>;
  /** Removes the term index entries of document rows about to be deleted. */
  unindexDocuments(db: Kysely<any>, tripIds: readonly string[]): Promise<void>;
  /** Condition on the document row aliased `d`: it holds every term (terms non-empty). */
  holdsAllTerms(terms: readonly string[]): RawBuilder<SqlBool>;
  /** How many documents hold every term (terms non-empty), from the term index alone. */
  countHoldingAllTerms(db: Kysely<any>, terms: readonly string[]): Promise<number>;
}

/** The search index implementation for the database behind `db` (a handle or a transaction). */
export function searchIndexDialectOf(db: Kysely<any>): SearchIndexDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresSearchIndex : sqliteSearchIndex;
}
