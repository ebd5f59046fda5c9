import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import type { LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';
import { lockedFields } from '#app/domain/workflow/editable-fields.ts';
import { staffJson, StaffApiError, type FieldIssue } from '#app/web/back-office/api/staff-api.ts';
import { useStaffApi } from '#app/web/back-office/api/use-staff-api.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useStaffPageTitle } from '#app/web/back-office/layout/back-office-layout.tsx';
import { StaffLoadState, useErrorText } from '#app/web/back-office/layout/staff-load-state.tsx';
import { useSession } from '#app/web/back-office/session/session-context.tsx';
import { ConflictNotice } from '#app/web/back-office/trips/conflict-notice.tsx';
import { TripAudit } from '#app/web/back-office/trips/trip-audit.tsx';
import { draftFromTrip, emptyDraft, fieldsOfDraft, inputIdOf, patchOfDraft, type TripDraft } from '#app/web/back-office/trips/trip-draft.ts';
import { TripForm } from '#app/web/back-office/trips/trip-form.tsx';
import { WorkflowPanel, type WorkflowView } from '#app/web/back-office/trips/workflow-panel.tsx';

// The states the public sees (ADR 0003); kept here as a list so the page does not pull zod in with the schema module.
const PUBLISHED: readonly LifecycleState[] = ['approved', 'travelling', 'returned-home', 'settled', 'report-filed', 'closed'];

interface Conflict {
  current: Trip;
  fields: string[];
}

function errorMap(issues: FieldIssue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of issues) {
    const key = i.field.replace(/^body\.?/, '');
    map.set(key, [...(map.get(key) ?? []), i.message]);
  }
  return map;
}

