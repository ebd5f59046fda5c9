import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CouncilReportModel } from '#app/domain/reports/council-report-model.ts';
import { REPORT_FONT_FAMILY, renderCouncilReportHtml, type TocPages } from '#app/reports/html/council-report-html.ts';

const run = promisify(execFile);

/** Chromium cannot be started, so no PDF can be made; the message says how to fix it. */
export class PdfUnavailableError extends Error {
  override name = 'PdfUnavailableError';
}

/** The Chromium binary: CHROMIUM_PATH, else Debian's /usr/bin/chromium (scripts/install-system-deps.sh installs it). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH && env.CHROMIUM_PATH !== '' ? env.CHROMIUM_PATH : '/usr/bin/chromium';
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

// The footer is drawn outside the page's DOM, so it names its font itself.
const FOOTER = `<div style="width:100%;font-family:${REPORT_FONT_FAMILY.replace(/"/g, "'")};font-size:9pt;text-align:center;color:#333;">第 <span class="pageNumber"></span> 頁，共 <span class="totalPages"></span> 頁</div>`;

/** Prints HTML pages to PDF in headless Chromium: A4 (or the CSS page size), page numbers in the footer, bookmarks and tags. */
export async function htmlToPdf(htmls: readonly string[]): Promise<Uint8Array[]> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new PdfUnavailableError(`Chromium is not installed at ${executablePath}; run scripts/install-system-deps.sh or set CHROMIUM_PATH to make PDFs`);
  }
  // Loaded on the first PDF, not at start: playwright-core alone adds ~80 MB to a server's
  // resident memory (36 MB of heap), more than the rest of the server's libraries together.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    // Nothing in a report comes from the network; refusing requests keeps user text from fetching anything.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const pdfs: Uint8Array[] = [];
    for (const html of htmls) {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
        outline: true,
        tagged: true,
      });
      pdfs.push(new Uint8Array(pdf));
    }
    return pdfs;
  } finally {
    await browser.close();
  }
}

/** The text of each page of a PDF, through poppler's pdftotext; null when pdftotext is not installed. */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[] | null> {
  const dir = await mkdtemp(join(tmpdir(), 'mission-ledger-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
    return stdout.split('\f');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Finds on which page each part starts: the first page after the contents page whose text holds its heading. */
export function findTocPages(model: CouncilReportModel, pageTexts: readonly string[]): TocPages {
  const pages = pageTexts.map(squeeze);
  const tocPage = pages.findIndex((p) => p.includes('目錄'));
  const found: TocPages = {};
  let from = tocPage + 1;
  for (const entry of model.toc) {
    const heading = squeeze(entry.id === 'table' ? model.table.title : entry.label);
    const index = pages.findIndex((p, i) => i >= from && p.includes(heading));
    if (index === -1) continue;
    found[entry.id] = index + 1;
    from = index;
  }
  return found;
}

/**
 * The council report as PDF. It is printed twice: the first print shows on which page each part
 * starts, the second fills those numbers into the contents (the contents page does not change length).
 */
export async function renderCouncilReportPdf(model: CouncilReportModel): Promise<Uint8Array> {
  const [draft] = await htmlToPdf([renderCouncilReportHtml(model)]);
  const texts = await pdfPageTexts(draft as Uint8Array);
  if (texts === null) return draft as Uint8Array;
  const [final] = await htmlToPdf([renderCouncilReportHtml(model, { tocPages: findTocPages(model, texts) })]);
  return final as Uint8Array;
}
