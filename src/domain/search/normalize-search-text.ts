import { removeCjkSpaces } from '#app/domain/text/normalize-text.ts';

// Characters written two ways in Taiwanese government text; both sides of a search fold to
// one form so that 台中 finds 臺中 and 姐妹市 finds 姊妹市.
const VARIANTS: Record<string, string> = { 臺: '台', 姐: '姊', 裏: '裡', 峯: '峰', 綫: '線' };
const VARIANT_PATTERN = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'g');

/**
 * Folds text to the form both the index and the query use: NFKC (full-width to half-width),
 * lower case, one form per variant character, and no spaces next to CJK characters (PDF
 * extraction puts them inside words: `2015 年`, `柳 嘉峰`).
 */
export function normalizeSearchText(text: string): string {
  return removeCjkSpaces(text.normalize('NFKC').toLowerCase().replace(VARIANT_PATTERN, (c) => VARIANTS[c] ?? c));
}
