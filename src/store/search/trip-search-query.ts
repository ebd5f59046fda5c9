import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { RANK, titleTierTerms } from '#app/domain/search/search-ranking.ts';
import { planSearch, type SearchPlan } from '#app/domain/search/search-plan.ts';
import { searchIndexDialectOf } from '#app/store/dialect/search-index-dialect.ts';

/** Escapes LIKE wildcards so text matches literally (with ESCAPE '\'). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * SQL pieces that filter and rank trips by a search plan, over `trips` joined with its search
 * document as `d` (`trip_search_documents as d on d.trip_id = trips.id`). A join rather than a
 * correlated lookup per trip: on a common word (花博, 26,000 of 100,000 trips) the document's
 * title comes from a covering index in the same pass that finds the trip (migration 0009).
 */
export interface TripSearchSql {
  /** True for a document that matches: every index term, then every substring that needs checking. */
  matches: RawBuilder<SqlBool>;
  /** Relevance tier of the document (see RANK in the domain), higher first. */
  rank: RawBuilder<number>;
  /**
   * True exactly for the matches of the best tier (the phrase in the title), answered from the
   * title terms; undefined when the plan's phrase is not one the index can prove in a title.
   * A title holding the phrase holds every token and checked substring too (the title is a
   * field of the body), so no other condition is needed.
   */
  titleTier?: RawBuilder<SqlBool>;
}

/**
 * True when every trip the plan matches contains the whole phrase in its body: a single token
 * that is the phrase, and either checked with LIKE on the body (verify) or its own one index term
 * (a two-character CJK word or a Latin word, which occur in the body as written since terms are
 * taken from the body's text).
 */
export function matchesHoldPhrase(plan: SearchPlan): boolean {
  if (plan.tokens.length !== 1) return false;
  const token = plan.tokens[0]!;
  if (token.text !== plan.phrase) return false;
  return plan.verify.includes(plan.phrase) || (token.terms.length === 1 && token.terms[0] === token.text);
}

/** Builds the match condition and rank expression of a plan, over the search document `d`. */
export function tripSearchSql(db: Kysely<any>, plan: SearchPlan): TripSearchSql {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (plan.terms.length > 0) conditions.push(searchIndexDialectOf(db).holdsAllTerms(plan.terms));
  for (const text of plan.verify) conditions.push(sql<SqlBool>`d.body like ${containsPattern(text)} escape '\\'`);
  const phrase = containsPattern(plan.phrase);
  // When every match is known to hold the whole phrase, the body need not be read again to rank
  // it: the tier is phraseInTitle or phraseInBody. Same order, without a LIKE over thousands of
  // bodies for a common word.
  const bodyTier = matchesHoldPhrase(plan) ? sql.lit(RANK.phraseInBody) : sql`case when d.body like ${phrase} escape '\\' then ${sql.lit(RANK.phraseInBody)} else ${sql.lit(RANK.allTokens)} end`;
  const titleTerms = titleTierTerms(plan);
  return {
    matches: conditions.length > 0 ? sql<SqlBool>`(${sql.join(conditions, sql` and `)})` : sql<SqlBool>`1 = 0`,
    rank: sql<number>`(case when d.title like ${phrase} escape '\\' then ${sql.lit(RANK.phraseInTitle)} else ${bodyTier} end)`,
    ...(titleTerms ? { titleTier: sql<SqlBool>`(${searchIndexDialectOf(db).holdsAllTerms(titleTerms)} and d.title like ${phrase} escape '\\')` } : {}),
  };
}

/**
 * Ids of matching trips, best first (rank, then latest start), and how many match; for tools and
 * benchmarks. Ranked as TripRepository.list ranks: the title tier from the title terms first.
 */
export async function searchTripIds(db: Kysely<any>, query: string, page: { limit: number; offset: number }): Promise<{ ids: string[]; total: number }> {
  const plan = planSearch(query);
  const search = tripSearchSql(db, plan);
  const total = await countMatchingDocuments(db, plan, search);
  const joined = (condition: RawBuilder<SqlBool>) => db.selectFrom('trips').innerJoin('trip_search_documents as d', 'd.trip_id', 'trips.id').where(condition);
  const tier: { id: string }[] | undefined = await titleTierPage(search, page, total, (condition, need) =>
    joined(condition).select('trips.id').orderBy('trips.start_date', 'desc').orderBy('trips.id').limit(need).execute(),
  );
  const rows: { id: string }[] = tier ?? (await joined(search.matches).select('trips.id').orderBy(search.rank, 'desc').orderBy('trips.start_date', 'desc').orderBy('trips.id').limit(page.limit).offset(page.offset).execute());
  return { ids: rows.map((r) => r.id), total };
}

/**
 * The page of a relevance-ordered search when the best tier (the phrase in the title) fills it:
 * `read(condition, n)` gives the first `n` trips meeting `condition`, latest start first, then by
 * id. Read from the title terms, the tier is a few hundred trips where the whole match set can be
 * tens of thousands, and when it reaches past the page (or holds every match) the page is the
 * full ranking's. Undefined when the plan has no title tier or the page reaches past it.
 */
export async function titleTierPage<R>(
  search: TripSearchSql,
  page: { limit: number; offset: number },
  total: number,
  read: (condition: RawBuilder<SqlBool>, n: number) => Promise<R[]>,
): Promise<R[] | undefined> {
  if (!search.titleTier) return undefined;
  const need = page.offset + page.limit;
  const rows = await read(search.titleTier, need);
  return rows.length === need || rows.length === total ? rows.slice(page.offset) : undefined;
}

/** How many documents match a plan: from the term index alone when no substring needs checking. */
export async function countMatchingDocuments(db: Kysely<any>, plan: SearchPlan, search: TripSearchSql = tripSearchSql(db, plan)): Promise<number> {
  if (plan.verify.length === 0 && plan.terms.length > 0) return searchIndexDialectOf(db).countHoldingAllTerms(db, plan.terms);
  const count = await db.selectFrom('trip_search_documents as d').where(search.matches).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(count.n);
}
