import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { RANK } from '#app/domain/search/search-ranking.ts';
import { planSearch, type SearchPlan } from '#app/domain/search/search-plan.ts';
import { searchIndexDialectOf } from '#app/store/dialect/search-index-dialect.ts';

/** Escapes LIKE wildcards so text matches literally (with ESCAPE '\'). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL pieces that filter and rank trips (table `trips`) by a search plan. */
export interface TripSearchSql {
  /** True for a trip that matches: every index term, then every substring that needs checking. */
  matches: RawBuilder<SqlBool>;
  /** Relevance tier of the trip (see RANK in the domain), higher first. */
  rank: RawBuilder<number>;
}

/** Builds the match condition and rank expression of a plan for queries over `trips`. */
export function tripSearchSql(db: Kysely<any>, plan: SearchPlan): TripSearchSql {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (plan.terms.length > 0) conditions.push(searchIndexDialectOf(db).holdsAllTerms(plan.terms));
  for (const text of plan.verify) conditions.push(sql<SqlBool>`d.body like ${containsPattern(text)} escape '\\'`);
  const where = conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`1 = 0`;
  const phrase = containsPattern(plan.phrase);
  return {
    matches: sql<SqlBool>`trips.id in (select d.trip_id from trip_search_documents d where ${where})`,
    rank: sql<number>`(select case when d.title like ${phrase} escape '\\' then ${sql.lit(RANK.phraseInTitle)} when d.body like ${phrase} escape '\\' then ${sql.lit(RANK.phraseInBody)} else ${sql.lit(RANK.allTokens)} end from trip_search_documents d where d.trip_id = trips.id)`,
  };
}

/** Ids of matching trips, best first (rank, then latest start), and how many match; for tools and benchmarks. */
export async function searchTripIds(db: Kysely<any>, query: string, page: { limit: number; offset: number }): Promise<{ ids: string[]; total: number }> {
  const search = tripSearchSql(db, planSearch(query));
  const base = db.selectFrom('trips').where(search.matches);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows: { id: string }[] = await base.select('trips.id').orderBy(search.rank, 'desc').orderBy('trips.start_date', 'desc').orderBy('trips.id').limit(page.limit).offset(page.offset).execute();
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}
