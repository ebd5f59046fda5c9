import type { Kysely } from 'kysely';
import { searchIndexDialectOf } from '#app/store/dialect/search-index-dialect.ts';
import { rebuildSearchIndex } from '#app/store/search/trip-search-index.ts';

/** Full-text search documents and their term index, built for the trips already stored. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await searchIndexDialectOf(db).createSchema(db);
  await rebuildSearchIndex(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await searchIndexDialectOf(db).dropSchema(db);
}
