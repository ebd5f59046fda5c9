import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTwdAmount } from '#app/domain/money/twd-amount.ts';
import type { CouncilReportModel } from '#app/domain/reports/council-report-model.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { importDocument } from '#app/import/import-document.ts';
import { loadTemplates } from '#app/reports/report-templates.ts';
import { COUNCIL_REPORT_FORMATS, councilReportModel, DATA_FORMATS, DATASETS, loadSelectedTrips, renderCouncilReport, renderDataset, type RenderedFile } from '#app/reports/report-service.ts';
import { pdfText, squeeze, unzipText, xmlProblems, xmlText, zipOrder } from '#tests/reports/package-reader.ts';
import { createTestStore, type TestStore } from '#tests/support/test-store.ts';

const SEED = 'taichung-council-report-2018-05-11.txt';
const seedText = readFileSync(new URL(`../../samples/${SEED}`, import.meta.url), 'utf8');
const CHROMIUM = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

let store: TestStore;
let trips: Trip[];
let model: CouncilReportModel;
const reports = new Map<string, RenderedFile>();

beforeAll(async () => {
  store = await createTestStore('sqlite');
  await importDocument(store, seedText, SEED);
  trips = await loadSelectedTrips(store, {});
  model = councilReportModel(trips, { selection: {}, templates: loadTemplates(), settings: { reportDate: '2018-05-11' } });
  for (const format of COUNCIL_REPORT_FORMATS) {
    if (format === 'pdf' && !CHROMIUM) continue;
    reports.set(format, await renderCouncilReport(model, format));
  }
}, 120_000);
afterAll(async () => {
  await store.cleanup();
});

/** The amounts a reader must find: every settled cost in the report's own form, and the 核銷中 / 尚待彙整 cells. */
function settledAmounts(): string[] {
  return trips.filter((t) => t.budget.actual !== null).map((t) => formatTwdAmount(t.budget.actual as number));
}

function reportText(format: string, file: RenderedFile): string {
  if (format === 'pdf') return pdfText(file.bytes);
  if (format === 'html') return xmlText(new TextDecoder().decode(file.bytes));
  const parts = unzipText(file.bytes);
  return xmlText(format === 'docx' ? (parts['word/document.xml'] ?? '') : (parts['content.xml'] ?? ''));
}

