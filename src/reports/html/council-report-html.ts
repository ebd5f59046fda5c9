import type { CouncilReportModel, SummaryRow } from '#app/domain/reports/council-report-model.ts';
import { escapeHtml as e } from '#app/reports/xml-text.ts';

/** Page numbers of the contents entries, once a first print has found them. */
export type TocPages = Partial<Record<CouncilReportModel['toc'][number]['id'], number>>;

/**
 * The report's fonts: a Kai face, as Taiwanese government documents use (AR PL UKai from Debian's
 * fonts-arphic-ukai, 標楷體 on Windows). UKai is TrueType, which Chromium embeds in a PDF as a real
 * font; Noto CJK (CFF outlines) would be embedded as Type 3 glyph drawings, so it is only the fallback.
 */
export const REPORT_FONT_FAMILY = `"AR PL UKai TW", "TW-Kai", "DFKai-SB", "標楷體", "BiauKai", "Noto Serif CJK TC", "Noto Serif TC", serif`;

const STYLE = `
@page { size: A4; margin: 22mm 20mm 20mm 22mm; }
@page landscape { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html { font-family: ${REPORT_FONT_FAMILY}; font-size: 13pt; line-height: 1.7; color: #000; font-synthesis: none; }
body { margin: 0; }
/* Kai has one weight; a synthesised bold would be printed as Type 3 drawings, so headings stand out by size. */
h1, h2, h3, th, caption { font-weight: normal; }
h1, h2, h3 { line-height: 1.4; break-after: avoid; }
h2 { font-size: 16pt; margin: 1.2em 0 0.6em; }
h3 { font-size: 14pt; margin: 1em 0 0.4em; }
p { margin: 0 0 0.6em; text-align: justify; }
.body p.para { text-indent: 2em; }
.cover { height: 250mm; display: flex; flex-direction: column; justify-content: space-between; text-align: center; break-after: page; padding: 10mm 0; }
.cover p { text-align: center; text-indent: 0; margin: 0 0 0.3em; }
.cover .council { font-size: 18pt; }
.cover h1 { font-size: 24pt; margin: 0 8mm; line-height: 1.6; text-wrap: balance; }
.cover .government { font-size: 20pt; letter-spacing: 0.2em; }
.cover .agency { font-size: 16pt; }
.cover .date { font-size: 15pt; }
nav.toc { break-after: page; }
nav.toc h2 { text-align: center; letter-spacing: 1em; }
nav.toc ol { list-style: none; padding: 0; margin: 0; }
nav.toc li { display: flex; align-items: baseline; margin: 0.5em 0; }
nav.toc li a { color: inherit; text-decoration: none; }
nav.toc li .leader { flex: 1; border-bottom: 1.5px dotted #444; margin: 0 0.4em; transform: translateY(-0.3em); }
nav.toc li .page { min-width: 2em; text-align: right; }
.theme ol.items { margin: 0 0 0.6em; padding-left: 2.2em; }
.theme ol.items li { margin: 0 0 0.4em; text-align: justify; }
.theme .from { color: #333; font-size: 11pt; }
table { border-collapse: collapse; width: 100%; }
table.series { width: auto; margin: 0.4em auto 1em; font-size: 12pt; }
table.series th, table.series td { border: 1px solid #000; padding: 2pt 10pt; }
table.series td.amount { text-align: right; }
section.summary { page: landscape; break-before: page; }
section.summary h2 { text-align: center; font-size: 14pt; margin: 0 0 0.5em; }
table.summary { font-size: 10pt; line-height: 1.45; table-layout: fixed; }
table.summary thead { display: table-header-group; }
table.summary th { background: #e8e8e8; text-align: center; border: 1px solid #000; padding: 3pt; }
table.summary td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
table.summary tr { break-inside: avoid; }
table.summary td.outcome { padding-left: 1.6em; text-indent: -1.2em; }
table.summary tr.more td.lead { border-top: none; }
table.summary tr.continued td.lead { border-bottom: none; }
table.summary tfoot td { border: none; border-top: 1px solid #000; padding: 0; height: 0; line-height: 0; }
/* The amount stays on one line, so it reads (and searches, and extracts) as one figure. */
table.summary td.budget { white-space: nowrap; font-size: 9.5pt; }
table.summary col.title { width: 14%; } table.summary col.dates { width: 8%; } table.summary col.places { width: 8.5%; }
table.summary col.delegation { width: 12%; } table.summary col.budget { width: 14%; } table.summary col.outcome { width: 43.5%; }
.footnotes { font-size: 10pt; margin-top: 0.6em; }
.footnotes p { margin: 0 0 0.3em; }
@media screen { body { max-width: 60em; margin: 2em auto; padding: 0 1em; } .cover { height: auto; min-height: 80vh; } }
`;

