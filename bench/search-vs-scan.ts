import { sql, type Kysely } from 'kysely';
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

/** The scan the index replaces: the lower-cased `search_text` column filtered with LIKE. */
async function scan(db: Kysely<any>, query: string): Promise<number> {
  const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = sql<boolean>`search_text like ${pattern} escape '\\'`;
  const count = await db.selectFrom('trips').where(where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await db.selectFrom('trips').where(where).select('id').orderBy('start_date', 'desc').orderBy('id').limit(20).execute();
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
