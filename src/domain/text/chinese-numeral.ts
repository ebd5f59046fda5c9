import { fail, ok, type Parsed } from '#app/domain/result.ts';
import { removeSpaces, toHalfWidth } from '#app/domain/text/normalize-text.ts';

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const NUMERAL_CHARS = /^[零〇一二兩三四五六七八九十百]+$/;

// 兩 is only idiomatic as a count of hundreds (兩百) or on its own (兩人); 二十兩 is not a number.
const COMPOSED = /^(?:([一二兩三四五六七八九])百)?(?:(零)|([一二三四五六七八九])?(十))?([一二三四五六七八九])?$/;

// Digit-by-digit numerals (一〇七, 一一二) are how ROC years are written in formal documents.
const POSITIONAL = /^[一二三四五六七八九][〇零一二三四五六七八九]+$/;

function digit(ch: string | undefined): number {
  return ch === undefined ? 0 : (DIGIT_VALUES[ch] ?? 0);
}

/** Reads a count written in Chinese numerals (零..九, 兩, 十, 百; up to 999) or Arabic digits, half- or full-width. */
export function parseChineseNumeral(text: string): Parsed<number> {
  const compact = removeSpaces(toHalfWidth(text));
  if (compact === '') return fail('numeral', 'empty', text, 'the numeral is empty');

  if (/^[0-9]+$/.test(compact)) {
    const value = Number(compact);
    if (!Number.isSafeInteger(value)) return fail('numeral', 'too-large', text, `"${text}" is too large to be a count`);
    return ok(value);
  }

  if (!NUMERAL_CHARS.test(compact)) {
    const stray = [...compact].find((ch) => !/[0-9零〇一二兩三四五六七八九十百]/.test(ch)) ?? compact;
    const why = /[0-9]/.test(compact) && stray === compact ? 'mixes Arabic digits and Chinese numerals' : `has "${stray}", which is not a numeral character`;
    return fail('numeral', 'unreadable', text, `"${text}" is not a number: it ${why}`);
  }

  if (compact === '零' || compact === '〇') return ok(0);
  if (compact === '兩') return ok(2);

  if (POSITIONAL.test(compact)) {
    return ok(Number([...compact].map((ch) => String(digit(ch))).join('')));
  }

  const m = COMPOSED.exec(compact);
  if (m) {
    const [, hundreds, zero, tensDigit, ten, units] = m;
    // 零 stands for a skipped tens place, so it needs a hundreds place before it and a unit after it.
    const zeroMisplaced = zero !== undefined && (hundreds === undefined || units === undefined);
    // A tens digit without 十 is no numeral; the regex cannot express that tensDigit implies ten.
    const tensWithoutTen = tensDigit !== undefined && ten === undefined;
    if (!zeroMisplaced && !tensWithoutTen && (hundreds ?? zero ?? ten ?? units) !== undefined) {
      const tens = ten === undefined ? 0 : tensDigit === undefined ? 1 : digit(tensDigit);
      return ok(digit(hundreds) * 100 + tens * 10 + digit(units));
    }
  }
  return fail('numeral', 'malformed', text, `"${text}" is not a well-formed Chinese numeral (expected forms like 七, 十三, 二十一, 一百零五)`);
}
