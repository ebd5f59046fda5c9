import { readHtmlTables } from '#app/domain/import/html-table-rows.ts';
import { isMarkdownDelimiterRow, isMarkdownTableLine, readMarkdownTable } from '#app/domain/import/markdown-rows.ts';
import { readTabSeparated, type RawLine, type RawRow } from '#app/domain/import/tab-rows.ts';

/** How a document lays out its trip table. */
export type TableFormat = 'tsv' | 'markdown' | 'html';

/** A document read into one row model, whatever its table format. */
export interface TableText {
  format: TableFormat;
  rows: RawRow[];
  lines: RawLine[];
}

/**
 * Picks the table format by counting the evidence of each: `<tr>` tags, pipe-table lines with a
 * delimiter row, tab-separated lines. HTML inside TSV cells (`<ol>`, `<p>`) is not a table.
 */
export function detectTableFormat(text: string): TableFormat {
  const htmlRows = (text.match(/<tr\b/gi) ?? []).length;
  let markdownRows = 0;
  let delimiterRows = 0;
  let tabRows = 0;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.includes('\t')) tabRows++;
    else if (isMarkdownTableLine(line)) {
      markdownRows++;
      if (isMarkdownDelimiterRow(line)) delimiterRows++;
    }
  }
  const markdown = delimiterRows > 0 ? markdownRows : 0;
  if (htmlRows > 0 && htmlRows >= markdown && htmlRows >= tabRows) return 'html';
  if (markdown > 0 && markdown >= tabRows) return 'markdown';
  return 'tsv';
}

/** Reads the document's table rows and other lines in the format it is written in. */
export function readTableText(text: string): TableText {
  const format = detectTableFormat(text);
  const read = format === 'html' ? readHtmlTables(text) : format === 'markdown' ? readMarkdownTable(text) : readTabSeparated(text);
  return { format, ...read };
}