describe('the council report from the seed’s 14 trips', () => {
  it('has 13 trips in the table, the Mexico trip in a footnote, and the seed’s totals', () => {
    expect(trips).toHaveLength(14);
    expect(model.table.rows).toHaveLength(13);
    expect(model.table.footnotes).toEqual([expect.stringContaining('「2018 年墨西哥世界設計之都及考察計畫」')]);
    expect(model.table.footnotes[0]).toContain('相關經費及成果尚待彙整資料中');
    expect(model.figures.settledTotal).toBe(7_836_797);
    expect(model.table.rows[0]).toMatchObject({ dates: '104/4/6-4/11', places: '韓國首爾市', delegation: '市長林佳龍、研考會主委柳嘉峰等七人', budget: '新臺幣 51 萬 2,005 元' });
    expect(model.table.rows.filter((r) => r.budget === '核銷中')).toHaveLength(3);
    expect(model.closing.paragraphs.join('')).toContain('自 100 年預算數 1,200 萬元，逐年減編至 107 年預算數 780 萬元，8 年前後相比，減列 420 萬元');
    expect(model.outcomes.sections.reduce((n, s) => n + s.items.length, 0)).toBe(trips.reduce((n, t) => n + t.outcomes.length, 0));
  });

  it.each(COUNCIL_REPORT_FORMATS)('%s: every trip title and every amount can be read back', (format) => {
    const file = reports.get(format);
    if (!file) {
      console.warn(`skipped ${format}: Chromium is not installed (scripts/install-system-deps.sh)`);
      return;
    }
    const text = squeeze(reportText(format, file));
    // A boolean per item keeps a failure message short: it names what is missing, not the whole document.
    for (const trip of trips) expect(text.includes(squeeze(trip.title)), `${format}: ${trip.title}`).toBe(true);
    for (const amount of settledAmounts()) expect(text.includes(squeeze(amount)), `${format}: ${amount}`).toBe(true);
    expect(text.split(squeeze('核銷中')).length - 1).toBeGreaterThanOrEqual(3);
    expect(text).toContain(squeeze('尚待彙整'));
    for (const column of model.table.columns) expect(text).toContain(column);
    expect(text).toContain(squeeze('臺中市議會第2屆第7次定期會'));
  });

  it.runIf(CHROMIUM)('pdf: A4 pages, Traditional Chinese text with an embedded TrueType CJK font, page numbers, contents with page numbers', () => {
    const file = reports.get('pdf') as RenderedFile;
    const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), file.bytes);
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', join(dir, 'r.pdf')], { encoding: 'utf8' });
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
      expect(sizes.length).toBeGreaterThan(5);
      expect(sizes[0]).toEqual([595, 842]);
      // The summary table is on landscape A4 pages.
      expect(sizes.some(([w, h]) => w === 842 && h === 595)).toBe(true);
      const fonts = execFileSync('pdffonts', [join(dir, 'r.pdf')], { encoding: 'utf8' });
      expect(fonts).toMatch(/UKai\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      const text = pdfText(file.bytes);
      // Real CJK text, not boxes or replacement characters.
      expect(text).not.toMatch(/[\uFFFD\u25A1]/);
      expect((text.match(/[\u4E00-\u9FFF]/g) ?? []).length).toBeGreaterThan(5000);
      const pages = text.split('\f');
      expect(squeeze(pages[0] ?? '')).toMatch(/第1頁，共\d+頁/);
      const toc = squeeze(pages[1] ?? '');
      expect(toc).toContain('目錄');
      const introPage = pages.findIndex((p, i) => i > 1 && squeeze(p).includes('一、前言')) + 1;
      expect(toc).toMatch(new RegExp(`一、前言${introPage}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('odt: mimetype stored first and uncompressed, a manifest naming every part, well-formed XML', () => {
    const bytes = (reports.get('odt') as RenderedFile).bytes;
    expect(zipOrder(bytes)[0]).toBe('mimetype');
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(8, true)).toBe(0); // stored, not deflated
    expect(view.getUint16(28, true)).toBe(0); // no extra field
    expect(new TextDecoder().decode(bytes.subarray(38, 38 + 39))).toBe('application/vnd.oasis.opendocument.text');
    const parts = unzipText(bytes);
    for (const path of Object.keys(parts).filter((p) => p !== 'mimetype' && p !== 'META-INF/manifest.xml')) {
      expect(parts['META-INF/manifest.xml']).toContain(`manifest:full-path="${path}"`);
    }
    for (const [path, xml] of Object.entries(parts)) if (path.endsWith('.xml')) expect(xmlProblems(xml), path).toEqual([]);
    expect(parts['content.xml']).toContain('<table:table-header-rows>');
    expect(parts['styles.xml']).toContain('style:print-orientation="landscape"');
  });

  it('docx: every part has a content type, every relationship target exists, XML is well formed, the table header repeats', () => {
    const parts = unzipText((reports.get('docx') as RenderedFile).bytes);
    const types = parts['[Content_Types].xml'] ?? '';
    for (const path of Object.keys(parts).filter((p) => !p.endsWith('/'))) {
      const ext = path.split('.').pop() as string;
      expect(types.includes(`PartName="/${path}"`) || types.includes(`Extension="${ext}"`), path).toBe(true);
    }
    for (const [path, xml] of Object.entries(parts)) {
      if (path.endsWith('.xml') || path.endsWith('.rels')) expect(xmlProblems(xml), path).toEqual([]);
      if (!path.endsWith('.rels')) continue;
      const base = path.replace(/_rels\/[^/]*\.rels$/, '');
      for (const m of xml.matchAll(/Target="([^"]+)"(?![^>]*TargetMode="External")/g)) {
        const target = (m[1] as string).startsWith('/') ? (m[1] as string).slice(1) : `${base}${m[1]}`;
        expect(parts[target] !== undefined, `${path} → ${target}`).toBe(true);
      }
    }
    const doc = parts['word/document.xml'] ?? '';
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('w:orient="landscape"');
  });
});

describe('open data from the seed’s 14 trips', () => {
  const file = (dataset: (typeof DATASETS)[number], format: (typeof DATA_FORMATS)[number]) => renderDataset(dataset, trips, format);

  it.each(DATASETS.flatMap((d) => DATA_FORMATS.map((f) => [d, f] as const)))('%s as %s: every trip title and every amount', (dataset, format) => {
    const out = file(dataset, format);
    let text: string;
    if (format === 'xlsx') {
      const parts = unzipText(out.bytes);
      for (const [path, xml] of Object.entries(parts)) expect(xmlProblems(xml), path).toEqual([]);
      text = xmlText(parts['xl/worksheets/sheet1.xml'] ?? '');
    } else if (format === 'ods') {
      const parts = unzipText(out.bytes);
      expect(zipOrder(out.bytes)[0]).toBe('mimetype');
      for (const [path, xml] of Object.entries(parts)) if (path.endsWith('.xml')) expect(xmlProblems(xml), path).toEqual([]);
      text = xmlText(parts['content.xml'] ?? '');
    } else {
      text = new TextDecoder().decode(out.bytes);
    }
    for (const trip of trips) expect(text.includes(trip.title), trip.title).toBe(true);
    for (const trip of trips.filter((t) => t.budget.actual !== null)) expect(text.includes(String(trip.budget.actual)), String(trip.budget.actual)).toBe(true);
    if (dataset === 'table') for (const amount of settledAmounts()) expect(text.includes(amount), amount).toBe(true);
    if (format === 'json') expect(() => JSON.parse(text)).not.toThrow();
  });

  it('xlsx: content types for every part, amounts as numbers, frozen filterable header', () => {
    const parts = unzipText(file('ledger', 'xlsx').bytes);
    const types = parts['[Content_Types].xml'] ?? '';
    for (const path of Object.keys(parts).filter((p) => !p.endsWith('.rels') && p !== '[Content_Types].xml')) expect(types, path).toContain(`PartName="/${path}"`);
    expect(parts['xl/workbook.xml']).toContain('name="出國案件"');
    expect(parts['xl/workbook.xml']).toContain('name="欄位說明"');
    const sheet = parts['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toMatch(/<c r="Z\d+" s="3"><v>512005<\/v><\/c>/);
  });

  it('csv: UTF-8 with the BOM only when asked, headed by the data dictionary keys', () => {
    const plain = file('ledger', 'csv').bytes;
    const withBom = renderDataset('ledger', trips, 'csv', { bom: true }).bytes;
    expect([...plain.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = new TextDecoder().decode(plain).split('\r\n')[0] ?? '';
    expect(header.split(',')).toEqual(expect.arrayContaining(['airfare', 'other_transport', 'lodging', 'meals_incidentals', 'other_expenses', 'total', 'purpose', 'start_date', 'end_date', 'destination', 'organising_agency', 'travellers', 'countries', 'report_date', 'keywords', 'report_summary']));
  });

  it('json ledger: the interchange format with every stored trip', () => {
    const json = JSON.parse(new TextDecoder().decode(file('ledger', 'json').bytes)) as { format: string; trips: Trip[] };
    expect(json.format).toBe('mission-ledger/1');
    expect(json.trips.map((t) => t.id).sort()).toEqual(trips.map((t) => t.id).sort());
  });
});

describe.skipIf(!SOFFICE)('LibreOffice as an independent reader', () => {
  it('converts every document and spreadsheet to text and finds every trip title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-soffice-'));
    try {
      const docs = ['docx', 'odt'].map((f) => {
        const path = join(dir, `report-${f}.${f}`);
        writeFileSync(path, (reports.get(f) as RenderedFile).bytes);
        return path;
      });
      const sheets = (['xlsx', 'ods'] as const).map((f) => {
        const path = join(dir, `table-${f}.${f}`);
        writeFileSync(path, renderDataset('table', trips, f).bytes);
        return path;
      });
      // A profile of its own, so a LibreOffice someone else is running does not take the conversion over.
      const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
      execFileSync(SOFFICE, [profile, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', join(dir, 'out'), ...docs], { stdio: 'pipe', timeout: 120_000 });
      execFileSync(SOFFICE, [profile, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', join(dir, 'out'), ...sheets], { stdio: 'pipe', timeout: 120_000 });
      const outputs = readdirSync(join(dir, 'out'));
      expect(outputs.sort()).toEqual(['report-docx.txt', 'report-odt.txt', 'table-ods.csv', 'table-xlsx.csv']);
      for (const name of outputs) {
        const text = squeeze(readFileSync(join(dir, 'out', name), 'utf8'));
        for (const trip of trips) expect(text.includes(squeeze(trip.title)), `${name}: ${trip.title}`).toBe(true);
        for (const amount of settledAmounts()) expect(text.includes(squeeze(amount)), `${name}: ${amount}`).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

if (!SOFFICE) console.warn('LibreOffice (soffice) is not installed: the independent-reader test is skipped. apt-get install libreoffice-writer-nogui libreoffice-calc-nogui to run it.');
