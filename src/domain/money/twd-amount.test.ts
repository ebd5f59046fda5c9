import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTwdAmount, parseTwdAmount } from '#app/domain/money/twd-amount.ts';

describe('parseTwdAmount', () => {
  it.each([
    ['新臺幣 51 萬 2,005 元', 512005],
    ['新臺幣1,482,300元', 1482300],
    ['新臺幣 229 萬 4,129 元', 2294129],
    ['新臺幣 10 萬8,170 元', 108170],
    ['新臺幣 10 萬 8,170 元', 108170],
    ['新臺幣 47 萬 8,236 元', 478236],
    ['新臺幣 195 萬 6,967 元', 1956967],
    ['新台幣 42 萬 3,293 元', 423293],
    ['新台幣512,005元整', 512005],
    ['NT$ 612,480', 612480],
    ['NT$612,480', 612480],
    ['NTD 612,480', 612480],
    ['TWD 612,480', 612480],
    ['twd 612480', 612480],
    ['612,480 元', 612480],
    ['612480', 612480],
    ['51萬元', 510000],
    ['51 萬', 510000],
    ['51.5萬元', 515000],
    ['1億2,000萬元', 120000000],
    ['1億元', 100000000],
    ['1 億 2,000 萬 5 元', 120000005],
    ['1億5元', 100000005],
    ['2.5億元', 250000000],
    ['新臺幣０元', 0],
    ['新臺幣５１萬２，００５元', 512005],
    ['ＮＴ＄６１２，４８０', 612480],
    ['新臺幣 1,234.00 元', 1234],
    ['新臺幣 10 萬\n8,170 元', 108170],
  ])('reads %j as %i settled', (text, amount) => {
    expect(parseTwdAmount(text)).toEqual({ ok: true, value: { amount, status: 'settled' } });
  });

  it.each([
    ['核銷中', 'settling'],
    ['尚待核銷', 'settling'],
    [' 核 銷 中 ', 'settling'],
    ['尚待彙整', 'pending'],
    ['彙整中', 'pending'],
    ['相關經費尚待彙整', 'pending'],
    ['相關經費及成果尚待彙整資料中。', 'pending'],
  ] as const)('reads %j as no amount yet, %s', (text, status) => {
    expect(parseTwdAmount(text)).toEqual({ ok: true, value: { amount: null, status } });
  });

  it('keeps a stated amount next to a settlement status', () => {
    expect(parseTwdAmount('新臺幣 51 萬元（核銷中）')).toEqual({ ok: true, value: { amount: 510000, status: 'settling' } });
    expect(parseTwdAmount('核銷中(NT$ 612,480)')).toEqual({ ok: true, value: { amount: 612480, status: 'settling' } });
  });

  it.each([
    ['', 'empty', 'the amount is empty'],
    ['   ', 'empty', 'the amount is empty'],
    ['不詳', 'unreadable', '"不詳" has no amount; expected a form like 新臺幣 51 萬 2,005 元, NT$ 612,480, 核銷中 or 尚待彙整'],
    ['新臺幣元', 'unreadable', '"新臺幣元" has no amount; expected a form like 新臺幣 51 萬 2,005 元, NT$ 612,480, 核銷中 or 尚待彙整'],
    ['新臺幣 51 萬 2,005 元 另計', 'unreadable', '"新臺幣 51 萬 2,005 元 另計" is not an amount of money; expected a form like 新臺幣 51 萬 2,005 元, NT$ 612,480, 核銷中 or 尚待彙整'],
    ['萬元', 'unreadable', '"萬元" has no amount; expected a form like 新臺幣 51 萬 2,005 元, NT$ 612,480, 核銷中 or 尚待彙整'],
    ['1.2.3元', 'unreadable', '"1.2.3" in "1.2.3元" is not a number'],
    ['5.萬', 'unreadable', '"5." in "5.萬" is not a number'],
    ['1,234.5元', 'not-integer', '"1,234.5元" has a fraction of a dollar; amounts are whole TWD'],
    ['1.23456萬元', 'not-integer', '"1.23456萬元" has a fraction of a dollar; amounts are whole TWD'],
    ['-1,000元', 'negative', '"-1,000元" is negative; an amount spent cannot be'],
    ['新臺幣 −500 元', 'negative', '"新臺幣 −500 元" is negative; an amount spent cannot be'],
    ['新臺幣負500元', 'negative', '"新臺幣負500元" is negative; an amount spent cannot be'],
    ['1,23,4', 'malformed-grouping', '"1,23,4" in "1,23,4" has malformed thousands groups; commas must separate groups of three digits'],
    ['12,34元', 'malformed-grouping', '"12,34" in "12,34元" has malformed thousands groups; commas must separate groups of three digits'],
    [',123元', 'malformed-grouping', '",123" in ",123元" has malformed thousands groups; commas must separate groups of three digits'],
    ['51萬12,005元', 'malformed', '"12,005" after 萬 in "51萬12,005元" must be below 10,000'],
    ['1億12,000萬元', 'malformed', '"12,000" after 億 in "1億12,000萬元" must be below 100,000,000'],
    ['1.5萬200元', 'malformed', '"1.5萬200元" has a decimal 萬 amount followed by more digits'],
    ['約新臺幣 51 萬元', 'approximate', '"約新臺幣 51 萬元" is an approximate amount; record the exact figure'],
    ['新臺幣約51萬元', 'approximate', '"新臺幣約51萬元" is an approximate amount; record the exact figure'],
    ['USD 20,000', 'not-twd', '"USD 20,000" is not in New Taiwan dollars'],
    ['美金2萬元', 'not-twd', '"美金2萬元" is not in New Taiwan dollars'],
    ['新臺幣 10,001 億元', 'too-large', '"新臺幣 10,001 億元" is more than 1,000,000,000,000 TWD, which no trip costs'],
    ['核銷中，尚待彙整', 'conflicting-status', '"核銷中，尚待彙整" says both that settlement is in progress and that figures are still being compiled'],
  ])('rejects %j with %s', (text, code, message) => {
    expect(parseTwdAmount(text)).toEqual({ ok: false, error: { kind: 'money', code, input: text, message } });
  });
});

