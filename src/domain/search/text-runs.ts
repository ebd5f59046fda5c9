// Chinese, Japanese and Korean text has no spaces between words, so it is indexed as
// overlapping character pairs (bigrams); other scripts are indexed as whole words. A run is a
// maximal stretch of one of the two kinds; letters and digits form separate word runs so
// `ICLEI2015` and `g20` are found by `ICLEI` and `20`.

const GRAM = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const RUN = new RegExp(String.raw`([${GRAM}]+)|((?:(?![${GRAM}])[\p{L}\p{M}])+)|(\p{N}+)`, 'gu');
const GRAM_CHAR = new RegExp(`^[${GRAM}]$`, 'u');

/** A stretch of text indexed one way: `gram` (CJK, by bigrams) or `word` (letters or digits). */
export interface TextRun {
  kind: 'gram' | 'word';
  text: string;
}

/** Splits normalised text into gram and word runs; punctuation and spaces separate runs and are dropped. */
export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const match of text.matchAll(RUN)) {
    runs.push({ kind: match[1] ? 'gram' : 'word', text: match[0] });
  }
  return runs;
}

/** True for a character indexed by bigrams (Han, kana, Hangul). */
export function isGramChar(ch: string): boolean {
  return GRAM_CHAR.test(ch);
}

/** Overlapping pairs of characters of a CJK run (`名古屋` → 名古, 古屋); none for a single character. */
export function bigramsOf(run: string): string[] {
  const chars = [...run];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Index terms of a run: its bigrams, or the word itself. */
export function termsOfRun(run: TextRun): string[] {
  return run.kind === 'gram' ? bigramsOf(run.text) : [run.text];
}
