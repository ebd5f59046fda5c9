import type { Kysely } from 'kysely';
import { rebuildSearchIndex } from '#app/store/search/trip-search-index.ts';

/**
 * Search documents gain title terms (`§名古`, src/domain/search/search-document.ts), so the best
 * relevance tier is read from the index. Every stored trip's document is written again; about a
 * minute per 100,000 trips, once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuildSearchIndex(db);
}

/** Title terms are harmless to an older version (it never asks for them); nothing to undo. */
export async function down(): Promise<void> {}
