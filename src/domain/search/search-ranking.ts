import type { SearchDocument } from '#app/domain/search/search-document.ts';
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
