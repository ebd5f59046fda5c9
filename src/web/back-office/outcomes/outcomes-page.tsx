import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { staffJson } from '#app/web/back-office/api/staff-api.ts';
import { useStaffApi, type StaffState } from '#app/web/back-office/api/use-staff-api.ts';
import { FOLLOW_UP_STATUS_KEYS, OUTCOME_STATUS_KEYS, OUTCOME_TYPE_KEYS, PARTNER_KIND_KEYS } from '#app/web/i18n/messages.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useStaffPageTitle } from '#app/web/back-office/layout/back-office-layout.tsx';
import { ScrollRegion } from '#app/web/back-office/layout/scroll-region.tsx';
import { StaffLoadState } from '#app/web/back-office/layout/staff-load-state.tsx';
import { FollowUpForm } from '#app/web/back-office/outcomes/follow-up-form.tsx';
import { OutcomeEditor } from '#app/web/back-office/outcomes/outcome-editor.tsx';
import { rocOfFollowUpDate, type FollowUp, type OutcomeRecord, type Theme } from '#app/web/back-office/outcomes/outcome-model.ts';
import { ErrorSummary, useWriteErrors } from '#app/web/back-office/outcomes/write-errors.tsx';
import { useSession } from '#app/web/back-office/session/session-context.tsx';
import { RocDate } from '#app/web/format/roc-date-view.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

type ProposalKind = 'type' | 'themes' | 'counterparties' | 'followUps';
const CONFIRM_KEYS = { type: 'confirmType', themes: 'confirmThemes', counterparties: 'confirmCounterparties', followUps: 'confirmFollowUps' } as const;

function StateMark({ state }: { state: 'proposed' | 'confirmed' | null }) {
  const bt = useBackOfficeText();
  if (!state) return null;
  return <span className={`state proposal-${state}`}>{bt(state === 'proposed' ? 'proposalProposed' : 'proposalConfirmed')}</span>;
}

function proposedKinds(r: OutcomeRecord): ProposalKind[] {
  const kinds: ProposalKind[] = [];
  if (r.typeState === 'proposed') kinds.push('type');
  if (r.themes.some((t) => t.state === 'proposed')) kinds.push('themes');
  if (r.counterparties.some((c) => c.state === 'proposed')) kinds.push('counterparties');
  if (r.followUps.some((f) => f.state === 'proposed')) kinds.push('followUps');
  return kinds;
}

/** One follow-up's date: ROC, a month or a day, with the ISO date as its machine value. */
function FollowUpDate({ iso }: { iso: string | null }) {
  if (!iso) return <>—</>;
  return (
    <time dateTime={iso} title={iso}>
      {rocOfFollowUpDate(iso)}
    </time>
  );
}

