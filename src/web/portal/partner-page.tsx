import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TimelineEntry } from '#app/domain/partners/partner-timeline.ts';
import { LoadState } from '#app/web/api/load-state-view.tsx';
import { ApiError, fetchJson, useApi } from '#app/web/api/use-api.ts';
import { countryName } from '#app/web/format/display-names.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { PARTNER_KIND_KEYS, type MessageKey } from '#app/web/i18n/messages.ts';
import { usePageTitle } from '#app/web/layout/site-layout.tsx';
import { regionZh, type PublicPartner } from '#app/web/portal/partner-list-page.tsx';
import { RocDay } from '#app/web/portal/portal-labels.tsx';
import '#app/web/portal/portal-pages.css';

const ENTRY_KEYS = { trip: 'timelineTrip', outcome: 'timelineOutcome', 'follow-up': 'timelineFollowUp', agreement: 'timelineAgreement' } as const satisfies Record<TimelineEntry['kind'], MessageKey>;

interface Timeline {
  partner: PublicPartner;
  entries: TimelineEntry[];
}

/** The trips the timeline names, with their titles (a trip entry carries it; the trip of an outcome elsewhere is looked up). */
function useTripTitles(entries: TimelineEntry[]): Map<string, string> {
  const known = new Map(entries.filter((e) => e.kind === 'trip' && e.tripId).map((e) => [e.tripId as string, e.text]));
  const missing = [...new Set(entries.map((e) => e.tripId).filter((id): id is string => id !== null && !known.has(id)))].sort().join(',');
  const [looked, setLooked] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!missing) return;
    const controller = new AbortController();
    Promise.all(missing.split(',').map((id) => fetchJson<{ id: string; title: string }>(`/api/v1/trips/${encodeURIComponent(id)}`, controller.signal).catch(() => null))).then((trips) => {
      if (!controller.signal.aborted) setLooked(new Map(trips.filter((x) => x !== null).map((x) => [x.id, x.title])));
    });
    return () => controller.abort();
  }, [missing]);
  return new Map([...known, ...looked]);
}

function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useLanguage();
  const titles = useTripTitles(entries);
  if (entries.length === 0) return <p>{t('timelineEmpty')}</p>;
  return (
    <ol className="timeline">
      {entries.map((e) => (
        <li key={`${e.kind}:${e.tripId}:${e.outcomeId}:${e.followUpId}:${e.agreementId}`} className={`timeline-entry timeline-${e.kind}`}>
          <p className="timeline-head">
            <span className="timeline-date">
              <RocDay value={e.date} />
            </span>
            <span className={`timeline-kind kind-${e.kind}`}>{t(ENTRY_KEYS[e.kind])}</span>
          </p>
          {e.kind === 'trip' && e.tripId ? (
            <p className="timeline-text">
              <Link to={`/trips/${e.tripId}`}>{e.text}</Link>
            </p>
          ) : (
            <>
              <p className="timeline-text">{e.text}</p>
              {e.tripId && (
                <p className="timeline-trip-link small">
                  <Link to={`/trips/${e.tripId}`}>{t('timelineOfTrip', { title: titles.get(e.tripId) ?? e.tripId })}</Link>
                </p>
              )}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

function PartnerDetail({ data }: { data: Timeline }) {
  const { lang, t } = useLanguage();
  const p = data.partner;
  const count = (kind: TimelineEntry['kind']) => data.entries.filter((e) => e.kind === kind).length;
  return (
    <article aria-labelledby="partner-title">
      <h1 id="partner-title">
        {p.name}
        {p.nameEn && (
          <span className="title-en" lang="en">
            {' '}
            {p.nameEn}
          </span>
        )}
      </h1>
      <section aria-labelledby="partner-facts-title" className="panel">
        <h2 id="partner-facts-title" className="visually-hidden">
          {t('partnerKindLabel')}
        </h2>
        <dl className="fields">
          <div className="field-row">
            <dt>{t('partnerKindLabel')}</dt>
            <dd>
              {t(PARTNER_KIND_KEYS[p.kind])}
              {p.state === 'proposed' && <span className="badge-note">{t('partnerProposed')}</span>}
            </dd>
          </div>
          {p.countryCode && (
            <div className="field-row">
              <dt>{t('partnerCountry')}</dt>
              <dd>{lang === 'zh-TW' ? regionZh(p.countryCode) : countryName(lang, { code: p.countryCode, name: p.countryCode })}</dd>
            </div>
          )}
          {p.aliases.length > 0 && (
            <div className="field-row">
              <dt>{t('partnerAliases')}</dt>
              <dd>{p.aliases.join(lang === 'zh-TW' ? '、' : ', ')}</dd>
            </div>
          )}
        </dl>
      </section>
      <section aria-labelledby="timeline-title" className="panel">
        <h2 id="timeline-title">{t('timelineTitle')}</h2>
        <p className="muted">{t('timelineSummary', { trips: count('trip'), outcomes: count('outcome'), followUps: count('follow-up'), agreements: count('agreement') })}</p>
        <TimelineList entries={data.entries} />
      </section>
    </article>
  );
}

/** One city or organisation across all trips: its visits, the outcomes naming it, follow-ups and agreements in time order. */
export default function PartnerPage() {
  const { t } = useLanguage();
  const { id = '' } = useParams();
  const timeline = useApi<Timeline>(`/api/v1/partners/${encodeURIComponent(id)}/timeline`);
  const notFound = timeline.status === 'error' && timeline.error instanceof ApiError && timeline.error.status === 404;
  usePageTitle(timeline.status === 'ok' ? timeline.data.partner.name : notFound ? t('partnerNotFound') : t('loading'));
  return (
    <>
      <p className="back-link">
        <Link to="/partners">{t('backToPartners')}</Link>
      </p>
      {notFound ? (
        <h1>{t('partnerNotFound')}</h1>
      ) : (
        <LoadState state={timeline} reload={timeline.reload}>
          {(data) => <PartnerDetail data={data} />}
        </LoadState>
      )}
    </>
  );
}
