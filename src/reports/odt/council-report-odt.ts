import type { CouncilReportModel, SummaryRow } from '#app/domain/reports/council-report-model.ts';
import { ODF_NAMESPACES, odfPackage } from '#app/reports/odf-package.ts';
import { escapeXml as x } from '#app/reports/xml-text.ts';

/** Media type of an ODF text document. */
export const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

// 標楷體 is the customary face of Taiwanese government documents; LibreOffice substitutes a
// Chinese serif (Noto Serif CJK TC on Debian) where it is missing.
const FONTS = `<office:font-face-decls><style:font-face style:name="標楷體" svg:font-family="標楷體" style:font-family-generic="roman"/><style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/></office:font-face-decls>`;
const TEXT_FONT = 'style:font-name="Times New Roman" style:font-name-asian="標楷體" style:language-asian="zh" style:country-asian="TW"';
const FOOTER = `<style:footer><text:p text:style-name="Footer">第 <text:page-number text:select-page="current">1</text:page-number> 頁，共 <text:page-count>1</text:page-count> 頁</text:p></style:footer>`;
// Widths of the six summary columns in cm, summing to the landscape text width (29.7 − 2 × 1.2).
const COLUMN_CM = [4.2, 2.3, 2.5, 3.6, 2.8, 11.9];

function styles(): string {
  const layout = (name: string, width: string, height: string, orientation: string, margins: string) =>
    `<style:page-layout style:name="${name}"><style:page-layout-properties fo:page-width="${width}" fo:page-height="${height}" style:print-orientation="${orientation}" ${margins}/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${ODF_NAMESPACES} office:version="1.2">${FONTS}<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="150%"/><style:text-properties ${TEXT_FONT} fo:font-size="13pt" style:font-size-asian="13pt" fo:language="en" fo:country="US"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:text-align="justify" fo:text-indent="0.92cm" fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:keep-with-next="always" fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="15pt" style:font-size-asian="15pt"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="13.5pt" style:font-size-asian="13.5pt"/></style:style>
<style:style style:name="List_20_item" style:display-name="List item" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:margin-left="0.85cm" fo:text-indent="-0.85cm" fo:margin-bottom="0.15cm"/></style:style>
<style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:line-height="125%"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
</office:styles>
<office:automatic-styles>${layout('pmPortrait', '21cm', '29.7cm', 'portrait', 'fo:margin-top="2.2cm" fo:margin-bottom="1.6cm" fo:margin-left="2.2cm" fo:margin-right="2cm"')}${layout('pmLandscape', '29.7cm', '21cm', 'landscape', 'fo:margin-top="1.4cm" fo:margin-bottom="1.2cm" fo:margin-left="1.2cm" fo:margin-right="1.2cm"')}</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Cover" style:page-layout-name="pmPortrait"/>
<style:master-page style:name="Standard" style:page-layout-name="pmPortrait">${FOOTER}</style:master-page>
<style:master-page style:name="Landscape" style:page-layout-name="pmLandscape">${FOOTER}</style:master-page>
</office:master-styles></office:document-styles>`;
}

