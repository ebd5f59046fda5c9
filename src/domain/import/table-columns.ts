import { removeSpaces } from '#app/domain/text/normalize-text.ts';

/** The six columns of a trip summary table, by meaning. */
export type TripColumn = 'title' | 'dates' | 'places' | 'members' | 'budget' | 'outcomes';

export const TRIP_COLUMNS: readonly TripColumn[] = ['title', 'dates', 'places', 'members', 'budget', 'outcomes'];

// Header words per column, most specific first. A header cell is matched after its spaces are
// removed, because page-break headers come out as `因公出國 計畫名稱` or `出國 日期`.
const HEADER_WORDS: Record<TripColumn, readonly string[]> = {
  title: ['因公出國計畫名稱', '出國計畫名稱', '計畫名稱', '計畫', '名稱', '案名', '出國案'],
  dates: ['出國日期', '出國期間', '起訖日期', '日期', '期間', '時間'],
  places: ['出國地點', '出訪地點', '前往國家', '地點', '國家', '城市', '地區'],
  members: ['出國人員', '出訪人員', '隨行人員', '人員', '成員', '團員', '出國者'],
  budget: ['預算經費', '經費', '預算', '費用', '金額', '支出'],
  outcomes: ['出國內容成效', '出訪成效', '內容成效', '成效', '成果', '效益', '內容'],
};

/** Which column a header cell names, or undefined. */
export function columnOfHeaderCell(cell: string): TripColumn | undefined {
  // A header cell is a few words; a long cell is data, and skipping it keeps big tables fast.
  if (cell.length > 60) return undefined;
  const text = removeSpaces(cell);
  if (text === '' || text.length > 20) return undefined;
  let best: { column: TripColumn; length: number } | undefined;
  for (const column of TRIP_COLUMNS) {
    for (const word of HEADER_WORDS[column]) {
      if (text.includes(word) && (!best || word.length > best.length)) best = { column, length: word.length };
    }
  }
  return best?.column;
}

/**
 * Maps cell positions of a header row to columns, or returns undefined when the row is not a
 * header (fewer than three distinct trip columns named).
 */
export function readHeaderRow(cells: readonly string[]): Map<number, TripColumn> | undefined {
  const map = new Map<number, TripColumn>();
  const seen = new Set<TripColumn>();
  cells.forEach((cell, index) => {
    const column = columnOfHeaderCell(cell);
    if (column && !seen.has(column)) {
      map.set(index, column);
      seen.add(column);
    }
  });
  return seen.size >= 3 ? map : undefined;
}
