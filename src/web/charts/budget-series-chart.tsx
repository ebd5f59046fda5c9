import { useId } from 'react';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import type { Lang } from '#app/web/i18n/messages.ts';
import { niceStep } from '#app/web/portal/cost-per-year-chart.tsx';

/** One fiscal year of a budget series, as `GET /api/v1/budgets/series` answers it. */
export interface BudgetSeriesPoint {
  fiscalYear: number;
  gregorianYear: number;
  amount: number;
}

/** The words around the chart, from whichever message table the page uses (portal or back office). */
export interface BudgetSeriesLabels {
  /** The SVG's accessible name, e.g. 長條圖：全市歷年出國預算（萬元）. */
  alt: string;
  /** The table's caption (hidden; the section heading shows it). */
  caption: string;
  yearColumn: string;
  amountColumn: string;
  /** The unit after an amount in a bar's tooltip: 萬元, or NT$10,000. */
  unit: string;
  /** A year's row heading, e.g. 民國 107 年（2018）. */
  yearName: (p: BudgetSeriesPoint) => string;
}

const W = 400;
const H = 230;
const PAD = { top: 22, right: 8, bottom: 30, left: 56 };

const wanFormats = new Map<Lang, Intl.NumberFormat>();

/** An amount of TWD in 萬 (10,000), with up to two decimals: 12,000,000 → 1,200. */
export function formatWan(lang: Lang, amount: number): string {
  let format = wanFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    wanFormats.set(lang, format);
  }
  return format.format(amount / 10_000);
}

/**
 * A budget series as an SVG bar chart, fiscal years in ROC and amounts in 萬元, with the same
 * figures in a table for screen readers and copying. No chart library: a few rectangles.
 */
export function BudgetSeriesChart({ points, labels }: { points: readonly BudgetSeriesPoint[]; labels: BudgetSeriesLabels }) {
  const { lang } = useLanguage();
  const titleId = useId();
  const years = [...points].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const max = Math.max(0, ...years.map((p) => p.amount));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, years.length);
  const barW = Math.min(56, slot * 0.6);
  const yOf = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);

  return (
    <figure className="chart budget-series-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="chart-svg">
        <title id={titleId}>{labels.alt}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={yOf(v)} y2={yOf(v)} className="chart-grid" />
            <text x={PAD.left - 8} y={yOf(v)} dy="0.35em" textAnchor="end" className="chart-tick">
              {lang === 'zh-TW' ? `${formatWan(lang, v)} 萬` : formatWan(lang, v)}
            </text>
          </g>
        ))}
        {years.map((p, i) => {
          const x = PAD.left + slot * i + (slot - barW) / 2;
          return (
            <g key={p.fiscalYear}>
              <rect x={x} y={yOf(p.amount)} width={barW} height={Math.max(0, PAD.top + plotH - yOf(p.amount))} className="chart-bar">
                <title>{`${labels.yearName(p)}: ${formatWan(lang, p.amount)} ${labels.unit}`}</title>
              </rect>
              <text x={x + barW / 2} y={yOf(p.amount) - 6} textAnchor="middle" className="chart-tick">
                {formatWan(lang, p.amount)}
              </text>
              <text x={x + barW / 2} y={H - PAD.bottom + 20} textAnchor="middle" className="chart-label">
                {lang === 'zh-TW' ? `${p.fiscalYear} 年` : `ROC ${p.fiscalYear}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <table className="data-table compact">
          <caption className="visually-hidden">{labels.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.yearColumn}</th>
              <th scope="col" className="num">
                {labels.amountColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {years.map((p) => (
              <tr key={p.fiscalYear}>
                <th scope="row">{labels.yearName(p)}</th>
                <td className="num">{formatWan(lang, p.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
