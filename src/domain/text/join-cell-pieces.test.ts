import { describe, expect, it } from 'vitest';
import { joinCellPieces } from '#app/domain/text/join-cell-pieces.ts';

describe('joinCellPieces', () => {
  it('joins a sentence cut by a page break without a space', () => {
    expect(joinCellPieces(['在市府、三井、港務公司三', '<p>方共同努力下。</p>'])).toBe('在市府、三井、港務公司三方共同努力下。</p>');
  });
  it('keeps a space between two Latin words', () => {
    expect(joinCellPieces(['主席 Gérard', '<p>WOLF 於 106 年'])).toBe('主席 Gérard WOLF 於 106 年');
  });
  it('rejoins a number split over two rows', () => {
    expect(joinCellPieces(['新臺幣 10 萬', '8,170 元'])).toBe('新臺幣 10 萬8,170 元');
    expect(joinCellPieces(['106/', '11/19-11/21'])).toBe('106/11/19-11/21');
  });
  it('skips empty pieces', () => {
    expect(joinCellPieces(['', '  ', '市長林佳龍等', '', '二人'])).toBe('市長林佳龍等二人');
  });
});
