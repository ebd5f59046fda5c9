import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
  ShadingType,
  type ISectionOptions,
} from 'docx';
import type { CouncilReportModel, SummaryRow } from '#app/domain/reports/council-report-model.ts';
import { xmlSafe } from '#app/reports/xml-text.ts';

// 標楷體 is what Taiwanese government documents are set in; Word and LibreOffice substitute a
// Chinese serif where it is missing. Latin text uses Times New Roman, as the seed does.
const EAST_ASIA_FONT = '標楷體';
const LATIN_FONT = 'Times New Roman';

// A4 in twentieths of a point.
const A4 = { width: 11906, height: 16838 };
const PORTRAIT_MARGIN = { top: 1247, right: 1134, bottom: 1134, left: 1247, header: 567, footer: 567 };
const LANDSCAPE_MARGIN = { top: 794, right: 680, bottom: 850, left: 680, header: 454, footer: 454 };
// Widths of the six summary columns, summing to the landscape text width (16838 − 2 × 680).
const COLUMN_WIDTHS = [2300, 1250, 1400, 2000, 1550, 6978];

const text = (value: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text: xmlSafe(value), bold: options.bold, size: options.size });

function footer(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 頁，共 ', PageNumber.TOTAL_PAGES, ' 頁'], size: 18 })] })],
  });
}

function heading(label: string, id: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: [new Bookmark({ id, children: [text(label)] })] });
}

const body = (value: string) => new Paragraph({ children: [text(value)], indent: { firstLine: 560 }, alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 } });

function cover(model: CouncilReportModel): Paragraph[] {
  const c = model.cover;
  const centred = (value: string, size: number, after: number, bold = false) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [text(value, { size, bold })] });
  return [
    centred(c.council, 36, 2400),
    centred(c.title, 48, 3000, true),
    centred(c.government, 40, 2400),
    centred(c.agency, 32, 200),
    centred(`報告人：${c.presenter}`, 32, 200),
    centred(c.date, 30, 0),
  ];
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(value: string, width: number, options: { header?: boolean; merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    verticalMerge: options.merge,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.header ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
    children: [new Paragraph({ alignment: options.header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [text(value, { bold: options.header, size: 20 })] })],
  });
}

function tripRows(row: SummaryRow): TableRow[] {
  // One Word row per outcome with the trip's cells merged down them: rows can then stay whole
  // (cantSplit) and the page breaks between outcomes, never inside a line.
  const outcomes = row.outcomes.length > 0 ? row.outcomes : [''];
  const lead = [row.title, row.dates, row.places, row.delegation, row.budget];
  return outcomes.map(
    (outcome, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          ...lead.map((value, c) =>
            cell(i === 0 ? value : '', COLUMN_WIDTHS[c] as number, { merge: outcomes.length > 1 ? (i === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE) : undefined }),
          ),
          cell(outcome, COLUMN_WIDTHS[5] as number),
        ],
      }),
  );
}

function summaryTable(model: CouncilReportModel): Table {
  return new Table({
    width: { size: COLUMN_WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: model.table.columns.map((c, i) => cell(c, COLUMN_WIDTHS[i] as number, { header: true })) }),
      ...model.table.rows.flatMap(tripRows),
    ],
  });
}

function seriesTable(model: CouncilReportModel): Table[] {
  if (model.closing.budgetSeries.length === 0) return [];
  return [
    new Table({
      alignment: AlignmentType.CENTER,
      columnWidths: [1800, 3200],
      rows: [
        new TableRow({ tableHeader: true, children: [cell('年度', 1800, { header: true }), cell('預算數', 3200, { header: true })] }),
        ...model.closing.budgetSeries.map((y) => new TableRow({ cantSplit: true, children: [cell(y.year, 1800), cell(y.amount, 3200)] })),
      ],
    }),
  ];
}

/** The council report as a Word document (DOCX): portrait A4 text, the summary table in a landscape section. */
export async function renderCouncilReportDocx(model: CouncilReportModel): Promise<Uint8Array> {
  const portrait = { page: { size: { width: A4.width, height: A4.height }, margin: PORTRAIT_MARGIN } };
  const footnotes = model.table.footnotes;
  const sections: ISectionOptions[] = [
    { properties: portrait, children: cover(model) },
    {
      properties: portrait,
      footers: { default: footer() },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text('目錄', { bold: true, size: 32 })] }),
        new TableOfContents('目錄', {
          hyperlink: true,
          headingStyleRange: '1-1',
          cachedEntries: model.toc.map((t) => ({ title: xmlSafe(t.label), level: 1, href: t.id })),
        }),
        new Paragraph({ children: [new PageBreak()] }),
        heading(model.introduction.heading, 'introduction', HeadingLevel.HEADING_1),
        ...model.introduction.paragraphs.map(body),
        heading(model.outcomes.heading, 'outcomes', HeadingLevel.HEADING_1),
        ...model.outcomes.sections.flatMap((s) => [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(s.heading)] }),
          ...s.items.map(
            (item, i) =>
              new Paragraph({
                alignment: AlignmentType.JUSTIFIED,
                indent: { left: 480, hanging: 480 },
                spacing: { after: 80 },
                children: [text(`${i + 1}. ${item.text}`), text(`（${item.tripDates}「${item.tripTitle}」）`, { size: 20 })],
              }),
          ),
        ]),
        heading(model.closing.heading, 'closing', HeadingLevel.HEADING_1),
        ...model.closing.paragraphs.map(body),
        ...seriesTable(model),
      ],
    },
    {
      properties: { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: LANDSCAPE_MARGIN } },
      footers: { default: footer() },
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new Bookmark({ id: 'table', children: [text(`表：${model.table.title}`)] })] }),
        summaryTable(model),
        ...(footnotes.length === 1
          ? [new Paragraph({ spacing: { before: 120 }, children: [text(`備註：${footnotes[0]}`, { size: 20 })] })]
          : footnotes.length > 1
            ? [new Paragraph({ spacing: { before: 120 }, children: [text('備註：', { size: 20 })] }), ...footnotes.map((n, i) => new Paragraph({ children: [text(`${i + 1}. ${n}`, { size: 20 })] }))]
            : []),
      ],
    },
  ];
  const doc = new Document({
    title: xmlSafe(model.cover.title),
    creator: xmlSafe(model.cover.agency),
    description: 'Mission Ledger council report',
    styles: {
      default: {
        document: { run: { font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: EAST_ASIA_FONT, cs: LATIN_FONT }, size: 26 }, paragraph: { spacing: { line: 400 } } },
        heading1: { run: { bold: true, size: 30, font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: EAST_ASIA_FONT } }, paragraph: { spacing: { before: 360, after: 200 }, keepNext: true } },
        heading2: { run: { bold: true, size: 27, font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: EAST_ASIA_FONT } }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
      },
    },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
