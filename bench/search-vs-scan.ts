import { sql, type Kysely } from 'kysely';
import { normalizeSearchText } from '#app/domain/search/normalize-search-text.ts';
import { searchTripIds } from '#app/store/search/trip-search-query.ts';

/** Indexed search against a plain `LIKE '%…%'` scan of the same trips, both counting and fetching the first page. */
export interface SearchComparison {
  query: string;
  indexedTotal: number;
  scanTotal: number;
  indexedMs: number;
  scanMs: number;
  /** scanMs / indexedMs: how many times faster the index is. */
  speedup: number;
}

async function medianMs(repeats: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await work();
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * The scan the index replaces: a plain `LIKE '%…%'` over the same text the index holds (each
 * trip's normalised searchable fields, `trip_search_documents.body`), counting and fetching the
 * first page latest first. (Before migration 0008 this scanned `trips.search_text`, a lower-cased
 * copy of the same fields, now dropped.)
 */
async function scan(db: Kysely<any>, query: string): Promise<number> {
  const pattern = `%${normalizeSearchText(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = sql<boolean>`d.body like ${pattern} escape '\\'`;
  const count = await db.selectFrom('trip_search_documents as d').where(where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await db.selectFrom('trips').innerJoin('trip_search_documents as d', 'd.trip_id', 'trips.id').where(where).select('trips.id').orderBy('trips.start_date', 'desc').orderBy('trips.id').limit(20).execute();
  return Number(count.n);
}

/** Times each query both ways (median of `repeats` after one warm-up). */
export async function compareSearchWithScan(db: Kysely<any>, queries: readonly string[], repeats: number): Promise<SearchComparison[]> {
  const results: SearchComparison[] = [];
  for (const query of queries) {
    const indexedTotal = (await searchTripIds(db, query, { limit: 20, offset: 0 })).total;
    const scanTotal = await scan(db, query);
    const indexedMs = await medianMs(repeats, () => searchTripIds(db, query, { limit: 20, offset: 0 }));
    const scanMs = await medianMs(repeats, () => scan(db, query));
    results.push({ query, indexedTotal, scanTotal, indexedMs, scanMs, speedup: scanMs / indexedMs });
  }
  return results;
}
