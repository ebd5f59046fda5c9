/** One row of a table as extracted from a document: its 1-based line and its cells. */
export interface RawRow {
  line: number;
  cells: string[];
}

/** A line of the document that is not a table row (narrative, footnote, page number). */
export interface RawLine {
  line: number;
  text: string;
}

/** Splits text into tab-separated rows and the other non-empty lines, both in document order. */
export function readTabSeparated(text: string): { rows: RawRow[]; lines: RawLine[] } {
  const rows: RawRow[] = [];
  const lines: RawLine[] = [];
  text.split(/\r\n|\n|\r/).forEach((content, index) => {
    if (content.includes('\t')) rows.push({ line: index + 1, cells: content.split('\t') });
    else if (content.trim() !== '') lines.push({ line: index + 1, text: content.trim() });
  });
  return { rows, lines };
}
