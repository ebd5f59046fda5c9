import { useEffect, useRef, useState, type FormEvent } from 'react';
import { staffJson, StaffApiError } from '#app/web/back-office/api/staff-api.ts';
import type { BackOfficeKey } from '#app/web/back-office/i18n/back-office-messages.ts';
import { FOLLOW_UP_STATUS_KEYS } from '#app/web/i18n/messages.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { differingFields, fileAsBase64, FOLLOW_UP_STATUSES, followUpDateOf, MAX_EVIDENCE_BYTES, typedOf, type FollowUp } from '#app/web/back-office/outcomes/outcome-model.ts';
import { ErrorSummary, useWriteErrors } from '#app/web/back-office/outcomes/write-errors.tsx';
import { ConflictNotice } from '#app/web/back-office/trips/conflict-notice.tsx';
import { describedBy, FormField } from '#app/web/back-office/trips/form-field.tsx';
import { RocDateField } from '#app/web/back-office/trips/roc-date-field.tsx';
import { isoOfTyped, rowKey } from '#app/web/back-office/trips/trip-draft.ts';

interface LinkDraft {
  key: number;
  url: string;
  title: string;
}

interface Draft {
  date: string;
  dueOn: string;
  description: string;
  status: string;
  links: LinkDraft[];
}

const LABELS: Record<string, BackOfficeKey> = { date: 'fuDate', dueOn: 'fuDueOn', description: 'fuDescription', status: 'fuStatus', links: 'fuEvidence' };

function draftOf(f: FollowUp | null): Draft {
  return {
    date: typedOf(f?.date ?? null),
    dueOn: typedOf(f?.dueOn ?? null),
    description: f?.description ?? '',
    status: f?.status ?? '',
    links: (f?.links ?? []).map((l) => ({ key: rowKey(), url: l.url, title: l.title })),
  };
}

/** The body the API takes; what cannot be read as a date is sent as typed, so the 400 names the field. */
function bodyOf(d: Draft): Record<string, unknown> {
  const date = d.date.trim() === '' ? null : (followUpDateOf(d.date) ?? d.date.trim());
  const dueOn = d.dueOn.trim() === '' ? null : (isoOfTyped(d.dueOn) ?? d.dueOn.trim());
  return {
    date,
    dueOn,
    description: d.description,
    ...(d.status ? { status: d.status } : {}),
    links: d.links.filter((l) => l.url.trim() || l.title.trim()).map((l) => ({ url: l.url.trim(), title: l.title.trim() })),
  };
}