function tocEntry(entry: CouncilReportModel['toc'][number], pages: TocPages): string {
  const page = pages[entry.id];
  return `<li><a href="#${entry.id}">${e(entry.label)}</a><span class="leader"></span><span class="page">${page === undefined ? '' : page}</span></li>`;
}

function summaryRows(row: SummaryRow): string {
  // One table row per outcome, so a page can break between two outcomes instead of in the middle
  // of a line. The trip's own cells are printed on its first row and left open below, the way a
  // merged cell looks; rowspan would make Chromium move a whole trip to the next page instead.
  const outcomes = row.outcomes.length > 0 ? row.outcomes : [''];
  const last = outcomes.length - 1;
  return `<tbody class="trip" data-trip="${e(row.tripId)}">${outcomes
    .map((outcome, i) => {
      const classes = [i > 0 ? 'more' : '', i < last ? 'continued' : ''].filter(Boolean).join(' ');
      const lead = i === 0 ? [row.title, row.dates, row.places, row.delegation, row.budget] : ['', '', '', '', ''];
      return `<tr${classes ? ` class="${classes}"` : ''}>${lead.map((v, c) => `<td class="lead${c === 4 ? ' budget' : ''}">${e(v)}</td>`).join('')}<td class="outcome">${e(outcome)}</td></tr>`;
    })
    .join('\n')}</tbody>`;
}

/** The council report as one self-contained HTML page (A4 print styles; the summary table on landscape pages). */
export function renderCouncilReportHtml(model: CouncilReportModel, options: { tocPages?: TocPages } = {}): string {
  const pages = options.tocPages ?? {};
  const { cover } = model;
  const sections = model.outcomes.sections
    .map(
      (s) => `<section class="theme" id="theme-${e(s.themeId)}"><h3>${e(s.heading)}</h3><ol class="items">${s.items
        .map((item) => `<li>${e(item.text)}<span class="from">（${e(item.tripDates)}「${e(item.tripTitle)}」）</span></li>`)
        .join('')}</ol></section>`,
    )
    .join('\n');
  const series =
    model.closing.budgetSeries.length > 0
      ? `<table class="series"><caption>出國預算編列數</caption><thead><tr><th scope="col">年度</th><th scope="col">預算數</th></tr></thead><tbody>${model.closing.budgetSeries
          .map((y) => `<tr><td>${e(y.year)}</td><td class="amount">${e(y.amount)}</td></tr>`)
          .join('')}</tbody></table>`
      : '';
  const footnotes = model.table.footnotes;
  const footnoteHtml =
    footnotes.length === 0
      ? ''
      : `<div class="footnotes">${footnotes.length === 1 ? `<p>備註：${e(footnotes[0] as string)}</p>` : `<p>備註：</p>${footnotes.map((n, i) => `<p>${i + 1}. ${e(n)}</p>`).join('')}`}</div>`;
  return `<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(cover.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="cover">
<p class="council">${e(cover.council)}</p>
<h1>${e(cover.title)}</h1>
<p class="government">${e(cover.government)}</p>
<div><p class="agency">${e(cover.agency)}</p><p class="agency">報告人：${e(cover.presenter)}</p><p class="date">${e(cover.date)}</p></div>
</header>
<nav class="toc" aria-labelledby="toc-heading"><h2 id="toc-heading">目錄</h2><ol>${model.toc.map((t) => tocEntry(t, pages)).join('')}</ol></nav>
<main class="body">
<section id="introduction"><h2>${e(model.introduction.heading)}</h2>${model.introduction.paragraphs.map((p) => `<p class="para">${e(p)}</p>`).join('\n')}</section>
<section id="outcomes"><h2>${e(model.outcomes.heading)}</h2>${sections}</section>
<section id="closing"><h2>${e(model.closing.heading)}</h2>${model.closing.paragraphs.map((p) => `<p class="para">${e(p)}</p>`).join('\n')}${series}</section>
<section class="summary" id="table"><h2>${e(model.table.title)}</h2>
<table class="summary"><colgroup><col class="title"><col class="dates"><col class="places"><col class="delegation"><col class="budget"><col class="outcome"></colgroup>
<thead><tr>${model.table.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead>
${model.table.rows.map(summaryRows).join('\n')}
<tfoot aria-hidden="true"><tr><td colspan="6"></td></tr></tfoot>
</table>
${footnoteHtml}
</section>
</main>
</body>
</html>
`;
}
