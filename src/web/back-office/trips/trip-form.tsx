import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { BudgetCategory } from '#app/domain/trips/trip-schema.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { describedBy, FormField, type FieldErrors } from '#app/web/back-office/trips/form-field.tsx';
import { PerDiemCheck } from '#app/web/back-office/trips/per-diem-check.tsx';
import { RocDateField } from '#app/web/back-office/trips/roc-date-field.tsx';
import { BUDGET_CATEGORIES, breakdownTotal, inputIdOf, rowKey, TRIP_CATEGORIES, type DestinationDraft, type MemberDraft, type TripDraft } from '#app/web/back-office/trips/trip-draft.ts';
import { BUDGET_KEYS, CATEGORY_KEYS, formatTwd } from '#app/web/format/display-names.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

interface TripFormProps {
  draft: TripDraft;
  setDraft: Dispatch<SetStateAction<TripDraft>>;
  errors: FieldErrors;
  /** True when this field may change now (role and lifecycle state). */
  editable(field: string): boolean;
  /** Clerks plan only for their own agency. */
  agencyFixed: boolean;
}

/** The whole trip record as a form: plan, dates, places, delegation, budget with the per-diem check, outcomes. */
export function TripForm({ draft, setDraft, errors, editable, agencyFixed }: TripFormProps) {
  const bt = useBackOfficeText();
  const { lang, t } = useLanguage();
  const set = <K extends keyof TripDraft>(key: K, value: TripDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (field: string) => errors.get(field);
  // A row added with the keyboard gets focus in its first field, where the user means to type next.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId, draft]);

  const text = (field: keyof TripDraft & string, label: string, options: { multiline?: boolean; hint?: string; lock?: string; readOnly?: boolean; max?: number } = {}) => {
    const id = inputIdOf(field);
    const e = err(field);
    const common = {
      id,
      name: field,
      value: draft[field] as string,
      maxLength: options.max ?? 5000,
      readOnly: options.readOnly,
      'aria-invalid': e?.length ? true : undefined,
      'aria-describedby': describedBy(id, !!options.hint, e),
    };
    return (
      <FormField id={id} label={label} hint={options.hint} errors={e} wide={options.multiline}>
        {options.multiline ? <textarea {...common} rows={3} onChange={(ev) => set(field, ev.target.value as never)} /> : <input type="text" {...common} onChange={(ev) => set(field, ev.target.value as never)} />}
      </FormField>
    );
  };

  const setDestination = (key: number, change: Partial<DestinationDraft>) => set('destinations', draft.destinations.map((d) => (d.key === key ? { ...d, ...change } : d)));
  const setMember = (key: number, change: Partial<MemberDraft>) => set('members', draft.members.map((m) => (m.key === key ? { ...m, ...change } : m)));
  const total = breakdownTotal(draft.estimateBreakdown);
  const named = draft.members.filter((m) => m.name.trim()).length;
  const headcount = Number(draft.headcount);
  const planOpen = editable('title');

  return (
    <>
      <fieldset className="form-section" disabled={!planOpen}>
        <legend>{bt('sectionPlan')}</legend>
        {!planOpen && <p className="muted small">{bt('lockedNote')}</p>}
        <div className="form-grid">
          {text('title', bt('fieldTitle'), { max: 500 })}
          <FormField id="trip-category" label={bt('fieldCategory')} errors={err('category')}>
            <select id="trip-category" name="category" value={draft.category} onChange={(e) => set('category', e.target.value as TripDraft['category'])} aria-describedby={describedBy('trip-category', false, err('category'))}>
              {TRIP_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(CATEGORY_KEYS[c])}
                </option>
              ))}
            </select>
          </FormField>
          {text('organisingAgency', bt('fieldAgency'), { max: 200, readOnly: agencyFixed })}
          {text('invitingBody', bt('fieldInvitingBody'), { max: 500 })}
          {text('purpose', bt('fieldPurpose'), { multiline: true })}
          {text('expectedBenefits', bt('fieldExpectedBenefits'), { multiline: true })}
          {text('topics', bt('fieldTopics'), { multiline: true })}
        </div>
      </fieldset>

      <fieldset className="form-section" disabled={!editable('start')}>
        <legend>{bt('sectionDates')}</legend>
        <div className="form-grid">
          <RocDateField id={inputIdOf('start')} label={bt('fieldStart')} value={draft.start} onChange={(v) => set('start', v)} errors={err('start')} />
          <RocDateField id={inputIdOf('end')} label={bt('fieldEnd')} value={draft.end} onChange={(v) => set('end', v)} errors={err('end')} />
        </div>
      </fieldset>

      <fieldset className="form-section" disabled={!editable('destinations')}>
        <legend>{bt('sectionDestinations')}</legend>
        {err('destinations') && <p className="field-error">{err('destinations')!.join('；')}</p>}
        {draft.destinations.map((d, i) => {
          const base = `destinations.${i}`;
          const ids = { country: inputIdOf(`${base}.country`), code: inputIdOf(`${base}.countryCode`), cities: inputIdOf(`${base}.cities`) };
          return (
            <fieldset key={d.key} className="row-group">
              <legend>{bt('destinationN', { n: i + 1 })}</legend>
              <div className="form-grid">
                <FormField id={ids.country} label={bt('fieldCountry')} errors={err(`${base}.country`)}>
                  <input id={ids.country} value={d.country} maxLength={100} onChange={(e) => setDestination(d.key, { country: e.target.value })} aria-describedby={describedBy(ids.country, false, err(`${base}.country`))} aria-invalid={err(`${base}.country`) ? true : undefined} />
                </FormField>
                <FormField id={ids.code} label={bt('fieldCountryCode')} hint={bt('countryCodeHint')} errors={err(`${base}.countryCode`)}>
                  <input
                    id={ids.code}
                    value={d.countryCode}
                    maxLength={2}
                    autoCapitalize="characters"
                    className="short-input"
                    onChange={(e) => setDestination(d.key, { countryCode: e.target.value.toUpperCase() })}
                    aria-describedby={describedBy(ids.code, true, err(`${base}.countryCode`))}
                    aria-invalid={err(`${base}.countryCode`) ? true : undefined}
                  />
                </FormField>
                <FormField id={ids.cities} label={bt('fieldCities')} hint={bt('citiesHint')} errors={err(`${base}.cities`)}>
                  <input id={ids.cities} value={d.cities} maxLength={1000} onChange={(e) => setDestination(d.key, { cities: e.target.value })} aria-describedby={describedBy(ids.cities, true, err(`${base}.cities`))} />
                </FormField>
              </div>
              <button type="button" className="link-button" onClick={() => set('destinations', draft.destinations.filter((x) => x.key !== d.key))}>
                {bt('removeDestination', { n: i + 1 })}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          onClick={() => {
            set('destinations', [...draft.destinations, { key: rowKey(), country: '', countryCode: '', cities: '' }]);
            setFocusId(inputIdOf(`destinations.${draft.destinations.length}.country`));
          }}
        >
          {bt('addDestination')}
        </button>
      </fieldset>

      <fieldset className="form-section" disabled={!editable('members')}>
        <legend>{bt('sectionDelegation')}</legend>
        {draft.members.map((m, i) => {
          const base = `members.${i}`;
          const id = (f: string) => inputIdOf(`${base}.${f}`);
          return (
            <fieldset key={m.key} className="row-group">
              <legend>{bt('memberN', { n: i + 1 })}</legend>
              <div className="form-grid">
                <FormField id={id('name')} label={bt('fieldMemberName')} errors={err(`${base}.name`)}>
                  <input id={id('name')} value={m.name} maxLength={100} onChange={(e) => setMember(m.key, { name: e.target.value })} aria-describedby={describedBy(id('name'), false, err(`${base}.name`))} aria-invalid={err(`${base}.name`) ? true : undefined} />
                </FormField>
                <FormField id={id('title')} label={bt('fieldMemberTitle')} errors={err(`${base}.title`)}>
                  <input id={id('title')} value={m.title} maxLength={100} onChange={(e) => setMember(m.key, { title: e.target.value })} />
                </FormField>
                <FormField id={id('agency')} label={bt('fieldMemberAgency')} errors={err(`${base}.agency`)}>
                  <input id={id('agency')} value={m.agency} maxLength={100} onChange={(e) => setMember(m.key, { agency: e.target.value })} />
                </FormField>
                <FormField id={id('role')} label={bt('fieldMemberRole')} errors={err(`${base}.role`)}>
                  <select id={id('role')} value={m.role} onChange={(e) => setMember(m.key, { role: e.target.value as MemberDraft['role'] })}>
                    <option value="leader">{bt('memberLeader')}</option>
                    <option value="member">{bt('memberMember')}</option>
                  </select>
                </FormField>
              </div>
              <button type="button" className="link-button" onClick={() => set('members', draft.members.filter((x) => x.key !== m.key))}>
                {bt('removeMember', { n: i + 1 })}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          onClick={() => {
            set('members', [...draft.members, { key: rowKey(), name: '', title: '', agency: draft.organisingAgency, role: draft.members.length === 0 ? 'leader' : 'member' }]);
            setFocusId(inputIdOf(`members.${draft.members.length}.name`));
          }}
        >
          {bt('addMember')}
        </button>
        <FormField id={inputIdOf('headcount')} label={bt('fieldHeadcount')} hint={`${bt('headcountHint', { n: named })}${draft.headcount && headcount < named ? ` ${bt('headcountBelowNames', { n: named })}` : ''}`} errors={err('headcount')}>
          <input
            id={inputIdOf('headcount')}
            name="headcount"
            type="text"
            inputMode="numeric"
            className="short-input"
            value={draft.headcount}
            maxLength={5}
            onChange={(e) => set('headcount', e.target.value)}
            aria-describedby={describedBy(inputIdOf('headcount'), true, err('headcount'))}
            aria-invalid={err('headcount') ? true : undefined}
          />
        </FormField>
      </fieldset>

      <fieldset className="form-section" disabled={!editable('budget')}>
        <legend>{bt('sectionBudget')}</legend>
        <div className="form-grid budget-grid">
          {BUDGET_CATEGORIES.map((c: BudgetCategory) => {
            const field = `budget.estimateBreakdown.${c}`;
            const id = inputIdOf(field);
            return (
              <FormField key={c} id={id} label={t(BUDGET_KEYS[c])} errors={err(field)}>
                <input
                  id={id}
                  type="text"
                  inputMode="numeric"
                  value={draft.estimateBreakdown[c]}
                  maxLength={13}
                  onChange={(e) => set('estimateBreakdown', { ...draft.estimateBreakdown, [c]: e.target.value })}
                  aria-describedby={describedBy(id, false, err(field))}
                  aria-invalid={err(field) ? true : undefined}
                />
              </FormField>
            );
          })}
        </div>
        <p className="budget-total" id={inputIdOf('budget.estimate')}>
          {bt('breakdownTotal')}：<strong>{total === null ? bt('breakdownTotalNone') : formatTwd(lang, total)}</strong>
        </p>
        {err('budget.estimate') && <p className="field-error">{err('budget.estimate')!.join('；')}</p>}
      </fieldset>

      <PerDiemCheck draft={draft} disabled={!editable('budget')} />

      <fieldset className="form-section" disabled={!editable('outcomes')}>
        <legend>{bt('sectionOutcomes')}</legend>
        <div className="form-grid">
          {text('outcomes', bt('fieldOutcomes'), { multiline: true, hint: bt('outcomesHint'), max: 100000 })}
          {text('notes', bt('fieldNotes'), { multiline: true })}
        </div>
      </fieldset>
    </>
  );
}