const AUTOMATIC_STYLES = `<office:automatic-styles>
<style:style style:name="PCover" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Cover"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="3cm"/><style:text-properties fo:font-size="18pt" style:font-size-asian="18pt"/></style:style>
<style:style style:name="PCoverTitle" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="3cm" fo:margin-left="1cm" fo:margin-right="1cm"/><style:text-properties fo:font-size="24pt" style:font-size-asian="24pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="PCoverLine" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="PGovernment" style:family="paragraph" style:parent-style-name="PCoverLine"><style:paragraph-properties fo:margin-bottom="2.5cm"/><style:text-properties fo:font-size="20pt" style:font-size-asian="20pt"/></style:style>
<style:style style:name="PTocTitle" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm" style:page-number="1"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="PBreak" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="PTableTitle" style:family="paragraph" style:parent-style-name="Heading_20_1" style:master-page-name="Landscape"><style:paragraph-properties fo:text-align="center" fo:margin-top="0cm"/><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
<style:style style:name="PFrom" style:family="text"><style:text-properties fo:font-size="11pt" style:font-size-asian="11pt"/></style:style>
<style:style style:name="PNote" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
<style:style style:name="TSummary" style:family="table"><style:table-properties style:width="${COLUMN_CM.reduce((a, b) => a + b, 0).toFixed(1)}cm" table:align="center" style:may-break-between-rows="true"/></style:style>
${COLUMN_CM.map((w, i) => `<style:style style:name="TSummary.C${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`).join('')}
<style:style style:name="TRow" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="TCell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="top"/></style:style>
<style:style style:name="THead" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" fo:background-color="#e8e8e8" style:vertical-align="middle"/></style:style>
<style:style style:name="TSeries" style:family="table"><style:table-properties style:width="9cm" table:align="center"/></style:style>
</office:automatic-styles>`;

const p = (style: string, value: string) => `<text:p text:style-name="${style}">${x(value)}</text:p>`;
const h = (style: string, level: number, value: string, bookmark?: string) =>
  `<text:h text:style-name="${style}" text:outline-level="${level}">${bookmark ? `<text:bookmark text:name="${bookmark}"/>` : ''}${x(value)}</text:h>`;
const tc = (value: string, attrs = '') => `<table:table-cell table:style-name="TCell" office:value-type="string"${attrs}>${p('Table_20_Contents', value)}</table:table-cell>`;

function tripRows(row: SummaryRow): string {
  // One row per outcome, the trip's cells spanning them, so a page can break between outcomes.
  const outcomes = row.outcomes.length > 0 ? row.outcomes : [''];
  const span = outcomes.length > 1 ? ` table:number-rows-spanned="${outcomes.length}"` : '';
  const lead = [row.title, row.dates, row.places, row.delegation, row.budget];
  return outcomes
    .map((outcome, i) => {
      const cells = i === 0 ? lead.map((v) => tc(v, span)).join('') : '<table:covered-table-cell/>'.repeat(lead.length);
      return `<table:table-row table:style-name="TRow">${cells}${tc(outcome)}</table:table-row>`;
    })
    .join('');
}

function toc(model: CouncilReportModel): string {
  // A real index LibreOffice can update (Tools ▸ Update ▸ Indexes) to add page numbers; until then it lists the parts.
  return `<text:table-of-content text:name="目錄" text:protected="false"><text:table-of-content-source text:outline-level="1" text:use-index-marks="false"><text:table-of-content-entry-template text:outline-level="1" text:style-name="Contents_20_1"><text:index-entry-link-start/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template></text:table-of-content-source><text:index-body>${model.toc
    .map((t) => `<text:p text:style-name="Contents_20_1"><text:a xlink:type="simple" xlink:href="#${t.id}">${x(t.label)}</text:a></text:p>`)
    .join('')}</text:index-body></text:table-of-content>`;
}

/** The council report as an ODF text document (ODT), the national standard for editable documents. */
export function renderCouncilReportOdt(model: CouncilReportModel): Uint8Array {
  const c = model.cover;
  const footnotes = model.table.footnotes;
  const series =
    model.closing.budgetSeries.length === 0
      ? ''
      : `<table:table table:name="預算數列" table:style-name="TSeries"><table:table-column table:number-columns-repeated="2"/><table:table-header-rows><table:table-row><table:table-cell table:style-name="THead" office:value-type="string">${p('Table_20_Heading', '年度')}</table:table-cell><table:table-cell table:style-name="THead" office:value-type="string">${p('Table_20_Heading', '預算數')}</table:table-cell></table:table-row></table:table-header-rows>${model.closing.budgetSeries
          .map((y) => `<table:table-row>${tc(y.year)}${tc(y.amount)}</table:table-row>`)
          .join('')}</table:table>`;
  const body = [
    p('PCover', c.council),
    p('PCoverTitle', c.title),
    p('PGovernment', c.government),
    p('PCoverLine', c.agency),
    p('PCoverLine', `報告人：${c.presenter}`),
    p('PCoverLine', c.date),
    p('PTocTitle', '目錄'),
    toc(model),
    `<text:h text:style-name="PBreak" text:outline-level="1"><text:bookmark text:name="introduction"/>${x(model.introduction.heading)}</text:h>`,
    ...model.introduction.paragraphs.map((t) => p('Text_20_body', t)),
    h('Heading_20_1', 1, model.outcomes.heading, 'outcomes'),
    ...model.outcomes.sections.flatMap((s) => [
      h('Heading_20_2', 2, s.heading),
      ...s.items.map((item, i) => `<text:p text:style-name="List_20_item">${x(`${i + 1}. ${item.text}`)}<text:span text:style-name="PFrom">${x(`（${item.tripDates}「${item.tripTitle}」）`)}</text:span></text:p>`),
    ]),
    h('Heading_20_1', 1, model.closing.heading, 'closing'),
    ...model.closing.paragraphs.map((t) => p('Text_20_body', t)),
    series,
    `<text:h text:style-name="PTableTitle" text:outline-level="1"><text:bookmark text:name="table"/>${x(`表：${model.table.title}`)}</text:h>`,
    `<table:table table:name="一覽表" table:style-name="TSummary">${COLUMN_CM.map((_, i) => `<table:table-column table:style-name="TSummary.C${i}"/>`).join('')}<table:table-header-rows><table:table-row>${model.table.columns
      .map((col) => `<table:table-cell table:style-name="THead" office:value-type="string">${p('Table_20_Heading', col)}</table:table-cell>`)
      .join('')}</table:table-row></table:table-header-rows>${model.table.rows.map(tripRows).join('')}</table:table>`,
    ...(footnotes.length === 1 ? [p('PNote', `備註：${footnotes[0]}`)] : footnotes.length > 1 ? [p('PNote', '備註：'), ...footnotes.map((n, i) => p('PNote', `${i + 1}. ${n}`))] : []),
  ].join('\n');
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${ODF_NAMESPACES} office:version="1.2">${FONTS}${AUTOMATIC_STYLES}<office:body><office:text>
${body}
</office:text></office:body></office:document-content>`;
  return odfPackage({ mimetype: ODT_MIMETYPE, content, styles: styles(), title: c.title });
}
