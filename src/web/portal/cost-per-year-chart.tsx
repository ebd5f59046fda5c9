import type { PortalOverview } from '#app/server/portal/portal-payloads.ts';
import { formatNumber } from '#app/web/format/display-names.ts';
import { rocYear } from '#app/web/format/roc-date.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

// Drawn at about the size it is shown, so its 12–13px labels stay legible.
const W = 400;
const H = 250;
const PAD = { top: 12, right: 8, bottom: 44, left: 56 };

/** A round axis step (1, 2 or 5 × 10^n) giving about four gridlines up to `max`. */
export function niceStep(max: number): number {
  if (max <= 0) return 1;
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= raw);
  return step ?? 10 * magnitude;
}

/** Settled cost per year as an SVG bar chart, with the same figures in a table for screen readers and copying. */
export function CostPerYearChart({ years }: { years: PortalOverview['years'] }) {
  const { lang, t } = useLanguage();
  const max = Math.max(0, ...years.map((y) => y.actual));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, years.length);
  const barW = Math.min(64, slot * 0.6);
  const yOf = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  // Axis labels in 萬 (10,000) in Chinese, thousands in English, so they stay short.
  const tickLabel = (v: number) => (lang === 'zh-TW' ? `${formatNumber(lang, v / 10_000)} 萬` : `${formatNumber(lang, v / 1000)}k`);
  const yearLabel = (y: number) => (lang === 'zh-TW' ? `${rocYear(y)} 年` : String(y));

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="cost-chart-title" className="chart-svg">
        <title id="cost-chart-title">{t('chartAlt')}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={yOf(v)} y2={yOf(v)} className="chart-grid" />
            <text x={PAD.left - 8} y={yOf(v)} dy="0.35em" textAnchor="end" className="chart-tick">
              {tickLabel(v)}
            </text>
          </g>
        ))}
        {years.map((y, i) => {
          const x = PAD.left + slot * i + (slot - barW) / 2;
          return (
            <g key={y.year}>
              <rect x={x} y={yOf(y.actual)} width={barW} height={Math.max(0, PAD.top + plotH - yOf(y.actual))} className="chart-bar">
                <title>{`${yearLabel(y.year)}: ${formatNumber(lang, y.actual)}`}</title>
              </rect>
              <text x={x + barW / 2} y={H - PAD.bottom + 20} textAnchor="middle" className="chart-label">
                {yearLabel(y.year)}
              </text>
              {y.tripsWithoutActual > 0 && (
                <text x={x + barW / 2} y={H - PAD.bottom + 38} textAnchor="middle" className="chart-note">
                  {`${t('chartUnsettled')} ${y.tripsWithoutActual}`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <table className="data-table compact">
          <caption className="visually-hidden">{t('chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chartYear')}</th>
              <th scope="col">{t('chartTrips')}</th>
              <th scope="col">{t('chartCost')}</th>
              <th scope="col">{t('chartUnsettled')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{t('rocYear', { roc: rocYear(y.year), year: y.year })}</th>
                <td className="num">{y.trips}</td>
                <td className="num">{formatNumber(lang, y.actual)}</td>
                <td className="num">{y.tripsWithoutActual}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