describe('formatTwdAmount', () => {
  it.each([
    [0, '新臺幣 0 元'],
    [5, '新臺幣 5 元'],
    [8170, '新臺幣 8,170 元'],
    [9999, '新臺幣 9,999 元'],
    [10000, '新臺幣 1 萬元'],
    [100000, '新臺幣 10 萬元'],
    [108170, '新臺幣 10 萬 8,170 元'],
    [512005, '新臺幣 51 萬 2,005 元'],
    [2294129, '新臺幣 229 萬 4,129 元'],
    [100000000, '新臺幣 1 億元'],
    [100000005, '新臺幣 1 億 5 元'],
    [120000005, '新臺幣 1 億 2,000 萬 5 元'],
    [1e12, '新臺幣 10,000 億元'],
  ])('writes %i as %s', (amount, text) => {
    expect(formatTwdAmount(amount)).toBe(text);
  });

  it.each([
    [-5, '新臺幣 -5 元'],
    [1.5, '新臺幣 1.5 元'],
    [Number.NaN, '新臺幣 NaN 元'],
  ])('writes the invalid value %d plainly, which does not parse back', (amount, text) => {
    expect(formatTwdAmount(amount)).toBe(text);
    expect(parseTwdAmount(text).ok).toBe(false);
  });

  it('round-trips every whole amount from 0 to 10^11', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (amount) => {
        expect(parseTwdAmount(formatTwdAmount(amount))).toEqual({ ok: true, value: { amount, status: 'settled' } });
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips amounts made of round 萬 and 億 parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }), (yi, wan, rest) => {
        const amount = yi * 1e8 + wan * 1e4 + rest;
        expect(parseTwdAmount(formatTwdAmount(amount))).toEqual({ ok: true, value: { amount, status: 'settled' } });
      }),
    );
  });
});
