import type { z } from 'zod';
import type { budgetSeries } from '#app/server/budgets/budget-payloads.ts';
import { LoadState } from '#app/web/api/load-state-view.tsx';
import { useApi } from '#app/web/api/use-api.ts';
import { BudgetSeriesChart } from '#app/web/charts/budget-series-chart.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { usePageTitle } from '#app/web/layout/site-layout.tsx';

type BudgetSeries = z.infer<typeof budgetSeries>;

/** The city-wide overseas-travel budget year by year (agency ''), as a bar chart with its table. */
export default function BudgetsPage() {
  const { t } = useLanguage();
  usePageTitle(t('budgetsTitle'));
  const series = useApi<BudgetSeries>('/api/v1/budgets/series');
  return (
    <>
      <h1>{t('budgetsTitle')}</h1>
      <p className="lead">{t('budgetsIntro')}</p>
      <section aria-labelledby="budget-series-title" className="panel">
        <h2 id="budget-series-title">{t('budgetsChartTitle')}</h2>
        <LoadState state={series} reload={series.reload}>
          {(s) =>
            s.points.length === 0 ? (
              <p>{t('budgetsNone')}</p>
            ) : (
              <BudgetSeriesChart
                points={s.points}
                labels={{
                  alt: t('budgetsChartAlt'),
                  caption: t('budgetsChartTitle'),
                  yearColumn: t('budgetsYear'),
                  amountColumn: t('budgetsAmount'),
                  unit: t('budgetsUnit'),
                  yearName: (p) => t('budgetsRocYear', { roc: p.fiscalYear, year: p.gregorianYear }),
                }}
              />
            )
          }
        </LoadState>
      </section>
    </>
  );
}
