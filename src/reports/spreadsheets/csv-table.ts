import { csvLine } from '#app/domain/export/csv.ts';
import type { Sheet } from '#app/domain/reports/sheet-model.ts';

/** A sheet as CSV (RFC 4180, UTF-8, CRLF), headed by the column keys; `bom` prefixes U+FEFF so Excel reads UTF-8. */
export function renderCsv(sheet: Sheet, options: { bom?: boolean } = {}): string {
  const lines = [csvLine(sheet.columns.map((c) => c.key)), ...sheet.rows.map((row) => csvLine(row))];
  return `${options.bom ? '\uFEFF' : ''}${lines.join('')}`;
}
