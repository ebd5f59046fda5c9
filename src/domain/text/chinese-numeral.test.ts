import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '#app/domain/text/chinese-numeral.ts';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

// Reference writer, independent of the parser, for the property test.
function write(n: number): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h > 0 ? `${DIGITS[h]}百` : '';
  if (t > 0) s += h === 0 && t === 1 ? '十' : `${DIGITS[t]}十`;
  else if (h > 0 && u > 0) s += '零';
  if (u > 0) s += DIGITS[u];
  return s;
}

describe('parseChineseNumeral', () => {
  it.each([
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['二', 2],
    ['兩', 2],
    ['九', 9],
    ['十', 10],
    ['十三', 13],
    ['二十', 20],
    ['二十一', 21],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百十', 110],
    ['一百二十三', 123],
    ['兩百', 200],
    ['兩百五十', 250],
    ['九百九十九', 999],
    ['一〇七', 107],
    ['一零七', 107],
    ['一一二', 112],
    ['0', 0],
    ['7', 7],
    ['12', 12],
    ['007', 7],
    ['１２', 12],
    ['１０７', 107],
    [' 十三 ', 13],
    ['十 三', 13],
  ])('reads %s as %i', (text, value) => {
    expect(parseChineseNumeral(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'unreadable'],
    ['七人', 'unreadable'],
    ['1百', 'unreadable'],
    ['-3', 'unreadable'],
    ['3.5', 'unreadable'],
    ['十十', 'malformed'],
    ['百百', 'malformed'],
    ['二十兩', 'malformed'],
    ['兩十', 'malformed'],
    ['一百零', 'malformed'],
    ['零五', 'malformed'],
    ['十零', 'malformed'],
    ['五十零', 'malformed'],
    ['二百零十', 'malformed'],
    ['9'.repeat(20), 'too-large'],
  ])('rejects %j with %s', (text, code) => {
    const r = parseChineseNumeral(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ kind: 'numeral', code, input: text });
      expect(r.error.message.length).toBeGreaterThan(10);
    }
  });

  it('names the stray character', () => {
    const r = parseChineseNumeral('十x');
    expect(!r.ok && r.error.message).toBe('"十x" is not a number: it has "x", which is not a numeral character');
  });

  it('reads every composed numeral from 1 to 999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (n) => {
        expect(parseChineseNumeral(write(n))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('reads every numeral from 1 to 99 (the headcount range)', () => {
    for (let n = 1; n <= 99; n++) expect(parseChineseNumeral(write(n))).toEqual({ ok: true, value: n });
  });
});