/** One outcome: what the report says, how it is classified, and its follow-ups with evidence. */
function OutcomeCard({ initial, n, themes, mayWrite, onChange }: { initial: OutcomeRecord; n: number; themes: Theme[]; mayWrite: boolean; onChange(r: OutcomeRecord): void }) {
  const bt = useBackOfficeText();
  const { lang } = useLanguage();
  const [record, setStoredRecord] = useState(initial);
  const setRecord = (r: OutcomeRecord) => {
    setStoredRecord(r);
    onChange(r);
  };
  const [editing, setEditing] = useState(false);
  // null: no follow-up form; 'new': adding one; else the id of the one being changed.
  const [followUpForm, setFollowUpForm] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, fail, clear } = useWriteErrors();
  const editButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const headingId = `outcome-${record.id}-title`;

  const refresh = (message: string) => {
    staffJson<OutcomeRecord>('GET', `/api/v1/outcomes/${record.id}`).then((r) => {
      setRecord(r);
      setNote(message);
    }, fail);
  };
  const confirm = (kinds: ProposalKind[]) => {
    clear();
    setNote(null);
    setBusy(true);
    staffJson<OutcomeRecord>('PATCH', `/api/v1/outcomes/${record.id}`, { body: { confirm: kinds, version: record.version } }).then(
      (r) => {
        setBusy(false);
        setRecord(r);
        setNote(bt('confirmedDone', { version: r.version }));
      },
      (e: unknown) => {
        setBusy(false);
        fail(e);
        // A 409 here means someone else classified it meanwhile: show what is stored now.
        staffJson<OutcomeRecord>('GET', `/api/v1/outcomes/${record.id}`).then(setRecord, () => undefined);
      },
    );
  };
  const remove = (f: FollowUp, i: number) => {
    if (!window.confirm(bt('fuDeleteConfirm', { n: i + 1 }))) return;
    clear();
    setNote(null);
    staffJson('DELETE', `/api/v1/follow-ups/${f.id}`).then(() => {
      refresh(bt('fuDeleted'));
      addButton.current?.focus();
    }, fail);
  };
  const themeName = (id: string) => {
    const t = themes.find((x) => x.id === id);
    return t ? (lang === 'en' && t.en ? t.en : t.zh) : id;
  };
  const proposed = proposedKinds(record);

  return (
    <article className="outcome panel" aria-labelledby={headingId} data-outcome-id={record.id}>
      <h2 id={headingId}>
        {bt('outcomeN', { n })}
        {record.overdue && <span className="state overdue-mark">{bt('outcomeOverdue')}</span>}
      </h2>
      <blockquote className="outcome-text">{record.text}</blockquote>
      <dl className="compact-dl outcome-facts">
        <dt>{bt('outcomeType')}</dt>
        <dd className="outcome-type">
          {record.type ? bt(OUTCOME_TYPE_KEYS[record.type]) : bt('outcomeUnclassified')} <StateMark state={record.typeState} />
        </dd>
        <dt>{bt('outcomeStatus')}</dt>
        <dd>{bt(OUTCOME_STATUS_KEYS[record.status])}</dd>
        <dt>{bt('outcomeAgency')}</dt>
        <dd>{record.agency ?? bt('outcomeNotSet')}</dd>
        <dt>{bt('outcomeThemes')}</dt>
        <dd>
          {record.themes.length === 0 ? (
            bt('outcomeNoneListed')
          ) : (
            <ul className="inline-list">
              {record.themes.map((t) => (
                <li key={t.id}>
                  {themeName(t.id)} <StateMark state={t.state} />
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{bt('outcomeCounterparties')}</dt>
        <dd>
          {record.counterparties.length === 0 ? (
            bt('outcomeNoneListed')
          ) : (
            <ul className="inline-list">
              {record.counterparties.map((c) => (
                <li key={c.partnerId}>
                  {c.name}
                  <span className="muted small">（{bt(PARTNER_KIND_KEYS[c.kind])}{c.countryCode ? ` ${c.countryCode}` : ''}）</span> <StateMark state={c.state} />
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      <ErrorSummary errors={errors} inputId={() => headingId} />
      {mayWrite && (
        <div className="form-actions outcome-actions">
          {proposed.map((k) => (
            <button key={k} type="button" disabled={busy} onClick={() => confirm([k])} data-confirm={k}>
              {bt(CONFIRM_KEYS[k])}
            </button>
          ))}
          <button type="button" ref={editButton} aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            {bt('editOutcome', { n })}
          </button>
        </div>
      )}
      <p role="status" className="form-ok">
        {note ?? ''}
      </p>
      {editing && (
        <OutcomeEditor
          record={record}
          n={n}
          themes={themes}
          onSaved={(r, message) => {
            setRecord(r);
            setNote(message);
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
          onClose={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      )}

      <h3 id={`${headingId}-follow-ups`}>{bt('followUpsTitle')}</h3>
      {record.followUps.length === 0 ? (
        <p className="muted">{bt('followUpsNone')}</p>
      ) : (
        <ScrollRegion label={bt('followUpsOf', { n })}>
          <table className="data-table compact follow-up-table">
            <caption className="visually-hidden">{bt('followUpsOf', { n })}</caption>
            <thead>
              <tr>
                <th scope="col">{bt('fuDate')}</th>
                <th scope="col">{bt('fuDueOn')}</th>
                <th scope="col">{bt('fuDescription')}</th>
                <th scope="col">{bt('fuStatus')}</th>
                <th scope="col">{bt('fuEvidence')}</th>
                {mayWrite && <th scope="col">{bt('fuActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {record.followUps.map((f, i) => (
                <tr key={f.id} data-follow-up-id={f.id} className={f.overdue ? 'overdue-row' : undefined}>
                  <td>
                    <FollowUpDate iso={f.date} />
                  </td>
                  <td>
                    {f.dueOn ? <RocDate iso={f.dueOn} /> : '—'}
                    {f.overdue && (
                      <>
                        {' '}
                        <strong className="overdue-note">{bt('fuOverdue')}</strong>
                      </>
                    )}
                  </td>
                  <td>
                    {f.description}
                    {f.written && <div className="muted small">{bt('fuWritten', { written: f.written })}</div>}
                  </td>
                  <td>
                    {bt(FOLLOW_UP_STATUS_KEYS[f.status])} <StateMark state={f.state} />
                  </td>
                  <td>
                    {f.links.length + f.files.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="evidence-list">
                        {f.links.map((l) => (
                          <li key={l.url}>
                            <a href={l.url} rel="noopener noreferrer" target="_blank">
                              {l.title || l.url}
                            </a>
                          </li>
                        ))}
                        {f.files.map((file) => (
                          <li key={file.id}>
                            <a href={`/api/v1/follow-ups/${f.id}/files/${file.id}`} download={file.name} aria-label={bt('fuDownload', { name: file.name })}>
                              {file.name}
                            </a>{' '}
                            <span className="muted small">({Math.max(1, Math.round(file.size / 1024))} KB)</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {mayWrite && (
                    <td className="row-actions">
                      <button type="button" className="link-button" onClick={() => {
                          setNote(null);
                          setFollowUpForm(f.id);
                        }} aria-expanded={followUpForm === f.id}>
                        {bt('fuEdit', { n: i + 1 })}
                      </button>{' '}
                      <button type="button" className="link-button danger" onClick={() => remove(f, i)}>
                        {bt('fuDelete', { n: i + 1 })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {mayWrite && followUpForm && (
        <FollowUpForm
          key={followUpForm}
          outcomeId={record.id}
          stored={followUpForm === 'new' ? null : (record.followUps.find((f) => f.id === followUpForm) ?? null)}
          title={followUpForm === 'new' ? bt('fuFormNew', { n }) : bt('fuFormEdit', { n: record.followUps.findIndex((f) => f.id === followUpForm) + 1 })}
          onSaved={(message) => {
            setFollowUpForm(null);
            refresh(message);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
          onClose={() => {
            setFollowUpForm(null);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      )}
      {mayWrite && followUpForm === null && (
        <p>
          <button type="button" ref={addButton} onClick={() => {
              setNote(null);
              setFollowUpForm('new');
            }} aria-describedby={headingId}>
            {bt('fuAdd')}
          </button>
        </p>
      )}
    </article>
  );
}

/** The summary line and the cards; the line follows what the cards store. */
function OutcomeList({ outcomes, themes, mayWrite }: { outcomes: OutcomeRecord[]; themes: Theme[]; mayWrite: boolean }) {
  const bt = useBackOfficeText();
  const [list, setList] = useState(outcomes);
  const onChange = useCallback((r: OutcomeRecord) => setList((l) => l.map((o) => (o.id === r.id ? r : o))), []);
  return (
    <>
      <p className="outcomes-summary">
        {bt('outcomesSummary', { n: list.length, proposed: list.filter((o) => o.typeState === 'proposed').length, overdue: list.filter((o) => o.overdue).length })}
      </p>
      {outcomes.length === 0 ? (
        <p>{bt('outcomesNone')}</p>
      ) : (
        <div className="outcome-list">
          {outcomes.map((o, i) => (
            <OutcomeCard key={o.id} initial={o} n={i + 1} themes={themes} mayWrite={mayWrite} onChange={onChange} />
          ))}
        </div>
      )}
    </>
  );
}

interface Loaded {
  trip: Trip;
  outcomes: OutcomeRecord[];
  themes: Theme[];
}

/** /admin/trips/:id/outcomes: the trip's outcome records, classified and followed up. */
export default function OutcomesPage() {
  const { id = '' } = useParams();
  const bt = useBackOfficeText();
  const { me, can } = useSession();
  const tripState = useStaffApi<Trip>(`/api/v1/trips/${id}`);
  const outcomesState = useStaffApi<{ items: OutcomeRecord[] }>(`/api/v1/outcomes?tripId=${encodeURIComponent(id)}&limit=500`);
  const themesState = useStaffApi<{ items: Theme[] }>('/api/v1/outcome-themes');
  const trip = tripState.status === 'ok' ? tripState.data : null;
  useStaffPageTitle(trip ? bt('outcomesTitle', { title: trip.title }) : bt('loadingText'));

  const failed = [tripState, outcomesState, themesState].find((s) => s.status === 'error');
  const all: StaffState<Loaded> =
    failed?.status === 'error'
      ? { status: 'error', error: failed.error }
      : tripState.status === 'ok' && outcomesState.status === 'ok' && themesState.status === 'ok'
        ? { status: 'ok', data: { trip: tripState.data, outcomes: outcomesState.data.items, themes: themesState.data.items } }
        : { status: 'loading' };
  const reload = () => {
    tripState.reload();
    outcomesState.reload();
    themesState.reload();
  };

  // The server decides (a clerk changes only their own agency's trips' outcomes; auditors read);
  // the page shows the controls only where the server would allow them, and still reports a 403.
  const clerkOnly = !!me && me.roles.every((r) => r === 'clerk');
  return (
    <StaffLoadState state={all} reload={reload}>
      {({ trip: t, outcomes, themes }) => {
        const mayWrite = can('clerk', 'secretariat') && (!clerkOnly || t.organisingAgency === me?.agency);
        return (
          <>
            <h1>{bt('outcomesTitle', { title: t.title })}</h1>
            <p>
              <Link to={`/admin/trips/${t.id}`}>{bt('outcomesBackToTrip')}</Link>
            </p>
            <p>{bt('outcomesIntro')}</p>
            {!mayWrite && <p className="muted read-only-note">{bt('outcomesReadOnly')}</p>}
            <OutcomeList outcomes={outcomes} themes={themes} mayWrite={mayWrite} />
          </>
        );
      }}
    </StaffLoadState>
  );
}

