import { ScrollRegion } from '#app/web/back-office/layout/scroll-region.tsx';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';
import type { budgetWithFigures } from '#app/server/budgets/budget-payloads.ts';
import type { tripList } from '#app/server/trips/trip-payloads.ts';
import type { deadlineList } from '#app/server/workflow/workflow-payloads.ts';
import { useStaffApi } from '#app/web/back-office/api/use-staff-api.ts';
import { TripTable } from '#app/web/back-office/dashboard/trip-table.tsx';
import { STATE_KEYS } from '#app/web/i18n/messages.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { StaffLoadState } from '#app/web/back-office/layout/staff-load-state.tsx';
import type { Me } from '#app/web/back-office/session/session-context.tsx';
import { formatTwd } from '#app/web/format/display-names.ts';
import { RocDate } from '#app/web/format/roc-date-view.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

type TripList = z.infer<typeof tripList>;
type DeadlineList = z.infer<typeof deadlineList>;
type BudgetWithFigures = z.infer<typeof budgetWithFigures>;

/** A clerk's own agency's trips, the newest first, with the button to plan another. */
export function ClerkTrips({ me }: { me: Me }) {
  const bt = useBackOfficeText();
  const state = useStaffApi<TripList>('/api/v1/trips?limit=100&sort=-start');
  return (
    <section className="panel" aria-labelledby="clerk-trips">
      <h2 id="clerk-trips">{bt('clerkTripsTitle')}</h2>
      <p>
        <Link className="button-link primary" to="/admin/trips/new">
          {bt('newTripButton')}
        </Link>
      </p>
      <StaffLoadState state={state} reload={state.reload}>
        {(data) => {
          const own = data.items.filter((t) => t.organisingAgency === me.agency);
          return <TripTable trips={own} caption={bt('clerkTripsTitle')} />;
        }}
      </StaffLoadState>
    </section>
  );
}

/** Deadlines: all that are still owed (a clerk's list) or only the overdue (the secretariat's). */
export function DeadlineSection({ overdueOnly }: { overdueOnly: boolean }) {
  const bt = useBackOfficeText();
  const state = useStaffApi<DeadlineList>(`/api/v1/deadlines?overdueOnly=${overdueOnly}`);
  const heading = overdueOnly ? bt('overdueTitle') : bt('clerkOwedTitle');
  const headingId = overdueOnly ? 'overdue' : 'owed';
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <StaffLoadState state={state} reload={state.reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{overdueOnly ? bt('overdueNone') : bt('clerkOwedNone')}</p>
          ) : (
            <ScrollRegion label={heading}>
              <table className="data-table compact">
                <caption className="visually-hidden">{heading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{bt('colTitle')}</th>
                    <th scope="col">{bt('colWhat')}</th>
                    <th scope="col">{bt('colDue')}</th>
                    <th scope="col">{bt('colDaysOverdue')}</th>
                    {overdueOnly && <th scope="col">{bt('colAgency')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((o) => (
                    <tr key={`${o.tripId}-${o.kind}`} className={o.overdue ? 'overdue' : undefined}>
                      <th scope="row">
                        <Link to={`/admin/trips/${o.tripId}`}>{o.title}</Link>
                      </th>
                      <td>{o.zh}</td>
                      <td className="nowrap">
                        <RocDate iso={o.dueOn} />
                      </td>
                      <td>{o.overdue ? <strong className="overdue-note">{bt('overdueDays', { n: o.daysOverdue })}</strong> : bt('dueOk')}</td>
                      {overdueOnly && <td>{o.agency || bt('noAgency')}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </StaffLoadState>
    </section>
  );
}

/** Submitted trips waiting for the approver or the secretariat. */
export function ReviewQueue() {
  const bt = useBackOfficeText();
  const state = useStaffApi<TripList>('/api/v1/trips?state=submitted&limit=100&sort=start');
  return (
    <section className="panel" aria-labelledby="review-queue">
      <h2 id="review-queue">{bt('reviewQueueTitle')}</h2>
      <StaffLoadState state={state} reload={state.reload}>
        {(data) => (data.items.length === 0 ? <p>{bt('reviewQueueNone')}</p> : <TripTable trips={data.items} caption={bt('reviewQueueTitle')} />)}
      </StaffLoadState>
    </section>
  );
}

/** Each agency's budget: allocated, committed, spent, remaining. */
export function BudgetStatus() {
  const bt = useBackOfficeText();
  const { lang } = useLanguage();
  const state = useStaffApi<BudgetWithFigures[]>('/api/v1/budgets');
  return (
    <section className="panel" aria-labelledby="budget-status">
      <h2 id="budget-status">{bt('budgetStatusTitle')}</h2>
      <p>
        <Link to="/admin/budgets">{bt('budgetsPageTitle')}</Link>
      </p>
      <StaffLoadState state={state} reload={state.reload}>
        {(budgets) =>
          budgets.length === 0 ? (
            <p>{bt('budgetNone')}</p>
          ) : (
            <ScrollRegion label={bt('budgetStatusTitle')}>
              <table className="data-table compact">
                <caption className="visually-hidden">{bt('budgetStatusTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{bt('colAgency')}</th>
                    <th scope="col">{bt('colFiscalYear')}</th>
                    <th scope="col" className="num">
                      {bt('colAllocated')}
                    </th>
                    <th scope="col" className="num">
                      {bt('colCommitted')}
                    </th>
                    <th scope="col" className="num">
                      {bt('colSpent')}
                    </th>
                    <th scope="col" className="num">
                      {bt('colRemaining')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {budgets.map((b) => (
                    <tr key={b.id}>
                      <th scope="row">{b.agency || bt('cityWide')}</th>
                      <td>{bt('rocFiscalYear', { roc: b.fiscalYear })}</td>
                      <td className="num">{formatTwd(lang, b.figures.allocated)}</td>
                      <td className="num">{formatTwd(lang, b.figures.committed)}</td>
                      <td className="num">{formatTwd(lang, b.figures.spent)}</td>
                      <td className={b.figures.remaining < 0 ? 'num overdue-note' : 'num'}>{formatTwd(lang, b.figures.remaining)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </StaffLoadState>
    </section>
  );
}

/** Every trip the caller may see, filtered by state: the auditor's (and secretariat's) overview. */
export function AllTrips() {
  const bt = useBackOfficeText();
  const id = useId();
  const [filter, setFilter] = useState<LifecycleState | ''>('');
  const state = useStaffApi<TripList>(`/api/v1/trips?limit=100&sort=-start${filter ? `&state=${filter}` : ''}`);
  return (
    <section className="panel" aria-labelledby="all-trips">
      <h2 id="all-trips">{bt('allTripsTitle')}</h2>
      <div className="field inline-field">
        <label htmlFor={`${id}-state`}>{bt('filterState')}</label>
        <select id={`${id}-state`} value={filter} onChange={(e) => setFilter(e.target.value as LifecycleState | '')}>
          <option value="">{bt('filterAnyState')}</option>
          {(Object.keys(STATE_KEYS) as LifecycleState[]).map((s) => (
            <option key={s} value={s}>
              {bt(STATE_KEYS[s])}
            </option>
          ))}
        </select>
      </div>
      <StaffLoadState state={state} reload={state.reload}>
        {(data) => (
          <>
            <p role="status" className="result-count">
              {bt('tripsShown', { total: data.total, n: data.items.length })}
            </p>
            <TripTable trips={data.items} caption={bt('allTripsTitle')} />
          </>
        )}
      </StaffLoadState>
    </section>
  );
}
