import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { BudgetCategory, Trip } from '#app/domain/trips/trip-schema.ts';
import { LoadState } from '#app/web/api/load-state-view.tsx';
import { ApiError, useApi } from '#app/web/api/use-api.ts';
import { BUDGET_KEYS, CATEGORY_KEYS, formatNumber, formatTwd, STATUS_KEYS } from '#app/web/format/display-names.ts';
import { tripDays } from '#app/web/format/roc-date.ts';
import { RocDateRange } from '#app/web/format/roc-date-view.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { usePageTitle } from '#app/web/layout/site-layout.tsx';
import { TripOutcomes } from '#app/web/portal/trip-outcomes.tsx';
import { TripPlaces } from '#app/web/portal/trip-places.tsx';
import { TripHistorySection, TripReport } from '#app/web/portal/trip-report-history.tsx';
import '#app/web/portal/portal-pages.css';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Delegation({ trip }: { trip: Trip }) {
  const { lang, t } = useLanguage();
  const listed = trip.members.length;
  return (
    <section aria-labelledby="delegation-title" className="panel">
      <h2 id="delegation-title">{t('sectionDelegation')}</h2>
      <p className="headcount">
        {trip.headcount !== null ? (
          <>
            <strong>{t('headcountStated', { n: trip.headcount })}</strong>
            {listed > 0 && `${lang === 'zh-TW' ? '；' : '; '}${t('headcountListed', { n: listed })}`}
          </>
        ) : (
          t('headcountUnknown', { n: listed })
        )}
      </p>
      {listed > 0 && (
        <table className="data-table compact">
          <caption className="visually-hidden">{t('sectionDelegation')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colJobTitle')}</th>
              <th scope="col">{t('colRole')}</th>
            </tr>
          </thead>
          <tbody>
            {trip.members.map((m, i) => (
              <tr key={`${m.name}-${i}`}>
                <th scope="row">{m.name}</th>
                <td>{m.title || '—'}</td>
                <td>{t(m.role === 'leader' ? 'roleLeader' : 'roleMember')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Budget({ trip }: { trip: Trip }) {
  const { lang, t } = useLanguage();
  const b = trip.budget;
  const money = (v: number | null) => (v === null ? <span className="muted">{t('budgetUnknown')}</span> : formatTwd(lang, v));
  const categories = (Object.keys(BUDGET_KEYS) as BudgetCategory[]).filter((c) => b.estimateBreakdown[c] !== undefined || b.actualBreakdown[c] !== undefined);
  const cell = (v: number | undefined) => (v === undefined ? '—' : formatNumber(lang, v));
  const base = b.approved ?? b.estimate;
  return (
    <section aria-labelledby="budget-title" className="panel">
      <h2 id="budget-title">{t('sectionBudget')}</h2>
      <dl className="fields">
        <Field label={t('budgetStatus')}>
          <span className={`status status-${b.status}`}>{t(STATUS_KEYS[b.status])}</span>
        </Field>
        <Field label={t('budgetEstimate')}>{money(b.estimate)}</Field>
        <Field label={t('budgetApproved')}>{money(b.approved)}</Field>
        <Field label={t('budgetActual')}>{money(b.actual)}</Field>
        {b.actual !== null && base !== null && (
          <Field label={t('budgetDifference')}>
            {b.actual - base >= 0 ? '+' : '−'}
            {formatTwd(lang, Math.abs(b.actual - base))}
          </Field>
        )}
      </dl>
      {categories.length > 0 && (
        <table className="data-table compact">
          <caption>{t('budgetBreakdown')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colCategory')}</th>
              <th scope="col" className="num">
                {t('colEstimate')}
              </th>
              <th scope="col" className="num">
                {t('colActual')}
              </th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c}>
                <th scope="row">{t(BUDGET_KEYS[c])}</th>
                <td className="num">{cell(b.estimateBreakdown[c])}</td>
                <td className="num">{cell(b.actualBreakdown[c])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TripDetail({ trip }: { trip: Trip }) {
  const { t } = useLanguage();
  const stated = (text: string) => (text ? text : <span className="muted">{t('notStated')}</span>);
  return (
    <article className="trip-detail" aria-labelledby="trip-title">
      <h1 id="trip-title">{trip.title}</h1>
      <section aria-labelledby="plan-title" className="panel">
        <h2 id="plan-title">{t('sectionPlan')}</h2>
        <dl className="fields">
          <Field label={t('fieldDates')}>
            <RocDateRange start={trip.start} end={trip.end} />
          </Field>
          <Field label={t('fieldDays')}>{t('daysN', { n: tripDays(trip.start, trip.end) })}</Field>
          <Field label={t('fieldPlaces')}>
            <TripPlaces destinations={trip.destinations} />
          </Field>
          <Field label={t('fieldCategory')}>{t(CATEGORY_KEYS[trip.category])}</Field>
          <Field label={t('fieldAgency')}>{stated(trip.organisingAgency)}</Field>
          <Field label={t('fieldInvitingBody')}>{stated(trip.invitingBody)}</Field>
          <Field label={t('fieldPurpose')}>{stated(trip.purpose)}</Field>
        </dl>
      </section>
      <Delegation trip={trip} />
      <Budget trip={trip} />
      <TripOutcomes trip={trip} />
      <TripReport trip={trip} />
      {trip.source && (
        <section aria-labelledby="source-title" className="panel">
          <h2 id="source-title">{t('sectionSource')}</h2>
          <p>{t('sourceLine', { document: trip.source.document, line: trip.source.line })}</p>
        </section>
      )}
      <TripHistorySection tripId={trip.id} />
      <p className="muted small">
        {t('lastUpdated')}: <time dateTime={trip.updatedAt}>{trip.updatedAt.slice(0, 10)}</time>
      </p>
    </article>
  );
}

/** Everything public about one trip. */
export default function TripPage() {
  const { t } = useLanguage();
  const { id = '' } = useParams();
  const trip = useApi<Trip>(`/api/v1/trips/${encodeURIComponent(id)}`);
  const notFound = trip.status === 'error' && trip.error instanceof ApiError && trip.error.status === 404;
  usePageTitle(trip.status === 'ok' ? trip.data.title : notFound ? t('tripNotFound') : t('loading'));
  return (
    <>
      <p className="back-link">
        <Link to="/trips">{t('backToList')}</Link>
      </p>
      {notFound ? (
        <>
          <h1>{t('tripNotFound')}</h1>
          <p>
            <Link to="/trips">{t('backToList')}</Link>
          </p>
        </>
      ) : (
        <LoadState state={trip} reload={trip.reload}>
          {(data) => <TripDetail trip={data} />}
        </LoadState>
      )}
    </>
  );
}
