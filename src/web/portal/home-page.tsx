import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { PortalOverview } from '#app/server/portal/portal-payloads.ts';
import { LoadState } from '#app/web/api/load-state-view.tsx';
import { useApi } from '#app/web/api/use-api.ts';
import { countryName, formatNumber, STATUS_KEYS } from '#app/web/format/display-names.ts';
import { RocDate, RocDateRange } from '#app/web/format/roc-date-view.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { countKey } from '#app/web/i18n/messages.ts';
import { usePageTitle } from '#app/web/layout/site-layout.tsx';
import { CostPerYearChart } from '#app/web/portal/cost-per-year-chart.tsx';
import { TripPlaces } from '#app/web/portal/trip-places.tsx';

// The map's paths are the largest part of the home page, so they load after the figures.
const DestinationMap = lazy(() => import('#app/web/portal/destination-map.tsx'));

function Stat({ label, value, unit, note }: { label: string; value: string; unit: string; note?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span className="stat-value">{value}</span>
        {unit && <span className="stat-unit"> {unit}</span>}
        {note && <span className="stat-note">{note}</span>}
      </dd>
    </div>
  );
}

function Overview({ o }: { o: PortalOverview }) {
  const { lang, t, tx } = useLanguage();
  return (
    <>
      {o.firstStart && o.lastEnd && (
        <p className="lead">
          {tx('homeIntro', { from: <RocDate iso={o.firstStart} />, to: <RocDate iso={o.lastEnd} /> })}
        </p>
      )}
      <dl className="stats">
        <Stat label={t('statTrips')} value={formatNumber(lang, o.tripCount)} unit={t('unitTrips')} />
        <Stat label={t('statCost')} value={formatNumber(lang, o.actualTotal)} unit={t('unitTwd')} {...(o.tripsWithoutActual > 0 ? { note: t(countKey('statCostNote', o.tripsWithoutActual), { n: o.tripsWithoutActual }) } : {})} />
        <Stat label={t('statCountries')} value={formatNumber(lang, o.countries.length)} unit={t('unitCountries')} />
        <Stat label={t('statOutcomes')} value={formatNumber(lang, o.outcomeCount)} unit={t('unitItems')} />
        <Stat label={t('statTravellers')} value={formatNumber(lang, o.travellerCount)} unit={t('unitPeople')} />
      </dl>

      <div className="home-grid">
        <section aria-labelledby="map-title" className="panel">
          <h2 id="map-title">{t('mapTitle')}</h2>
          <div className="map-frame">
            <Suspense fallback={<p className="load-note">{t('mapLoading')}</p>}>
              <DestinationMap countries={o.countries} />
            </Suspense>
          </div>
          <ul className="country-counts">
            {o.countries.map((c) => (
              <li key={c.code ?? c.name}>
                <Link to={`/trips?country=${encodeURIComponent(c.code ?? c.name)}`}>{countryName(lang, c)}</Link> <span className="count">{t(countKey('countryTrips', c.trips), { n: c.trips })}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/partners" className="more-link">
              {t('seePartners')}
            </Link>
          </p>
        </section>
        <section aria-labelledby="chart-title" className="panel">
          <h2 id="chart-title">{t('chartTitle')}</h2>
          <CostPerYearChart years={o.years} />
          <p>
            <Link to="/budgets" className="more-link">
              {t('seeBudgets')}
            </Link>
          </p>
        </section>
      </div>

      <section aria-labelledby="latest-title" className="panel">
        <h2 id="latest-title">{t('latestTitle')}</h2>
        <ul className="trip-cards">
          {o.latest.map((trip) => (
            <li key={trip.id} className="trip-card">
              <h3>
                <Link to={`/trips/${trip.id}`}>{trip.title}</Link>
              </h3>
              <p className="trip-card-meta">
                <RocDateRange start={trip.start} end={trip.end} /> · <TripPlaces destinations={trip.countries} /> · <span className={`status status-${trip.status}`}>{t(STATUS_KEYS[trip.status])}</span>
              </p>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/trips" className="more-link">
            {t('seeAllTrips')}
          </Link>
        </p>
      </section>
    </>
  );
}

/** Home: the term at a glance. */
export default function HomePage() {
  const { t } = useLanguage();
  usePageTitle(t('homeTitle'));
  const overview = useApi<PortalOverview>('/api/v1/portal/overview');
  return (
    <>
      <h1>{t('homeTitle')}</h1>
      <LoadState state={overview} reload={overview.reload}>
        {(o) => <Overview o={o} />}
      </LoadState>
    </>
  );
}