/** The trip form for a new plan (no id) or a stored trip, with its workflow beside it. */
function TripEditor({ stored, onStored }: { stored: Trip | null; onStored(trip: Trip): void }) {
  const bt = useBackOfficeText();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { me, can } = useSession();
  const [draft, setDraft] = useState<TripDraft>(() => (stored ? draftFromTrip(stored) : emptyDraft(me?.agency ?? null)));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const clerkOnly = !!me && me.roles.every((r) => r === 'clerk');
  const mayWrite = can('clerk', 'secretariat') && (!clerkOnly || !stored || stored.organisingAgency === me?.agency);
  const editable = (field: string) => mayWrite && (!stored || lockedFields(stored.lifecycleState, [field.split('.')[0]!]).length === 0);

  useEffect(() => {
    if (issues.length || general) summary.current?.focus();
  }, [issues, general]);

  const fail = (e: unknown) => {
    setBusy(false);
    if (e instanceof StaffApiError && e.status === 409 && e.code === 'version-conflict' && e.body.current) {
      setConflict({ current: e.body.current as Trip, fields: Array.isArray(e.body.changedFields) ? (e.body.changedFields as string[]) : [] });
      return;
    }
    if (e instanceof StaffApiError && Array.isArray(e.body.fields)) {
      setIssues((e.body.fields as string[]).map((field) => ({ field, message: bt('lockedNote') })));
    } else if (e instanceof StaffApiError && e.issues.length) {
      setIssues(e.issues);
    }
    setGeneral(bt('errorGeneral', { message: errorText(e) }));
  };

  const save = (base: Trip | null) => {
    setBusy(true);
    setIssues([]);
    setGeneral(null);
    setSaved(null);
    setConflict(null);
    if (!base) {
      staffJson<Trip>('POST', '/api/v1/trips', { body: fieldsOfDraft(draft) }).then((created) => {
        setBusy(false);
        navigate(`/admin/trips/${created.id}`, { state: { created: true } });
      }, fail);
      return;
    }
    staffJson<Trip>('PATCH', `/api/v1/trips/${base.id}`, { body: patchOfDraft(draft, base) }).then((updated) => {
      setBusy(false);
      setSaved(bt('saved', { version: updated.version }));
      onStored(updated);
    }, fail);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(stored);
  };

  const errors = errorMap(issues);
  return (
    <form className="trip-form" onSubmit={submit} noValidate aria-label={stored ? bt('tripEditTitle', { title: stored.title }) : bt('tripNewTitle')}>
      {!mayWrite && <p className="muted">{bt('readOnlyNote')}</p>}
      {(issues.length > 0 || general) && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          {general && <p>{general}</p>}
          {issues.length > 0 && (
            <>
              <p>{bt('errorSummary', { n: issues.length })}</p>
              <ul>
                {issues.map((i) => (
                  <li key={`${i.field}-${i.message}`}>
                    <a href={`#${inputIdOf(i.field.startsWith('body.budget.estimate') && !i.field.includes('Breakdown') ? 'body.budget.estimateBreakdown.airfare' : i.field)}`}>
                      {i.field.replace(/^body\./, '')}
                    </a>
                    ：{i.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {conflict && (
        <ConflictNotice
          current={conflict.current}
          fields={conflict.fields}
          mine={fieldsOfDraft(draft, conflict.current)}
          onUseTheirs={() => {
            onStored(conflict.current);
            setDraft(draftFromTrip(conflict.current));
            setConflict(null);
          }}
          onKeepMine={() => {
            onStored(conflict.current);
            save(conflict.current);
          }}
        />
      )}
      <TripForm draft={draft} setDraft={setDraft} errors={errors} editable={editable} agencyFixed={clerkOnly} />
      {mayWrite && (
        <div className="form-actions sticky-actions">
          <button type="submit" id="trip-save" className="primary" disabled={busy}>
            {busy ? bt('saving') : stored ? bt('saveTrip') : bt('createTrip')}
          </button>
          {saved && (
            <span role="status" className="form-ok">
              {saved}
            </span>
          )}
        </div>
      )}
    </form>
  );
}

/** A stored trip: its workflow, the form and (for the secretariat and auditors) its audit entries. */
function StoredTrip({ id }: { id: string }) {
  const bt = useBackOfficeText();
  const { can } = useSession();
  const tripState = useStaffApi<Trip>(`/api/v1/trips/${id}`);
  const viewState = useStaffApi<WorkflowView>(`/api/v1/trips/${id}/workflow`);
  const [trip, setTrip] = useState<Trip | null>(null);
  const [formKey, setFormKey] = useState(0);
  // Only a fresh read replaces the trip; saves and steps set it from their answers in between.
  const loaded = tripState.status === 'ok' ? tripState.data : null;
  useEffect(() => {
    if (loaded) setTrip(loaded);
  }, [loaded]);
  useStaffPageTitle(trip ? bt('tripEditTitle', { title: trip.title }) : bt('loadingText'));
  const reloadView = viewState.reload;

  return (
    <StaffLoadState state={tripState} reload={tripState.reload}>
      {() =>
        trip && (
          <>
            <h1>{bt('tripEditTitle', { title: trip.title })}</h1>
            <p className="trip-links">
              <Link to={`/admin/trips/${trip.id}/outcomes`}>{bt('outcomesLink')}</Link>
              {PUBLISHED.includes(trip.lifecycleState) && (
                <>
                  {' · '}
                  <Link to={`/trips/${trip.id}`}>{bt('publicLink')}</Link>
                </>
              )}
            </p>
            <div className="trip-layout">
              <div className="trip-main">
                <TripEditor
                  key={`${trip.id}-${formKey}`}
                  stored={trip}
                  onStored={(t) => {
                    setTrip(t);
                    reloadView();
                  }}
                />
              </div>
              <aside className="trip-side" aria-label={bt('workflowTitle')}>
                <StaffLoadState state={viewState} reload={viewState.reload}>
                  {(view) => (
                    <WorkflowPanel
                      key={`${view.state}-${view.version}`}
                      trip={trip}
                      view={view}
                      onMoved={(t) => {
                        setTrip(t);
                        // The form's fields lock or open with the new state, so it starts again from the stored record.
                        setFormKey((k) => k + 1);
                        reloadView();
                      }}
                    />
                  )}
                </StaffLoadState>
                {can('secretariat', 'auditor') && <TripAudit tripId={trip.id} version={trip.version} />}
              </aside>
            </div>
          </>
        )
      }
    </StaffLoadState>
  );
}

/** /admin/trips/new and /admin/trips/:id. */
export default function TripEditorPage() {
  const { id } = useParams();
  const bt = useBackOfficeText();
  if (id) return <StoredTrip key={id} id={id} />;
  return <NewTrip title={bt('tripNewTitle')} />;
}

function NewTrip({ title }: { title: string }) {
  useStaffPageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <TripEditor stored={null} onStored={() => undefined} />
    </>
  );
}
