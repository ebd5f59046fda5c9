import { describe, expect, it } from 'vitest';
import { parseHeadcount, splitHeadcount } from '#app/domain/delegation/headcount.ts';

describe('parseHeadcount', () => {
  it.each([
    ['等七人', 7],
    ['等十三人', 13],
    ['等二人', 2],
    ['等兩人', 2],
    ['等5人', 5],
    ['等 5 人', 5],
    ['共 6 人', 6],
    ['共6人', 6],
    ['共計6人', 6],
    ['合計 6 人', 6],
    ['計十二人', 12],
    ['一行七人', 7],
    ['七人', 7],
    ['5 人', 5],
    ['5名', 5],
    ['三位', 3],
    ['等９９人', 99],
    ['等１３人', 13],
    ['等九十九人', 99],
    ['共 一百零五 人', 105],
  ])('reads %j as %i', (text, n) => {
    expect(parseHeadcount(text)).toEqual({ ok: true, value: n });
  });

  it.each([
    ['', 'empty', 'the headcount is empty'],
    [' ', 'empty', 'the headcount is empty'],
    ['市長林佳龍', 'unreadable', '"市長林佳龍" is not a headcount; expected a form like 等七人, 共 6 人 or 5 人'],
    ['等人', 'unreadable', '"等人" is not a headcount; expected a form like 等七人, 共 6 人 or 5 人'],
    ['七', 'unreadable', '"七" is not a headcount; expected a form like 等七人, 共 6 人 or 5 人'],
    ['等7.5人', 'unreadable', '"等7.5人" is not a headcount; expected a form like 等七人, 共 6 人 or 5 人'],
    ['等十十人', 'invalid-number', 'the number in "等十十人" is not readable: "十十" is not a well-formed Chinese numeral (expected forms like 七, 十三, 二十一, 一百零五)'],
    ['等1十人', 'invalid-number', 'the number in "等1十人" is not readable: "1十" is not a number: it mixes Arabic digits and Chinese numerals'],
    ['等0人', 'not-positive', '"等0人" counts no one; a delegation has at least one person'],
    ['共零人', 'not-positive', '"共零人" counts no one; a delegation has at least one person'],
  ])('rejects %j with %s', (text, code, message) => {
    expect(parseHeadcount(text)).toEqual({ ok: false, error: { kind: 'headcount', code, input: text, message } });
  });
});

describe('splitHeadcount', () => {
  it.each([
    ['市長林佳龍、觀旅局局長陳盛山等六人', '市長林佳龍、觀旅局局長陳盛山', 6],
    ['市長林佳龍等二人', '市長林佳龍', 2],
    ['市長林佳龍、 研考會主委柳 嘉峰 等七人', '市長林佳龍、 研考會主委柳 嘉峰', 7],
    ['市長林佳龍、副秘書長郭坤明、經發局局長呂曜志、交通局長王義川、社會局局長呂建 德等十三人', '市長林佳龍、副秘書長郭坤明、經發局局長呂曜志、交通局長王義川、社會局局長呂建 德', 13],
    ['市長林佳龍等 七 人', '市長林佳龍', 7],
    ['市長林佳龍等十 三人', '市長林佳龍', 13],
    ['市長林佳龍、經發局局長呂曜志，共 4 人', '市長林佳龍、經發局局長呂曜志', 4],
    ['市長林佳龍、經發局局長呂曜志（共4人）', '市長林佳龍、經發局局長呂曜志', 4],
    ['市長林佳龍 5 人', '市長林佳龍', 5],
    ['市長林佳龍、5人', '市長林佳龍', 5],
    ['等５人', '', 5],
    ['七人', '', 7],
  ])('splits %j', (cell, names, headcount) => {
    expect(splitHeadcount(cell)).toEqual({ names, headcount });
  });

  it.each([
    ['市長林佳龍', '市長林佳龍'],
    ['市長林佳龍、觀旅局局長陳盛山', '市長林佳龍、觀旅局局長陳盛山'],
    ['市長林佳龍及夫人', '市長林佳龍及夫人'],
    ['科員王大一人', '科員王大一人'],
    ['市長林佳龍等十十人', '市長林佳龍等十十人'],
    ['市長林佳龍等0人', '市長林佳龍等0人'],
    ['  ', ''],
  ])('finds no headcount in %j', (cell, names) => {
    expect(splitHeadcount(cell)).toEqual({ names, headcount: null });
  });
});

describe('splitHeadcount on hostile input', () => {
  // A nested quantifier once made this exponential (found by the fuzz test); with 60 digits an
  // exponential regex would never return, so the test's timeout is the check.
  it('reads a long run of digits that is not a headcount without backtracking', () => {
    expect(splitHeadcount(`${'9'.repeat(60)} 萬 元`)).toEqual({ names: `${'9'.repeat(60)} 萬 元`, headcount: null });
  });
});
