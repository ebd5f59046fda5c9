import { fail, ok, type Parsed } from '#app/domain/result.ts';
import { parseChineseNumeral } from '#app/domain/text/chinese-numeral.ts';
import { removeSpaces, toHalfWidth } from '#app/domain/text/normalize-text.ts';

const COUNT_WORD = '(?:等|共計|合計|總計|共|計|一行)';
const NUMBER = '[0-9０-９〇零一二兩三四五六七八九十百]+';
const PHRASE = new RegExp(`^${COUNT_WORD}?(${NUMBER})[人名位]$`);
// The phrase as it sits at the end of a delegation cell, spaces and brackets included: `…柳 嘉峰 等七人`, `…（共 6 人）`.
const TRAILING = new RegExp(`[(（]?\\s*(${COUNT_WORD})?\\s*(${NUMBER}(?:\\s+${NUMBER})*)\\s*[人名位]\\s*[)）]?\\s*$`);
const SEPARATORS = /[\s、，,；;及和與暨]+$/;

/** Reads a stated delegation size: 等七人, 等十三人, 等5人, 共 6 人, 計十二人, 七人, full-width digits. */
export function parseHeadcount(text: string): Parsed<number> {
  const compact = removeSpaces(toHalfWidth(text));
  if (compact === '') return fail('headcount', 'empty', text, 'the headcount is empty');
  const m = PHRASE.exec(compact);
  if (!m) return fail('headcount', 'unreadable', text, `"${text}" is not a headcount; expected a form like 等七人, 共 6 人 or 5 人`);
  const n = parseChineseNumeral(m[1] ?? '');
  if (!n.ok) return fail('headcount', 'invalid-number', text, `the number in "${text}" is not readable: ${n.error.message}`);
  if (n.value < 1) return fail('headcount', 'not-positive', text, `"${text}" counts no one; a delegation has at least one person`);
  return ok(n.value);
}

/**
 * Splits a delegation cell into the names and the trailing headcount phrase: `市長林佳龍、觀旅局局長陳盛山等六人`
 * → names `市長林佳龍、觀旅局局長陳盛山`, headcount 6. Without a readable phrase the whole cell is names.
 */
export function splitHeadcount(cell: string): { names: string; headcount: number | null } {
  const m = TRAILING.exec(cell);
  if (m) {
    const before = cell.slice(0, m.index);
    // Without 等/共/計 the number must stand apart, or a name ending in 一/二… (王大一人?) would be cut.
    const standsApart = m[1] !== undefined || before.trim() === '' || /^[\s(（]/.test(m[0]) || /[、，,；;]$/.test(before);
    const count = parseHeadcount(m[0].replace(/[(（)）]/g, ''));
    if (standsApart && count.ok) {
      return { names: before.replace(SEPARATORS, '').trim(), headcount: count.value };
    }
  }
  return { names: cell.trim(), headcount: null };
}
