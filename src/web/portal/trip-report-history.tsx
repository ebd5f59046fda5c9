import type { Trip } from '#app/domain/trips/trip-schema.ts';
import type { TripHistory, TripHistoryEntry } from '#app/server/trips/trip-history-payloads.ts';
import { LoadState } from '#app/web/api/load-state-view.tsx';
import { useApi } from '#app/web/api/use-api.ts';
import { formatNumber } from '#app/web/format/display-names.ts';
import { RocDate } from '#app/web/format/roc-date-view.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { STATE_KEYS } from '#app/web/i18n/messages.ts';
import { taipeiDate, TRIP_FIELD_KEYS } from '#app/web/portal/portal-labels.tsx';

/** The post-trip report (出國報告): its details and the file to download when one was uploaded. */
export function TripReport({ trip }: { trip: Trip }) {
  const { lang, t } = useLanguage();
  const report = trip.report;
  const sep = lang === 'zh-TW' ? '、' : ', ';
  const file = report?.file ?? null;
  const size = file ? (file.bytes < 1024 ? `${file.bytes} B` : `${formatNumber(lang, Math.max(1, Math.round(file.bytes / 1024)))} KB`) : '';
  return (
    <section aria-labelledby="report-title" className="panel">
      <h2 id="report-title">{t('sectionReport')}</h2>
      {!report ? (
        <p>{t('reportNone')}</p>
      ) : (
        <dl className="fields">
          <div className="field-row">
            <dt>{t('reportTitle')}</dt>
            <dd>{report.title}</dd>
          </div>
          {report.date && (
            <div className="field-row">
              <dt>{t('reportDate')}</dt>
              <dd>
                <RocDate iso={report.date} />
              </dd>
            </div>
          )}
          {report.pages !== null && (
            <div className="field-row">
              <dt>{t('reportPages')}</dt>
              <dd>{report.pages}</dd>
            </div>
          )}
          {report.summary && (
            <div className="field-row">
              <dt>{t('reportSummary')}</dt>
              <dd>{report.summary}</dd>
            </div>
          )}
          {report.keywords.length > 0 && (
            <div className="field-row">
              <dt>{t('reportKeywords')}</dt>
              <dd>{report.keywords.join(sep)}</dd>
            </div>
          )}
          <div className="field-row">
            <dt>{t('reportFile')}</dt>
            <dd>
              {file ? (
                <a className="report-download" href={`/api/v1/trips/${encodeURIComponent(trip.id)}/report/file`} download={file.name}>
                  {t('reportDownload', { type: file.mediaType === 'application/pdf' ? 'PDF' : 'ODT', size })}
                </a>
              ) : (
                <span className="muted">{t('reportNoFile')}</span>
              )}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function HistoryText({ entry }: { entry: TripHistoryEntry }) {
  const { lang, t } = useLanguage();
  const fields = entry.fields.map((f) => (TRIP_FIELD_KEYS[f] ? t(TRIP_FIELD_KEYS[f]) : f)).join(lang === 'zh-TW' ? '、' : ', ');
  switch (entry.kind) {
    case 'imported':
      return <>{t('historyImported')}</>;
    case 'created':
      return <>{t('historyCreated')}</>;
    case 'report-file':
      return <>{t('historyReportFile')}</>;
    case 'fields-changed':
      return <>{t('historyFieldsChanged', { fields })}</>;
    case 'state-changed': {
      const to = entry.state ? t(STATE_KEYS[entry.state]) : '';
      const text = entry.fromState ? t('historyStateChanged', { from: t(STATE_KEYS[entry.fromState]), to }) : t('historyStateSet', { to });
      return <>{entry.fields.length ? `${text}${t('historyAlsoChanged', { fields })}` : text}</>;
    }
  }
}

/** The changes to the trip the public may know (GET /api/v1/trips/:id/history): dates and what changed, not who. */
export function TripHistorySection({ tripId }: { tripId: string }) {
  const { t } = useLanguage();
  const history = useApi<TripHistory>(`/api/v1/trips/${encodeURIComponent(tripId)}/history`);
  return (
    <section aria-labelledby="history-title" className="panel">
      <h2 id="history-title">{t('sectionHistory')}</h2>
      <p className="muted small">{t('historyIntro')}</p>
      <LoadState state={history} reload={history.reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('historyEmpty')}</p>
          ) : (
            <table className="data-table compact history-table">
              <caption className="visually-hidden">{t('sectionHistory')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colWhen')}</th>
                  <th scope="col">{t('colChange')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((entry, i) => (
                  <tr key={i}>
                    <td className="nowrap">
                      <RocDate iso={taipeiDate(entry.at)} />
                    </td>
                    <td>
                      <HistoryText entry={entry} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </section>
  );
}
