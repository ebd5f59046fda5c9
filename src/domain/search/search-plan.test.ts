import { describe, expect, it } from 'vitest';
import { cjkWordsOf, planSearch } from '#app/domain/search/search-plan.ts';

describe('planSearch', () => {
  it('looks up a two-character word by its one bigram, with nothing left to check', () => {
    expect(planSearch('花博')).toEqual({ phrase: '花博', tokens: [{ text: '花博', terms: ['花博'], verify: false }], terms: ['花博'], verify: [] });
  });

  it('keeps a name the dictionary does not know as one token and checks it occurs as written', () => {
    const plan = planSearch('呂曜志');
    expect(plan.tokens).toEqual([{ text: '呂曜志', terms: ['呂曜', '曜志'], verify: true }]);
    expect(plan.verify).toEqual(['呂曜志']);
  });

  it('splits mixed text at script changes and folds case and full-width letters', () => {
    expect(planSearch('ＩＣＬＥＩ世界大會').tokens.map((t) => t.text)).toEqual(['iclei', '世界', '大會']);
    expect(planSearch('NVIDIA').terms).toEqual(['nvidia']);
  });

  it('treats typed spaces as separators even between Chinese words', () => {
    expect(planSearch('林佳龍 花博').tokens.map((t) => t.text)).toEqual(['林佳龍', '花博']);
    expect(planSearch('林佳龍 花博').phrase).toBe('林佳龍花博');
  });

  it('folds 臺/台 and 姐/姊 so either spelling finds the other', () => {
    expect(planSearch('臺中').terms).toEqual(['台中']);
    expect(planSearch('姐妹市').verify).toEqual(['姊妹市']);
  });

  it('has no index term for a single character, so the character is checked in the text', () => {
    expect(planSearch('龍')).toMatchObject({ terms: [], verify: ['龍'] });
    expect(planSearch('第32屆')).toMatchObject({ terms: ['32'], verify: ['第', '屆'] });
  });

  it('checks punctuation-only queries literally instead of matching everything', () => {
    expect(planSearch('%_%')).toMatchObject({ tokens: [], terms: [], verify: ['%_%'] });
  });
});

describe('cjkWordsOf', () => {
  it('joins the single characters the segmenter leaves to their neighbours', () => {
    expect(cjkWordsOf('昌原市')).toEqual(['昌原市']);
    expect(cjkWordsOf('姊妹市')).toEqual(['姊妹市']);
    expect(cjkWordsOf('中彰投名古屋包機招商')).toEqual(['中彰投', '名古屋', '包機', '招商']);
    expect(cjkWordsOf('龍')).toEqual(['龍']);
  });
});
