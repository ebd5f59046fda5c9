import type { RawLine, RawRow } from '#app/domain/import/tab-rows.ts';

// A delimiter row (`|---|:---:|`) only says the row above is a header; it carries no cells.
const DELIMITER_CELL = /^\s*:?-{1,}:?\s*$/;

/** True when a line is a row of a Markdown pipe table: it starts with `|`, or has at least two unescaped pipes. */
export function isMarkdownTableLine(line: string): boolean {
  const t = line.trim();
  if (t.startsWith('|')) return t.length > 1;
  return splitPipes(t).length >= 3;
}

/** True when a Markdown table line is the delimiter row under a header (`|---|---|`). */
export function isMarkdownDelimiterRow(line: string): boolean {
  const cells = markdownCells(line);
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c));
}

function splitPipes(text: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\' && text.charAt(i + 1) === '|') {
      current += '|';
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}

/** The cells of one pipe-table line, without the outer pipes; `\|` stands for a literal pipe. */
export function markdownCells(line: string): string[] {
  const cells = splitPipes(line.trim());
  if (line.trim().startsWith('|')) cells.shift();
  if (line.trim().endsWith('|') && !line.trim().endsWith('\\|')) cells.pop();
  return cells.map((c) => c.trim());
}

/** Splits Markdown text into pipe-table rows (delimiter rows dropped) and the other non-empty lines. */
export function readMarkdownTable(text: string): { rows: RawRow[]; lines: RawLine[] } {
  const rows: RawRow[] = [];
  const lines: RawLine[] = [];
  text.split(/\r\n|\n|\r/).forEach((content, index) => {
    const line = index + 1;
    if (isMarkdownTableLine(content)) {
      if (!isMarkdownDelimiterRow(content)) rows.push({ line, cells: markdownCells(content) });
    } else if (content.trim() !== '') {
      // Headings and quotes keep their text: a footnote may sit in a `> 備註：…` block.
      lines.push({ line, text: content.trim().replace(/^(?:#{1,6}|>)\s*/, '') });
    }
  });
  return { rows, lines };
}
