import { Link } from 'react-router';
import type { OutcomeRecord } from '#app/domain/outcomes/outcome-record-schema.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { useApi } from '#app/web/api/use-api.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { FOLLOW_UP_STATUS_KEYS, OUTCOME_STATUS_KEYS, OUTCOME_TYPE_KEYS } from '#app/web/i18n/messages.ts';
import { RocDay } from '#app/web/portal/portal-labels.tsx';

function FollowUps({ outcome }: { outcome: OutcomeRecord }) {
  const { lang, t, tx } = useLanguage();
  const sep = lang === 'zh-TW' ? '、' : ', ';
  if (outcome.followUps.length === 0) return null;
  const labelId = `follow-ups-${outcome.id}`;
  return (
    <div className="follow-ups">
      <p id={labelId} className="sub-label">
        {t('followUpsLabel')}
      </p>
      <ul aria-labelledby={labelId}>
        {outcome.followUps.map((f) => (
          <li key={f.id} className="follow-up">
            <span className="follow-up-when">{f.date ? <RocDay value={f.date} /> : f.dueOn ? tx('followUpDue', { date: <RocDay value={f.dueOn} /> }) : null}
            </span>{' '}
            <span className={`status follow-up-status follow-up-${f.status}`}>{t(FOLLOW_UP_STATUS_KEYS[f.status])}</span>
            {f.overdue && <span className="status status-overdue">{t('followUpOverdue')}</span>} <span className="follow-up-text">{f.description}</span>
            {(f.links.length > 0 || f.files.length > 0) && (
              <span className="follow-up-evidence">
                {` ${t('followUpEvidence')}${lang === 'zh-TW' ? '：' : ': '}`}
                {[
                  ...f.links.map((l, i) => (
                    <a key={`l${i}`} href={l.url} rel="noopener noreferrer">
                      {l.title || l.url}
                    </a>
                  )),
                  ...f.files.map((file) => (
                    <a key={file.id} href={`/api/v1/follow-ups/${encodeURIComponent(f.id)}/files/${encodeURIComponent(file.id)}`} download>
                      {file.name}
                    </a>
                  )),
                ].map((link, i) => (
                  <span key={i}>
                    {i > 0 && sep}
                    {link}
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function OutcomeItem({ text, record }: { text: string; record: OutcomeRecord | undefined }) {
  const { lang, t } = useLanguage();
  return (
    <li className="outcome">
      <p className="outcome-text">{text}</p>
      {record && (
        <>
          <dl className="outcome-meta">
            <div>
              <dt>{t('outcomeTypeLabel')}</dt>
              <dd>
                {record.type ? t(OUTCOME_TYPE_KEYS[record.type]) : t('outcomeUnclassified')}
                {record.type && record.typeState === 'proposed' && <span className="muted">{t('outcomeSuggested')}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('outcomeStatusLabel')}</dt>
              <dd>
                <span className={`status outcome-status-${record.status}`}>{t(OUTCOME_STATUS_KEYS[record.status])}</span>
              </dd>
            </div>
            {record.counterparties.length > 0 && (
              <div>
                <dt>{t('outcomeCounterparties')}</dt>
                <dd className="counterparties">
                  {record.counterparties.map((c, i) => (
                    <span key={c.partnerId}>
                      {i > 0 && (lang === 'zh-TW' ? '、' : ', ')}
                      <Link to={`/partners/${c.partnerId}`}>{c.name}</Link>
                    </span>
                  ))}
                </dd>
              </div>
            )}
          </dl>
          <FollowUps outcome={record} />
        </>
      )}
    </li>
  );
}

/** The trip's outcomes with their type, status, counterparties (linked to the partner pages) and follow-ups. */
export function TripOutcomes({ trip }: { trip: Trip }) {
  const { t } = useLanguage();
  const records = useApi<{ items: OutcomeRecord[] }>(trip.outcomes.length ? `/api/v1/outcomes?tripId=${encodeURIComponent(trip.id)}&limit=500` : null);
  const byId = new Map(records.status === 'ok' ? records.data.items.map((o) => [o.id, o]) : []);
  const byPosition = new Map(records.status === 'ok' ? records.data.items.map((o) => [o.position, o]) : []);
  return (
    <section aria-labelledby="outcomes-title" className="panel">
      <h2 id="outcomes-title">{t('sectionOutcomes')}</h2>
      {trip.outcomes.length === 0 ? (
        <p>{t('noOutcomes')}</p>
      ) : records.status === 'loading' ? (
        <p className="load-note">{t('loading')}</p>
      ) : (
        // If the outcome records cannot be read, the texts of the trip are still shown.
        <ol className="outcomes">
          {trip.outcomes.map((o, i) => (
            <OutcomeItem key={o.id ?? i} text={o.text} record={(o.id ? byId.get(o.id) : undefined) ?? byPosition.get(i)} />
          ))}
        </ol>
      )}
    </section>
  );
}
