import { ScrollRegion } from '#app/web/back-office/layout/scroll-region.tsx';
import { useId, useState } from 'react';
import type { z } from 'zod';
import type { BudgetCategory, Trip } from '#app/domain/trips/trip-schema.ts';
import type { TransitionAction } from '#app/domain/workflow/lifecycle-transitions.ts';
import type { workflowView } from '#app/server/workflow/workflow-payloads.ts';
import { staffJson, StaffApiError } from '#app/web/back-office/api/staff-api.ts';
import { ACTION_KEYS } from '#app/web/back-office/i18n/back-office-messages.ts';
import { STATE_KEYS } from '#app/web/i18n/messages.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useErrorText } from '#app/web/back-office/layout/staff-load-state.tsx';
import { useSession } from '#app/web/back-office/session/session-context.tsx';
import { describedBy, FormField } from '#app/web/back-office/trips/form-field.tsx';
import { BUDGET_CATEGORIES, breakdownOf, breakdownTotal } from '#app/web/back-office/trips/trip-draft.ts';
import { BUDGET_KEYS, formatTwd } from '#app/web/format/display-names.ts';
import { RocDate } from '#app/web/format/roc-date-view.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

export type WorkflowView = z.infer<typeof workflowView>;

function emptyActuals(trip: Trip): Record<BudgetCategory, string> {
  return Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, trip.budget.actualBreakdown[c]?.toString() ?? ''])) as Record<BudgetCategory, string>;
}

