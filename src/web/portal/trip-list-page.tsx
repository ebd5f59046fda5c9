import { Link, useSearchParams } from 'react-router';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import type { PortalOverview } from '#app/server/portal/portal-payloads.ts';
import { LoadState } from '#app/web/api/load-state-view.tsx';
import { useApi } from '#app/web/api/use-api.ts';
import { formatNumber, STATUS_KEYS } from '#app/web/format/display-names.ts';
import { RocDateRange } from '#app/web/format/roc-date-view.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { countKey } from '#app/web/i18n/messages.ts';
import { usePageTitle } from '#app/web/layout/site-layout.tsx';
import { PageNavigation } from '#app/web/portal/page-navigation.tsx';
import { PAGE_SIZE, readTripListParams, tripListApiUrl, tripListSearch, type TripListParams } from '#app/web/portal/trip-list-params.ts';
import { TripPlaces } from '#app/web/portal/trip-places.tsx';
import { TripSearchForm } from '#app/web/portal/trip-search-form.tsx';

function Results({ params, items, total }: { params: TripListParams; items: Trip[]; total: number }) {
  const { lang, t } = useLanguage();
  const from = total === 0 ? 0 : (params.page - 1) * PAGE_SIZE + 1;
  return (
    <>
      <p className="result-count" role="status">
        {total === 0 ? t('noResults') : t(countKey('resultCount', total), { total, from, to: from + items.length - 1 })}
      </p>
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table trip-table">
            <caption className="visually-hidden">{t('tripsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colTitle')}</th>
                <th scope="col">{t('colDates')}</th>
                <th scope="col">{t('colPlaces')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col" className="num">
                  {t('colCost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((trip) => (
                <tr key={trip.id}>
                  <th scope="row">
                    <Link to={`/trips/${trip.id}`}>{trip.title}</Link>
                  </th>
                  <td className="nowrap">
                    <RocDateRange start={trip.start} end={trip.end} />
                  </td>
                  <td>
                    <TripPlaces destinations={trip.destinations} />
                  </td>
                  <td>
                    <span className={`status status-${trip.budget.status}`}>{t(STATUS_KEYS[trip.budget.status])}</span>
                  </td>
                  <td className="num">{trip.budget.actual === null ? '—' : formatNumber(lang, trip.budget.actual)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageNavigation page={params.page} pageCount={Math.ceil(total / PAGE_SIZE)} hrefFor={(page) => `?${tripListSearch({ ...params, page }).toString()}`} />
    </>
  );
}

/** The searchable, filterable trip list; its whole state lives in the URL. */
export default function TripListPage() {
  const { t } = useLanguage();
  usePageTitle(t('tripsTitle'));
  const [search, setSearch] = useSearchParams();
  const params = readTripListParams(search);
  const list = useApi<{ items: Trip[]; total: number }>(tripListApiUrl(params));
  const options = useApi<PortalOverview>('/api/v1/portal/overview');
  return (
    <>
      <h1>{t('tripsTitle')}</h1>
      <TripSearchForm params={params} options={options.status === 'ok' ? options.data : null} onSearch={(next) => setSearch(tripListSearch(next))} />
      <section aria-label={t('tripsTitle')} className="results">
        <LoadState state={list} reload={list.reload}>
          {(data) => <Results params={params} items={data.items} total={data.total} />}
        </LoadState>
      </section>
    </>
  );
}
