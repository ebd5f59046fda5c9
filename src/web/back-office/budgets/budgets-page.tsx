import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { budgetBody, budgetDetail, budgetSeries, budgetWithFigures } from '#app/server/budgets/budget-payloads.ts';
import { staffJson, StaffApiError } from '#app/web/back-office/api/staff-api.ts';
import { useStaffApi } from '#app/web/back-office/api/use-staff-api.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useStaffPageTitle } from '#app/web/back-office/layout/back-office-layout.tsx';
import { ScrollRegion } from '#app/web/back-office/layout/scroll-region.tsx';
import { StaffLoadState } from '#app/web/back-office/layout/staff-load-state.tsx';
import { ErrorSummary, useWriteErrors } from '#app/web/back-office/outcomes/write-errors.tsx';
import { useSession } from '#app/web/back-office/session/session-context.tsx';
import { describedBy, FormField } from '#app/web/back-office/trips/form-field.tsx';
import { BudgetSeriesChart } from '#app/web/charts/budget-series-chart.tsx';
import { formatTwd } from '#app/web/format/display-names.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

type Budget = z.infer<typeof budgetBody>;
type BudgetWithFigures = z.infer<typeof budgetWithFigures>;
type BudgetDetail = z.infer<typeof budgetDetail>;
type BudgetSeries = z.infer<typeof budgetSeries>;

/** Whole TWD typed with or without thousands separators; null when it is not one. */
export function parseTwd(text: string): number | null {
  const digits = text.replace(/[,，\s]/g, '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
}

/** The latest reason kept with a budget: who entered it and why (e.g. taken from the sample report). */
function LatestReason({ id }: { id: string }) {
  const state = useStaffApi<BudgetDetail>(`/api/v1/budgets/${id}`);
  if (state.status !== 'ok') return null;
  return <>{state.data.adjustments[state.data.adjustments.length - 1]?.reason ?? ''}</>;
}

/** Enter a new year's city-wide budget. */
function EnterForm({ onSaved }: { onSaved(b: Budget): void }) {
  const bt = useBackOfficeText();
  const id = useId();
  const w = useWriteErrors();
  const [year, setYear] = useState('');
  const [amount, setAmount] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fiscalYear = Number(year.trim());
    const value = parseTwd(amount);
    if (!Number.isInteger(fiscalYear) || fiscalYear < 1 || fiscalYear > 300) return w.setGeneral(bt('budgetsYearInvalid'));
    if (value === null) return w.setGeneral(bt('budgetsAmountInvalid'));
    w.clear();
    setBusy(true);
    staffJson<Budget>('POST', '/api/v1/budgets', { body: { fiscalYear, agency: '', amount: value, ...(source.trim() ? { reason: source.trim() } : {}) } }).then(
      (b) => {
        setBusy(false);
        setYear('');
        setAmount('');
        setSource('');
        onSaved(b);
      },
      (e: unknown) => {
        setBusy(false);
        w.fail(e);
      },
    );
  };
  return (
    <form onSubmit={submit} className="panel" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{bt('budgetsEnterTitle')}</h2>
      <ErrorSummary errors={w.errors} inputId={(f) => `${id}-${f}`} />
      <FormField id={`${id}-fiscalYear`} label={bt('budgetsFiscalYear')} errors={w.fields.get('fiscalYear')}>
        <input id={`${id}-fiscalYear`} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} required aria-describedby={describedBy(`${id}-fiscalYear`, false, w.fields.get('fiscalYear'))} />
      </FormField>
      <FormField id={`${id}-amount`} label={bt('budgetsAmountTwd')} hint={bt('budgetsAmountHint')} errors={w.fields.get('amount')}>
        <input id={`${id}-amount`} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} required aria-describedby={describedBy(`${id}-amount`, true, w.fields.get('amount'))} />
      </FormField>
      <FormField id={`${id}-reason`} label={bt('budgetsSource')} hint={bt('budgetsSourceHint')} errors={w.fields.get('reason')} wide>
        <input id={`${id}-reason`} value={source} onChange={(e) => setSource(e.target.value)} maxLength={2000} aria-describedby={describedBy(`${id}-reason`, true, w.fields.get('reason'))} />
      </FormField>
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? bt('saving') : bt('budgetsEnterButton')}
        </button>
      </p>
    </form>
  );
}