/** The steps the user may take now, each a button, with the comment and the figures a step needs. */
export function WorkflowPanel({ trip, view, onMoved }: { trip: Trip; view: WorkflowView; onMoved(trip: Trip): void }) {
  const bt = useBackOfficeText();
  const { lang, t } = useLanguage();
  const errorText = useErrorText();
  const { can } = useSession();
  const id = useId();
  const [comment, setComment] = useState('');
  const [approved, setApproved] = useState('');
  const [actuals, setActuals] = useState(() => emptyActuals(trip));
  const [variance, setVariance] = useState(trip.varianceExplanation);
  const [override, setOverride] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [errors, setErrors] = useState<Map<string, string[]>>(new Map());
  const allowed = view.allowedActions;
  const actualTotal = breakdownTotal(actuals);

  const act = (action: TransitionAction) => {
    const body: Record<string, unknown> = { action, version: trip.version, comment };
    if (action === 'approve' && approved.trim()) body.approvedAmount = Number(approved.replace(/[,，\s]/g, '')) || approved;
    if (action === 'settle') {
      if (actualTotal !== null) body.actual = actualTotal;
      body.actualBreakdown = breakdownOf(actuals);
      if (variance.trim()) body.varianceExplanation = variance;
    }
    if ((action === 'submit' || action === 'approve') && override.trim()) body.budgetOverrideReason = override;
    setBusy(true);
    setMessage(null);
    setErrors(new Map());
    staffJson<{ trip: Trip }>('POST', `/api/v1/trips/${trip.id}/transitions`, { body }).then(
      (answer) => {
        setBusy(false);
        setComment('');
        setMessage({ kind: 'ok', text: bt('workflowDone', { action: bt(ACTION_KEYS[action]), state: bt(STATE_KEYS[answer.trip.lifecycleState]) }) });
        onMoved(answer.trip);
      },
      (e: unknown) => {
        setBusy(false);
        if (e instanceof StaffApiError && e.issues.length) {
          const map = new Map<string, string[]>();
          for (const i of e.issues) map.set(i.field.replace(/^body\./, ''), [...(map.get(i.field.replace(/^body\./, '')) ?? []), i.message]);
          setErrors(map);
        }
        setMessage({ kind: 'error', text: bt('workflowFailed', { message: errorText(e) }) });
      },
    );
  };

  const err = (f: string) => errors.get(f);
  return (
    <section className="panel workflow" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{bt('workflowTitle')}</h2>
      <p>
        {bt('workflowState', { state: '' })}
        <span className={`state state-${view.state}`}>{bt(STATE_KEYS[view.state])}</span>
      </p>
      {view.budget && (
        <p className="muted">
          {bt('budgetOfTrip', { agency: view.budget.agency || bt('cityWide'), year: view.budget.fiscalYear, remaining: formatTwd(lang, view.budget.figures.remaining), allocated: formatTwd(lang, view.budget.figures.allocated) })}
        </p>
      )}
      {message && (
        <p className={message.kind === 'ok' ? 'form-ok' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {allowed.length === 0 ? (
        <p>{bt('workflowNone')}</p>
      ) : (
        <form
          className="workflow-form"
          onSubmit={(e) => {
            // Enter in a field takes no step: each step is its own button.
            e.preventDefault();
          }}
        >
          <FormField id={`${id}-comment`} label={bt('workflowComment')} hint={bt('workflowCommentHint')} errors={err('comment')} wide>
            <textarea id={`${id}-comment`} value={comment} rows={2} maxLength={5000} onChange={(e) => setComment(e.target.value)} aria-describedby={describedBy(`${id}-comment`, true, err('comment'))} aria-invalid={err('comment') ? true : undefined} />
          </FormField>
          {allowed.includes('approve') && (
            <FormField id={`${id}-approved`} label={bt('workflowApprovedAmount')} hint={bt('workflowApprovedHint', { estimate: trip.budget.estimate === null ? '—' : formatTwd(lang, trip.budget.estimate) })} errors={err('approvedAmount')}>
              <input id={`${id}-approved`} inputMode="numeric" value={approved} maxLength={13} onChange={(e) => setApproved(e.target.value)} aria-describedby={describedBy(`${id}-approved`, true, err('approvedAmount'))} />
            </FormField>
          )}
          {(allowed.includes('submit') || allowed.includes('approve')) && can('secretariat') && (
            <FormField id={`${id}-override`} label={bt('workflowOverrideReason')} errors={err('budgetOverrideReason')} wide>
              <input id={`${id}-override`} value={override} maxLength={2000} onChange={(e) => setOverride(e.target.value)} />
            </FormField>
          )}
          {allowed.includes('settle') && (
            <fieldset className="row-group">
              <legend>{bt('workflowActualBreakdown')}</legend>
              <div className="form-grid budget-grid">
                {BUDGET_CATEGORIES.map((c) => (
                  <FormField key={c} id={`${id}-actual-${c}`} label={t(BUDGET_KEYS[c])} errors={err(`actualBreakdown.${c}`)}>
                    <input id={`${id}-actual-${c}`} name={`actual-${c}`} inputMode="numeric" value={actuals[c]} maxLength={13} onChange={(e) => setActuals({ ...actuals, [c]: e.target.value })} />
                  </FormField>
                ))}
              </div>
              <p className="budget-total">
                {bt('workflowActualTotal')}：<strong>{actualTotal === null ? bt('breakdownTotalNone') : formatTwd(lang, actualTotal)}</strong>
              </p>
              {err('actual') && <p className="field-error">{err('actual')!.join('；')}</p>}
              <FormField id={`${id}-variance`} label={bt('workflowVariance')} hint={bt('workflowVarianceHint')} errors={err('varianceExplanation')} wide>
                <textarea id={`${id}-variance`} value={variance} rows={2} maxLength={5000} onChange={(e) => setVariance(e.target.value)} aria-describedby={describedBy(`${id}-variance`, true, err('varianceExplanation'))} />
              </FormField>
            </fieldset>
          )}
          <div className="form-actions workflow-actions">
            {allowed.map((a) => (
              <button key={a} type="button" className={a === 'reject' || a === 'cancel' ? 'danger' : 'primary'} disabled={busy} data-action={a} onClick={() => act(a)}>
                {bt(ACTION_KEYS[a])}
              </button>
            ))}
          </div>
        </form>
      )}

      {view.obligations.length > 0 && (
        <>
          <h3>{bt('obligationsTitle')}</h3>
          <ul className="obligations">
            {view.obligations.map((o) => (
              <li key={o.kind} className={o.overdue ? 'overdue-note' : undefined}>
                {o.zh}：<RocDate iso={o.dueOn} />
                {o.metOn ? ' ✓' : o.overdue ? `（${bt('overdueDays', { n: o.daysOverdue })}）` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{bt('historyTitle')}</h3>
      {view.history.length === 0 ? (
        <p>{bt('historyNone')}</p>
      ) : (
        <ScrollRegion label={bt('historyTitle')}>
          <table className="data-table compact">
            <caption className="visually-hidden">{bt('historyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{bt('colWhen')}</th>
                <th scope="col">{bt('colAction')}</th>
                <th scope="col">{bt('colWho')}</th>
                <th scope="col">{bt('colComment')}</th>
              </tr>
            </thead>
            <tbody>
              {view.history.map((h) => (
                <tr key={h.id}>
                  <td className="nowrap">
                    <time dateTime={h.at}>{new Date(h.at).toLocaleString(lang)}</time>
                  </td>
                  <td>{bt(ACTION_KEYS[h.action])}</td>
                  <td>{h.actorName}</td>
                  <td>{[h.comment, h.overrideReason].filter(Boolean).join('；')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
