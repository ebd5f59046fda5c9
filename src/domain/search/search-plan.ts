import { normalizeSearchText } from '#app/domain/search/normalize-search-text.ts';
import { bigramsOf, textRuns } from '#app/domain/search/text-runs.ts';

/** One part of a query that must occur in a trip: its index terms and whether the text must be checked too. */
export interface SearchToken {
  text: string;
  /** Index terms that every matching trip holds (bigrams or the word); none for a single CJK character. */
  terms: string[];
  /** True when holding the terms does not prove the text occurs as written (3+ CJK characters, or 1). */
  verify: boolean;
}

/** How a query is answered: find trips holding every index term, then check the listed substrings. */
export interface SearchPlan {
  /** The whole query, normalised; trips containing it rank first. */
  phrase: string;
  tokens: SearchToken[];
  /** Distinct index terms of all tokens. */
  terms: string[];
  /** Substrings each matching trip's body must contain. */
  verify: string[];
}

const segmenter = new Intl.Segmenter('zh-TW', { granularity: 'word' });

/**
 * Splits a CJK run into words with the ICU dictionary, then joins the single characters it
 * leaves (names and place names the dictionary does not know: 呂|曜|志, 昌|原市) to their
 * neighbours, because a lone character has no bigram to look up.
 */
export function cjkWordsOf(run: string): string[] {
  const pieces = [...segmenter.segment(run)].map((s) => s.segment);
  const grouped: string[] = [];
  let singles = '';
  for (const piece of pieces) {
    if ([...piece].length === 1) {
      singles += piece;
      continue;
    }
    if (singles) grouped.push(singles);
    singles = '';
    grouped.push(piece);
  }
  if (singles) grouped.push(singles);
  const words: string[] = [];
  for (let i = 0; i < grouped.length; i++) {
    const word = grouped[i]!;
    if ([...word].length > 1 || grouped.length === 1) words.push(word);
    else if (words.length > 0) words[words.length - 1] += word;
    else grouped[i + 1] = word + grouped[i + 1]!;
  }
  return words;
}

/** Plans a free-text query: whitespace, punctuation and script changes separate tokens; all tokens must match. */
export function planSearch(query: string): SearchPlan {
  const phrase = normalizeSearchText(query).replace(/\s+/g, ' ').trim();
  const tokens: SearchToken[] = [];
  // Spaces the user typed separate tokens even between CJK words (林佳龍 花博), so each chunk
  // is normalised on its own; the phrase drops them as the index does.
  const runs = query.split(/[\s\u3000]+/).flatMap((chunk) => textRuns(normalizeSearchText(chunk)));
  for (const run of runs) {
    if (run.kind === 'word') {
      tokens.push({ text: run.text, terms: [run.text], verify: false });
      continue;
    }
    for (const word of cjkWordsOf(run.text)) {
      const length = [...word].length;
      tokens.push({ text: word, terms: bigramsOf(word), verify: length !== 2 });
    }
  }
  const verify = tokens.filter((t) => t.verify).map((t) => t.text);
  if (tokens.length === 0 && phrase !== '') verify.push(phrase);
  return { phrase, tokens, terms: [...new Set(tokens.flatMap((t) => t.terms))], verify };
}
