import { TITLE_TERM_MARK, type SearchDocument } from '#app/domain/search/search-document.ts';
import { bigramsOf, textRuns } from '#app/domain/search/text-runs.ts';
import type { SearchPlan } from '#app/domain/search/search-plan.ts';

/** Relevance tiers, best first: the whole query in the title, the whole query anywhere, every token somewhere. */
export const RANK = { phraseInTitle: 2, phraseInBody: 1, allTokens: 0 } as const;

/** Whether a trip's search document satisfies a plan; the reference the SQL query must agree with. */
export function matchesPlan(doc: SearchDocument, plan: SearchPlan): boolean {
  const terms = new Set(doc.terms);
  return plan.terms.every((t) => terms.has(t)) && plan.verify.every((v) => doc.body.includes(v));
}

/** Relevance tier of a matching document (see RANK); the SQL ranking computes the same. */
export function rankOf(doc: Pick<SearchDocument, 'title' | 'body'>, plan: SearchPlan): number {
  if (plan.phrase !== '' && doc.title.includes(plan.phrase)) return RANK.phraseInTitle;
  if (plan.phrase !== '' && doc.body.includes(plan.phrase)) return RANK.phraseInBody;
  return RANK.allTokens;
}

/**
 * Index terms every document whose title contains the plan's phrase holds: the phrase's bigrams
 * marked as title terms. Only for a phrase that is one CJK run of two or more characters — then
 * the title tier is exactly the documents holding these terms whose title contains the phrase,
 * and it can be read from the index. Null for anything else (Latin words match whole words in
 * the index but substrings in a title).
 */
export function titleTierTerms(plan: SearchPlan): string[] | null {
  const runs = textRuns(plan.phrase);
  if (runs.length !== 1 || runs[0]!.kind !== 'gram' || runs[0]!.text !== plan.phrase) return null;
  const grams = bigramsOf(plan.phrase);
  return grams.length > 0 ? [...new Set(grams)].map((g) => TITLE_TERM_MARK + g) : null;
}
