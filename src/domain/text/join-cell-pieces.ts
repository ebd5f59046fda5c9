const OPENING_TAGS = /^(?:\s|<(?:p|li|ol|ul|div|span)\b[^>]*>)+/i;
const CLOSING_TAGS = /(?:\s|<\/(?:p|li|ol|ul|div|span)>)+$/i;
const LATIN_OR_DIGIT = /[A-Za-z0-9\u00C0-\u024F]/;

/**
 * Joins the pieces of one table cell that a page break split over several rows.
 * A page break is not a paragraph break: `三</p>` + `<p>方共同努力` is one sentence, so the
 * tags at the cut are dropped and the text is joined without a space, except between two
 * Latin words or numbers (`Gérard` + `WOLF`).
 */
export function joinCellPieces(pieces: readonly string[]): string {
  let joined = '';
  for (const raw of pieces) {
    if (raw.trim() === '') continue;
    if (joined === '') {
      joined = raw.trim();
      continue;
    }
    const left = joined.replace(CLOSING_TAGS, '');
    const right = raw.replace(OPENING_TAGS, '').trimEnd();
    const needsSpace = LATIN_OR_DIGIT.test(left.slice(-1)) && LATIN_OR_DIGIT.test(right.charAt(0));
    joined = left + (needsSpace ? ' ' : '') + right;
  }
  return joined;
}