/** Adds a follow-up to an outcome (no `stored`) or changes one; an evidence file chosen here is uploaded after it is saved. */
export function FollowUpForm({ outcomeId, stored, title, onSaved, onClose }: { outcomeId: string; stored: FollowUp | null; title: string; onSaved(note: string): void; onClose(): void }) {
  const bt = useBackOfficeText();
  const prefix = `fu-${stored?.id ?? `new-${outcomeId}`}`;
  const inputId = (field: string) => `${prefix}-${field.replace(/\./g, '-')}`;
  const [base, setBase] = useState(stored);
  const [draft, setDraft] = useState<Draft>(() => draftOf(stored));
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<FollowUp | null>(null);
  const [savedId, setSavedId] = useState<string | null>(stored?.id ?? null);
  const { errors, fields, fail, clear, setGeneral } = useWriteErrors();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId, draft]);

  const parsedDate = draft.date.trim() ? followUpDateOf(draft.date) : null;
  const shown = (d: Draft) => {
    const b = bodyOf(d);
    return {
      date: b.date ?? '—',
      dueOn: b.dueOn ?? '—',
      description: d.description,
      status: d.status ? bt(FOLLOW_UP_STATUS_KEYS[d.status as keyof typeof FOLLOW_UP_STATUS_KEYS]) : '—',
      links: (b.links as { url: string }[]).map((l) => l.url),
    };
  };

  const upload = async (id: string): Promise<string | null> => {
    if (!file) return null;
    if (file.size > MAX_EVIDENCE_BYTES) throw new Error(bt('fuFileTooLarge', { name: file.name }));
    const contentBase64 = await fileAsBase64(file);
    await staffJson('POST', `/api/v1/follow-ups/${id}/files`, { body: { name: file.name, mediaType: file.type || 'application/octet-stream', contentBase64 } });
    return bt('fuFileUploaded', { name: file.name });
  };

  const save = async (on: FollowUp | null) => {
    clear();
    setConflict(null);
    setBusy(true);
    try {
      let id = savedId;
      // A follow-up already stored by an earlier try (its file upload failed) is not created twice.
      if (!id) {
        const created = await staffJson<FollowUp>('POST', `/api/v1/outcomes/${outcomeId}/follow-ups`, { body: bodyOf(draft) });
        id = created.id;
        setSavedId(id);
        setBase(created);
      } else if (on) {
        const body = bodyOf(draft);
        // Saving a proposed follow-up is a person accepting it.
        if (on.state === 'proposed') Object.assign(body, { confirmed: true });
        await staffJson<FollowUp>('PATCH', `/api/v1/follow-ups/${id}`, { body: { ...body, version: on.version } });
      }
      const uploaded = await upload(id);
      setBusy(false);
      onSaved([bt('fuSaved'), uploaded].filter(Boolean).join(' '));
    } catch (e) {
      setBusy(false);
      if (e instanceof StaffApiError && e.status === 409 && on) {
        staffJson<FollowUp>('GET', `/api/v1/follow-ups/${on.id}`).then(setConflict, fail);
        return;
      }
      if (e instanceof StaffApiError) fail(e);
      else setGeneral(bt('errorGeneral', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(base);
  };
  const err = (f: string) => fields.get(f);
  const setLink = (key: number, change: Partial<LinkDraft>) => setDraft((d) => ({ ...d, links: d.links.map((l) => (l.key === key ? { ...l, ...change } : l)) }));

  return (
    <form className="follow-up-form staff-form panel" onSubmit={submit} noValidate aria-label={title}>
      <h4>{title}</h4>
      <ErrorSummary errors={errors} inputId={inputId} />
      {conflict && (
        <ConflictNotice
          title="conflictFollowUpTitle"
          labels={LABELS}
          headingLevel={4}
          current={{ version: conflict.version, ...shown(draftOf(conflict)) }}
          fields={differingFields(shown(draftOf(conflict)), shown(draft))}
          mine={shown(draft)}
          onUseTheirs={() => {
            setBase(conflict);
            setDraft(draftOf(conflict));
            setConflict(null);
          }}
          onKeepMine={() => {
            setBase(conflict);
            void save(conflict);
          }}
        />
      )}
      <div className="form-grid">
        <FormField
          id={inputId('date')}
          label={bt('fuDate')}
          errors={err('date')}
          hint={
            <>
              {bt('fuDateHint')}{' '}
              <output htmlFor={inputId('date')} className="roc-date-iso" data-iso={parsedDate ?? ''}>
                {draft.date.trim() === '' ? '' : parsedDate ? bt('fuDateIs', { iso: parsedDate }) : bt('fuDateUnreadable')}
              </output>
            </>
          }
        >
          <input
            ref={first}
            id={inputId('date')}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="107/10/20"
            maxLength={20}
            value={draft.date}
            onChange={(e) => setDraft({ ...draft, date: e.target.value })}
            aria-describedby={describedBy(inputId('date'), true, err('date'))}
            aria-invalid={err('date') ? true : undefined}
          />
        </FormField>
        <RocDateField id={inputId('dueOn')} label={bt('fuDueOn')} value={draft.dueOn} onChange={(v) => setDraft({ ...draft, dueOn: v })} errors={err('dueOn')} />
        <FormField id={inputId('status')} label={bt('fuStatus')} errors={err('status')}>
          <select id={inputId('status')} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })} aria-describedby={describedBy(inputId('status'), false, err('status'))}>
            {!stored && <option value="">—</option>}
            {FOLLOW_UP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {bt(FOLLOW_UP_STATUS_KEYS[s])}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={inputId('description')} label={bt('fuDescription')} errors={err('description')} wide>
          <textarea
            id={inputId('description')}
            rows={3}
            maxLength={2000}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            aria-describedby={describedBy(inputId('description'), false, err('description'))}
            aria-invalid={err('description') ? true : undefined}
          />
        </FormField>
      </div>
      {draft.links.map((l, i) => {
        const urlId = inputId(`links.${i}.url`);
        const titleId = inputId(`links.${i}.title`);
        return (
          <fieldset key={l.key} className="row-group">
            <legend>{bt('fuLinkN', { n: i + 1 })}</legend>
            <div className="form-grid">
              <FormField id={urlId} label={bt('fuLinkUrl')} errors={err(`links.${i}.url`)}>
                <input id={urlId} type="url" value={l.url} maxLength={2000} placeholder="https://" onChange={(e) => setLink(l.key, { url: e.target.value })} aria-describedby={describedBy(urlId, false, err(`links.${i}.url`))} aria-invalid={err(`links.${i}.url`) ? true : undefined} />
              </FormField>
              <FormField id={titleId} label={bt('fuLinkTitle')} errors={err(`links.${i}.title`)}>
                <input id={titleId} value={l.title} maxLength={300} onChange={(e) => setLink(l.key, { title: e.target.value })} aria-describedby={describedBy(titleId, false, err(`links.${i}.title`))} />
              </FormField>
            </div>
            <button type="button" className="link-button" onClick={() => setDraft((d) => ({ ...d, links: d.links.filter((x) => x.key !== l.key) }))}>
              {bt('fuRemoveLink', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          onClick={() => {
            setDraft((d) => ({ ...d, links: [...d.links, { key: rowKey(), url: '', title: '' }] }));
            setFocusId(inputId(`links.${draft.links.length}.url`));
          }}
        >
          {bt('fuAddLink')}
        </button>
      </p>
      <FormField id={inputId('file')} label={bt('fuFile')} hint={bt('fuFileHint')} errors={[...(err('name') ?? []), ...(err('mediaType') ?? []), ...(err('contentBase64') ?? [])]}>
        <input id={inputId('file')} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby={`${inputId('file')}-hint`} />
      </FormField>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? bt('saving') : bt('fuSave')}
        </button>
        <button type="button" onClick={onClose}>
          {bt('fuCancel')}
        </button>
      </div>
    </form>
  );
}
