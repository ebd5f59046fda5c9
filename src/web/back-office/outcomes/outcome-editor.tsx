import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { staffJson, StaffApiError } from '#app/web/back-office/api/staff-api.ts';
import type { BackOfficeKey } from '#app/web/back-office/i18n/back-office-messages.ts';
import { OUTCOME_STATUS_KEYS, OUTCOME_TYPE_KEYS, PARTNER_KIND_KEYS } from '#app/web/i18n/messages.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { differingFields, OUTCOME_STATUSES, OUTCOME_TYPES, type ChosenPartner, type OutcomeRecord, type PartnerHit, type Theme } from '#app/web/back-office/outcomes/outcome-model.ts';
import { ErrorSummary, useWriteErrors } from '#app/web/back-office/outcomes/write-errors.tsx';
import { ConflictNotice } from '#app/web/back-office/trips/conflict-notice.tsx';
import { describedBy, FormField } from '#app/web/back-office/trips/form-field.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

interface Draft {
  type: string;
  status: string;
  agency: string;
  themes: string[];
  counterparties: ChosenPartner[];
}

const LABELS: Record<string, BackOfficeKey> = { type: 'outcomeType', status: 'outcomeStatus', agency: 'outcomeAgency', themes: 'outcomeThemes', counterparties: 'outcomeCounterparties' };

function draftOf(r: OutcomeRecord): Draft {
  return {
    type: r.type ?? '',
    status: r.status,
    agency: r.agency ?? '',
    themes: r.themes.map((t) => t.id),
    counterparties: r.counterparties.map((c) => ({ partnerId: c.partnerId, kind: c.kind, name: c.name })),
  };
}

/** Only what changed is sent: a value sent is a value confirmed, and unchanged proposals stay proposals. */
function patchOf(d: Draft, base: OutcomeRecord): Record<string, unknown> {
  const was = draftOf(base);
  const patch: Record<string, unknown> = {};
  if (d.type && d.type !== was.type) patch.type = d.type;
  if (d.status !== was.status) patch.status = d.status;
  if (d.agency.trim() !== was.agency) patch.agency = d.agency.trim() === '' ? null : d.agency.trim();
  if (JSON.stringify(d.themes) !== JSON.stringify(was.themes)) patch.themes = d.themes;
  const ids = d.counterparties.map((c) => c.partnerId);
  if (JSON.stringify(ids) !== JSON.stringify(was.counterparties.map((c) => c.partnerId))) patch.counterparties = ids;
  return patch;
}

/** The classification form of one outcome: type, status, agency, themes, counterparties from the registry. */
export function OutcomeEditor({ record, n, themes, onSaved, onClose }: { record: OutcomeRecord; n: number; themes: Theme[]; onSaved(r: OutcomeRecord, note: string): void; onClose(): void }) {
  const bt = useBackOfficeText();
  const { lang } = useLanguage();
  const prefix = `outcome-${record.id}`;
  const inputId = (field: string) => `${prefix}-${field.replace(/\./g, '-')}`;
  const [base, setBase] = useState(record);
  const [draft, setDraft] = useState<Draft>(() => draftOf(record));
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<OutcomeRecord | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { errors, fields, fail, clear } = useWriteErrors();
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const themeName = (id: string) => {
    const t = themes.find((x) => x.id === id);
    return t ? (lang === 'en' && t.en ? t.en : t.zh) : id;
  };
  const shown = (d: Draft) => ({
    type: d.type ? bt(OUTCOME_TYPE_KEYS[d.type as keyof typeof OUTCOME_TYPE_KEYS]) : bt('outcomeUnclassified'),
    status: bt(OUTCOME_STATUS_KEYS[d.status as keyof typeof OUTCOME_STATUS_KEYS]),
    agency: d.agency.trim() || bt('outcomeNotSet'),
    themes: d.themes.map(themeName),
    counterparties: d.counterparties.map((c) => c.name),
  });

  const save = (on: OutcomeRecord) => {
    const patch = patchOf(draft, on);
    clear();
    setNote(null);
    setConflict(null);
    if (Object.keys(patch).length === 0) {
      setNote(bt('outcomeNoChange'));
      return;
    }
    setBusy(true);
    staffJson<OutcomeRecord>('PATCH', `/api/v1/outcomes/${on.id}`, { body: { ...patch, version: on.version } }).then(
      (saved) => {
        setBusy(false);
        onSaved(saved, bt('outcomeSaved', { version: saved.version }));
      },
      (e: unknown) => {
        setBusy(false);
        if (e instanceof StaffApiError && e.status === 409) {
          // The answer names only the versions; the stored record is read to show what differs.
          staffJson<OutcomeRecord>('GET', `/api/v1/outcomes/${on.id}`).then(setConflict, fail);
          return;
        }
        fail(e);
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(base);
  };

  const fieldErr = (f: string) => fields.get(f);
  return (
    <form className="outcome-editor staff-form" onSubmit={submit} noValidate aria-label={bt('editOutcome', { n })}>
      <ErrorSummary errors={errors} inputId={inputId} />
      {conflict && (
        <ConflictNotice
          title="conflictOutcomeTitle"
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
            save(conflict);
          }}
        />
      )}
      <div className="form-grid">
        <FormField id={inputId('type')} label={bt('outcomeType')} errors={fieldErr('type')}>
          <select ref={first} id={inputId('type')} value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })} aria-describedby={describedBy(inputId('type'), false, fieldErr('type'))} aria-invalid={fieldErr('type') ? true : undefined}>
            {draft.type === '' && (
              <option value="" disabled>
                {bt('outcomeTypeChoose')}
              </option>
            )}
            {OUTCOME_TYPES.map((t) => (
              <option key={t} value={t}>
                {bt(OUTCOME_TYPE_KEYS[t])}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={inputId('status')} label={bt('outcomeStatus')} errors={fieldErr('status')}>
          <select id={inputId('status')} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })} aria-describedby={describedBy(inputId('status'), false, fieldErr('status'))}>
            {OUTCOME_STATUSES.map((s) => (
              <option key={s} value={s}>
                {bt(OUTCOME_STATUS_KEYS[s])}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={inputId('agency')} label={bt('outcomeAgency')} errors={fieldErr('agency')}>
          <input id={inputId('agency')} value={draft.agency} maxLength={200} onChange={(e) => setDraft({ ...draft, agency: e.target.value })} aria-describedby={describedBy(inputId('agency'), false, fieldErr('agency'))} aria-invalid={fieldErr('agency') ? true : undefined} />
        </FormField>
      </div>
      <fieldset className="row-group" id={inputId('themes')} aria-describedby={fieldErr('themes') ? `${inputId('themes')}-error` : undefined}>
        <legend>{bt('outcomeThemes')}</legend>
        <div className="check-grid">
          {themes.map((t) => (
            <label key={t.id} className="check">
              <input
                type="checkbox"
                checked={draft.themes.includes(t.id)}
                onChange={(e) => setDraft({ ...draft, themes: e.target.checked ? [...draft.themes, t.id] : draft.themes.filter((x) => x !== t.id) })}
              />{' '}
              {lang === 'en' && t.en ? t.en : t.zh}
            </label>
          ))}
        </div>
        {fieldErr('themes') && (
          <p id={`${inputId('themes')}-error`} className="field-error">
            {fieldErr('themes')!.join('；')}
          </p>
        )}
      </fieldset>
      <CounterpartyPicker
        idPrefix={inputId('counterparties')}
        chosen={draft.counterparties}
        errors={fieldErr('counterparties')}
        onChange={(counterparties) => setDraft((d) => ({ ...d, counterparties }))}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? bt('saving') : bt('saveOutcome')}
        </button>
        <button type="button" onClick={onClose}>
          {bt('closeEditor')}
        </button>
        {note && (
          <span role="status" className="form-ok">
            {note}
          </span>
        )}
      </div>
    </form>
  );
}