/** Adjust an entered year's amount, with the reason the API requires. */
function AdjustForm({ budgets, onSaved }: { budgets: readonly BudgetWithFigures[]; onSaved(b: Budget): void }) {
  const bt = useBackOfficeText();
  const id = useId();
  const w = useWriteErrors();
  const [budgetId, setBudgetId] = useState(budgets[budgets.length - 1]?.id ?? '');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = budgets.find((b) => b.id === budgetId) ?? budgets[budgets.length - 1];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const value = parseTwd(amount);
    if (value === null) return w.setGeneral(bt('budgetsAmountInvalid'));
    if (!reason.trim()) return w.setGeneral(bt('budgetsReasonRequired'));
    w.clear();
    setBusy(true);
    staffJson<Budget>('PATCH', `/api/v1/budgets/${chosen.id}`, { body: { version: chosen.version, amount: value, reason: reason.trim() } }).then(
      (b) => {
        setBusy(false);
        setAmount('');
        setReason('');
        onSaved(b);
      },
      (e: unknown) => {
        setBusy(false);
        w.fail(e);
        // A 409 means someone else changed it: the list reloads so the next try uses the current version.
        if (e instanceof StaffApiError && e.status === 409) onSaved(chosen);
      },
    );
  };
  return (
    <form onSubmit={submit} className="panel" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{bt('budgetsAdjustTitle')}</h2>
      <ErrorSummary errors={w.errors} inputId={(f) => `${id}-${f}`} />
      <FormField id={`${id}-budget`} label={bt('budgetsAdjustYear')}>
        <select id={`${id}-budget`} value={chosen?.id ?? ''} onChange={(e) => setBudgetId(e.target.value)}>
          {budgets.map((b) => (
            <option key={b.id} value={b.id}>
              {bt('rocFiscalYear', { roc: b.fiscalYear })}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-amount`} label={bt('budgetsAdjustAmount')} hint={bt('budgetsAmountHint')} errors={w.fields.get('amount')}>
        <input id={`${id}-amount`} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} required aria-describedby={describedBy(`${id}-amount`, true, w.fields.get('amount'))} />
      </FormField>
      <FormField id={`${id}-reason`} label={bt('budgetsAdjustReason')} errors={w.fields.get('reason')} wide>
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} aria-describedby={describedBy(`${id}-reason`, false, w.fields.get('reason'))} />
      </FormField>
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? bt('saving') : bt('budgetsAdjustButton')}
        </button>
      </p>
    </form>
  );
}

/**
 * The city-wide budget series (agency ''): its chart in 萬元, the years with their latest reason,
 * and for the secretariat the forms to enter a year and to adjust one.
 */
export default function BudgetsPage() {
  const bt = useBackOfficeText();
  const { lang } = useLanguage();
  const { can } = useSession();
  useStaffPageTitle(bt('budgetsPageTitle'));
  const series = useStaffApi<BudgetSeries>('/api/v1/budgets/series');
  const list = useStaffApi<BudgetWithFigures[]>('/api/v1/budgets?agency=');
  const [saved, setSaved] = useState<Budget | null>(null);
  const onSaved = (b: Budget) => {
    setSaved(b);
    series.reload();
    list.reload();
  };
  return (
    <>
      <h1>{bt('budgetsPageTitle')}</h1>
      <p className="lead">{bt('budgetsPageIntro')}</p>
      {saved && (
        <p className="save-note" role="status">
          {bt('budgetsSaved', { roc: saved.fiscalYear, amount: formatTwd(lang, saved.amount) })}
        </p>
      )}
      <section className="panel" aria-labelledby="budget-series-chart">
        <h2 id="budget-series-chart">{bt('budgetsChartTitle')}</h2>
        <StaffLoadState state={series} reload={series.reload}>
          {(s) =>
            s.points.length === 0 ? (
              <p>{bt('budgetsNoneYet')}</p>
            ) : (
              <BudgetSeriesChart
                points={s.points}
                labels={{
                  alt: bt('budgetsChartAlt'),
                  caption: bt('budgetsChartTitle'),
                  yearColumn: bt('colFiscalYear'),
                  amountColumn: bt('budgetsAmountWan'),
                  unit: bt('budgetsUnitWan'),
                  yearName: (p) => bt('budgetsYearName', { roc: p.fiscalYear, year: p.gregorianYear }),
                }}
              />
            )
          }
        </StaffLoadState>
      </section>
      <StaffLoadState state={list} reload={list.reload}>
        {(budgets) => (
          <>
            <section className="panel" aria-labelledby="budget-years">
              <h2 id="budget-years">{bt('budgetsTableTitle')}</h2>
              {budgets.length === 0 ? (
                <p>{bt('budgetsNoneYet')}</p>
              ) : (
                <ScrollRegion label={bt('budgetsTableTitle')}>
                  <table className="data-table compact budget-years">
                    <caption className="visually-hidden">{bt('budgetsTableTitle')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{bt('colFiscalYear')}</th>
                        <th scope="col" className="num">
                          {bt('budgetsColAmount')}
                        </th>
                        <th scope="col" className="num">
                          {bt('colSpent')}
                        </th>
                        <th scope="col">{bt('budgetsColReason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {budgets.map((b) => (
                        <tr key={`${b.id}-${b.version}`}>
                          <th scope="row">{bt('rocFiscalYear', { roc: b.fiscalYear })}</th>
                          <td className="num">{formatTwd(lang, b.amount)}</td>
                          <td className="num">{formatTwd(lang, b.figures.spent)}</td>
                          <td>
                            <LatestReason id={b.id} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </section>
            {can('secretariat') && (
              <div className="budget-forms">
                <EnterForm onSaved={onSaved} />
                {budgets.length > 0 && <AdjustForm key={budgets.map((b) => `${b.id}-${b.version}`).join()} budgets={budgets} onSaved={onSaved} />}
              </div>
            )}
          </>
        )}
      </StaffLoadState>
    </>
  );
}
