import type { CellValue, Sheet } from '#app/domain/reports/sheet-model.ts';
import { ODF_NAMESPACES, odfPackage } from '#app/reports/odf-package.ts';
import { fitCell } from '#app/reports/spreadsheets/formula-guard.ts';
import { escapeXml as x } from '#app/reports/xml-text.ts';

/** Media type of an ODF spreadsheet. */
export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${ODF_NAMESPACES} office:version="1.2"><office:styles><style:default-style style:family="table-cell"><style:text-properties style:font-name-asian="Noto Sans CJK TC" style:language-asian="zh" style:country-asian="TW"/></style:default-style><number:number-style style:name="N3"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style></office:styles><office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin="1.2cm"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"/></office:master-styles></office:document-styles>`;

function automaticStyles(sheets: readonly Sheet[]): string {
  const widths = [...new Set(sheets.flatMap((s) => s.columns.map((c) => c.width)))];
  return `<office:automatic-styles><style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>${widths
    .map((w) => `<style:style style:name="co${w}" style:family="table-column"><style:table-column-properties style:column-width="${(w * 0.21).toFixed(2)}cm"/></style:style>`)
    .join('')}<style:style style:name="ceHead" style:family="table-cell"><style:table-cell-properties fo:background-color="#e8e8e8" fo:border="0.5pt solid #000000" style:vertical-align="middle" fo:wrap-option="wrap"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style><style:style style:name="ceText" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" style:vertical-align="top" fo:wrap-option="wrap"/></style:style><style:style style:name="ceNum" style:family="table-cell" style:data-style-name="N3"><style:table-cell-properties fo:border="0.5pt solid #000000" style:vertical-align="top"/></style:style></office:automatic-styles>`;
}

function cell(value: CellValue, style: string): string {
  if (value === null || value === '') return `<table:table-cell table:style-name="${style === 'ceNum' ? 'ceText' : style}"/>`;
  if (typeof value === 'number') return `<table:table-cell table:style-name="ceNum" office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
  // A string cell is only ever text: ODF keeps formulas in table:formula, which is never written here.
  const lines = fitCell(value).split('\n');
  return `<table:table-cell table:style-name="${style}" office:value-type="string">${lines.map((l) => `<text:p>${x(l)}</text:p>`).join('')}</table:table-cell>`;
}

function table(sheet: Sheet): string {
  const columns = sheet.columns.map((c) => `<table:table-column table:style-name="co${c.width}"/>`).join('');
  const header = `<table:table-header-rows><table:table-row>${sheet.columns.map((c) => cell(c.header, 'ceHead')).join('')}</table:table-row></table:table-header-rows>`;
  const rows = sheet.rows.map((row) => `<table:table-row>${row.map((v, i) => cell(v, sheet.columns[i]?.type === 'text' ? 'ceText' : 'ceNum')).join('')}</table:table-row>`).join('');
  return `<table:table table:name="${x(sheet.name)}" table:style-name="ta1">${columns}${header}${rows}</table:table>`;
}

/** Sheets as an ODF spreadsheet (ODS): header rows repeat when printed, amounts are numbers. */
export function renderOds(sheets: readonly Sheet[], title: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${ODF_NAMESPACES} office:version="1.2">${automaticStyles(sheets)}<office:body><office:spreadsheet>${sheets.map(table).join('')}</office:spreadsheet></office:body></office:document-content>`;
  return odfPackage({ mimetype: ODS_MIMETYPE, content, styles: STYLES, title });
}
