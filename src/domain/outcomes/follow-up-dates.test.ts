import { describe, expect, it } from 'vitest';
import { findDatedFollowUps } from '#app/domain/outcomes/follow-up-dates.ts';

describe('findDatedFollowUps', () => {
  it('dates the Toulouse return visit 106 年 10 月 = 2017-10 and the later call 107 年 3 月', () => {
    const text = '大土魯斯都會區市政府 Bertrand Serp 副市長於 106 年 10 月應邀回訪出席「第二屆臺灣與歐盟關係研討會」，並參觀本市精機與航太產業；該市處長亦於 107 年 3 月蒞府拜會。';
    const found = findDatedFollowUps(text, { start: '2017-06-17' });
    expect(found.map((f) => [f.date, f.precision, f.expected])).toEqual([
      ['2017-10', 'month', false],
      ['2018-03', 'month', false],
    ]);
    expect(found[0]?.description).toMatch(/^大土魯斯.*應邀回訪.*；$/);
    expect(found[1]?.description).toBe('該市處長亦於 107 年 3 月蒞府拜會。');
  });

  it('gives two dates in one clause a part each, carries 同年, and marks 預計 as due', () => {
    const found = findDatedFollowUps('該園區已於 106 年 8 月開工、107 年 3 月上樑。同年 10 月 20 日舉辦座談會，預計 107 年 8 月試運轉。', { start: '2016-03-28' });
    expect(found.map((f) => [f.date, f.description, f.expected])).toEqual([
      ['2017-08', '該園區已於 106 年 8 月開工', false],
      ['2018-03', '107 年 3 月上樑。', false],
      ['2018-10-20', '同年 10 月 20 日舉辦座談會', false],
      ['2018-08', '預計 107 年 8 月試運轉。', true],
    ]);
  });

  it('leaves out background before the trip and the trip’s own month', () => {
    expect(findDatedFollowUps('繼 105 年 4 月互訪，參加 107 年 1 月「第 14 屆台星經濟聯席會議」', { start: '2018-01-17' })).toEqual([]);
    expect(findDatedFollowUps('106 年 13 月', { start: '2016-01-01' })).toEqual([]);
  });
});
