import { describe, expect, it } from 'vitest';
import { readHtmlTables } from '#app/domain/import/html-table-rows.ts';
import { isMarkdownDelimiterRow, markdownCells, readMarkdownTable } from '#app/domain/import/markdown-rows.ts';
import { continuationScore } from '#app/domain/import/row-continuation.ts';
import { detectTableFormat, readTableText } from '#app/domain/import/table-format.ts';
import { readHeaderRow } from '#app/domain/import/table-columns.ts';
import { segmentTripRows, tripQuality } from '#app/domain/import/trip-segmentation.ts';

const ALL = new Set(['title', 'dates', 'places', 'members', 'budget', 'outcomes'] as const);

describe('detectTableFormat', () => {
  it('tells TSV, Markdown and HTML tables apart, and HTML inside TSV cells is still TSV', () => {
    expect(detectTableFormat('計畫\t日期\t地點\n甲\t107/1/1\t日本')).toBe('tsv');
    expect(detectTableFormat('a\t<ol><li>一</li></ol>\t<p>二</p>')).toBe('tsv');
    expect(detectTableFormat('| 計畫 | 日期 |\n|---|---|\n| 甲 | 107/1/1 |')).toBe('markdown');
    expect(detectTableFormat('<table><tr><td>甲</td></tr></table>')).toBe('html');
    // Pipes without a delimiter row are prose, not a Markdown table.
    expect(detectTableFormat('甲 | 乙 | 丙\n說明文字')).toBe('tsv');
  });

  it('gives every row its 1-based line', () => {
    const read = readTableText('標題\n\n| 計畫 | 日期 |\n|:--|--:|\n| 甲 | 107/1/1 |\n備註：無');
    expect(read.rows).toEqual([
      { line: 3, cells: ['計畫', '日期'] },
      { line: 5, cells: ['甲', '107/1/1'] },
    ]);
    expect(read.lines.map((l) => l.line)).toEqual([1, 6]);
  });
});

describe('Markdown rows', () => {
  it('splits at unescaped pipes, with or without outer pipes', () => {
    expect(markdownCells('| a | b \\| c |  |')).toEqual(['a', 'b | c', '']);
    expect(markdownCells('a | b | c')).toEqual(['a', 'b', 'c']);
    expect(isMarkdownDelimiterRow('|:---|---:|:-:|')).toBe(true);
    expect(isMarkdownDelimiterRow('| 1 | 2 |')).toBe(false);
  });

  it('keeps the text of headings and quotes as lines for footnotes', () => {
    expect(readMarkdownTable('> 備註：107/4/19-4/25「甲」').lines).toEqual([{ line: 1, text: '備註：107/4/19-4/25「甲」' }]);
  });
});

describe('HTML tables', () => {
  it('reads cells without closing tags, spreads colspan and leaves spanning note rows out', () => {
    const html = '<p>前言</p>\n<table>\n<tr><th>計畫<th>日期<th>地點<th>人員\n<tr><td>甲 &amp; 乙<td>107/1/1<td colspan="2">日本\n<tr><td colspan="4">本頁空白</td></tr>\n</table>\n<p>備註：無</p>';
    const read = readHtmlTables(html);
    expect(read.rows).toEqual([
      { line: 3, cells: ['計畫', '日期', '地點', '人員'] },
      { line: 4, cells: ['甲 & 乙', '107/1/1', '日本', ''] },
    ]);
    expect(read.lines).toEqual([
      { line: 1, text: '前言' },
      { line: 5, text: '本頁空白' },
      { line: 7, text: '備註：無' },
    ]);
  });

  it('never turns &lt; into a tag', () => {
    expect(readHtmlTables('<table><tr><td>a &lt;b&gt; c</td></tr></table>').rows[0]?.cells).toEqual(['a &lt;b&gt; c']);
  });
});

describe('header by meaning', () => {
  it('finds the columns in any order, with spaces inside the words', () => {
    const header = readHeaderRow(['出國內容 成效', '預算 經費', '出國 人員', '出國 地點', '出國 日期', '因公出國 計畫名稱']);
    expect([...(header?.values() ?? [])]).toEqual(['outcomes', 'budget', 'members', 'places', 'dates', 'title']);
    expect(readHeaderRow(['臺中市政府', '107 年', '說明'])).toBeUndefined();
  });
});

describe('joining rows into trips', () => {
  const trip = { title: '市長率團赴日本參加觀光推廣案', dates: '107/3/5-3/9', places: '日本東京', members: '市長林大同、觀旅局局長陳小明等五人', budget: '新臺幣 47 萬 8,236 元', outcomes: '1. 舉辦記者會。 2. 拜會東京都廳。' };

  it('scores a cut date, amount and name as a continuation and a complete next trip as new', () => {
    const cut = { ...trip, dates: '108/12/28-', budget: '新臺幣 205 萬', members: '市長林大同、經發局局長黃' };
    expect(continuationScore(cut, { title: '', dates: '109/1/03', places: '', members: '建華等五人', budget: '3,118 元', outcomes: '' })).toBeGreaterThan(4);
    expect(continuationScore(trip, { ...trip, dates: '107/5/31-6/2', members: '市長林大同等二人', budget: '新臺幣 24 萬 1,221 元' })).toBeLessThan(-4);
  });

  it('rates a whole trip above its two halves and above two trips glued together', () => {
    const whole = tripQuality(trip, ALL);
    const first = tripQuality({ ...trip, dates: '107/3/5-', budget: '新臺幣 47 萬', members: '市長林大同、觀旅局局長陳', outcomes: '1. 舉辦記' }, ALL);
    expect(whole).toBeGreaterThan(first);
    const glued = tripQuality({ ...trip, dates: '107/3/5-3/9107/5/1-5/3', budget: '新臺幣47萬8,236元新臺幣1萬元' }, ALL);
    expect(whole).toBeGreaterThan(glued);
  });

  it('starts a new trip at a row of fragments when the row after it completes them', () => {
    const next = { title: '赴韓國首爾參加城市論壇', dates: '107/5/1-5/3', places: '韓國首爾', members: '副市長王大明等二人', budget: '新臺幣 12 萬元', outcomes: '出席論壇。' };
    const cutAt = (cells: typeof next, n: number) => Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v.slice(0, n)]));
    const rest = (cells: typeof next, n: number) => Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v.slice(n)]));
    expect(segmentTripRows([trip, cutAt(next, 1), rest(next, 1)], ALL)).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });
});