/** The outcome's counterparties, each removable, and a search of the partner registry to add more. */
function CounterpartyPicker({ idPrefix, chosen, errors, onChange }: { idPrefix: string; chosen: ChosenPartner[]; errors: string[] | undefined; onChange(c: ChosenPartner[]): void }) {
  const bt = useBackOfficeText();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PartnerHit[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const searchId = `${idPrefix}-search`;
  const listRef = useRef<HTMLUListElement>(null);

  const search = () => {
    const q = query.trim();
    if (!q) return;
    setSearchError(null);
    staffJson<{ items: PartnerHit[] }>('GET', `/api/v1/partners?q=${encodeURIComponent(q)}&limit=20`).then(
      (page) => setHits(page.items),
      (e: unknown) => setSearchError(e instanceof Error ? e.message : String(e)),
    );
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches instead of saving the whole form.
    if (e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  };
  const remove = (id: string) => {
    const i = chosen.findIndex((c) => c.partnerId === id);
    onChange(chosen.filter((c) => c.partnerId !== id));
    // Keep focus in the list: on the next remove button, or the search field when the list is empty.
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll('button');
      const next = buttons?.[Math.min(i, (buttons?.length ?? 1) - 1)];
      (next ?? document.getElementById(searchId))?.focus();
    });
  };

  return (
    <fieldset className="row-group" id={idPrefix} aria-describedby={errors ? `${idPrefix}-error` : undefined}>
      <legend>{bt('outcomeCounterparties')}</legend>
      {chosen.length === 0 ? (
        <p className="muted small">{bt('outcomeNoneListed')}</p>
      ) : (
        <ul className="chip-list" ref={listRef}>
          {chosen.map((c) => (
            <li key={c.partnerId}>
              {c.name} <span className="muted small">（{bt(PARTNER_KIND_KEYS[c.kind])}）</span>{' '}
              <button type="button" className="link-button" onClick={() => remove(c.partnerId)}>
                {bt('partnerRemove', { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {errors && (
        <p id={`${idPrefix}-error`} className="field-error">
          {errors.join('；')}
        </p>
      )}
      <div className="partner-search">
        <FormField id={searchId} label={bt('partnerSearch')} hint={bt('partnerSearchHint')}>
          <input id={searchId} type="search" value={query} maxLength={200} autoComplete="off" onChange={(e) => setQuery(e.target.value)} onKeyDown={onKey} aria-describedby={`${searchId}-hint`} />
        </FormField>
        <button type="button" onClick={search}>
          {bt('partnerSearchButton')}
        </button>
      </div>
      <p role="status" className="small">
        {searchError ?? (hits ? bt('partnerResults', { n: hits.length }) : '')}
      </p>
      {hits && hits.length > 0 && (
        <ul className="partner-hits">
          {hits.map((h) => {
            const taken = chosen.some((c) => c.partnerId === h.id);
            return (
              <li key={h.id}>
                <button type="button" disabled={taken} onClick={() => onChange([...chosen, { partnerId: h.id, kind: h.kind, name: h.name }])}>
                  {bt('partnerAdd', { name: h.name })}
                </button>{' '}
                <span className="muted small">
                  {bt(PARTNER_KIND_KEYS[h.kind])}
                  {h.nameEn ? ` · ${h.nameEn}` : ''}
                  {h.countryCode ? ` · ${h.countryCode}` : ''} · {bt(h.state === 'proposed' ? 'proposalProposed' : 'proposalConfirmed')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
