import { useId, useState, type FormEvent } from 'react';
import type { PortalOverview } from '#app/server/portal/portal-payloads.ts';
import { useApi } from '#app/web/api/use-api.ts';
import { countryName, STATUS_KEYS } from '#app/web/format/display-names.ts';
import { rocYear } from '#app/web/format/roc-date.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { DEFAULT_PARAMS, STATUSES, type TripListParams, type TripSort } from '#app/web/portal/trip-list-params.ts';

const SORT_KEYS = { '-start': 'sortNewest', start: 'sortOldest', title: 'sortTitle', '-cost': 'sortCostHigh', cost: 'sortCostLow' } as const;

/** The search and filter form; it applies on submit only, so changing a field never reloads the list unasked (WCAG 3.2.2). */
export function TripSearchForm({ params, options, onSearch }: { params: TripListParams; options: PortalOverview | null; onSearch(next: TripListParams): void }) {
  const { lang, t } = useLanguage();
  const [draft, setDraft] = useState(params);
  const current = JSON.stringify(params);
  const [seen, setSeen] = useState(current);
  // When the URL changes (back button, a link), the form shows what the list shows.
  if (seen !== current) {
    setSeen(current);
    setDraft(params);
  }
  const id = useId();
  const set = <K extends keyof TripListParams>(key: K, value: TripListParams[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q.trim(), person: draft.person.trim(), agency: draft.agency.trim(), page: 1 });
  };
  const years = options?.years.map((y) => y.year).sort((a, b) => b - a) ?? [];
  const countries = options?.countries ?? [];
  const themeList = useApi<{ items: { id: string; zh: string; en: string }[] }>('/api/v1/outcome-themes');
  const themes = themeList.status === 'ok' ? themeList.data.items : [];

  return (
    <form role="search" className="search-form" onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <h2 id={`${id}-legend`} className="form-title">
        {t('searchLegend')}
      </h2>
      <div className="field field-wide">
        <label htmlFor={`${id}-q`}>{t('searchLabel')}</label>
        <input id={`${id}-q`} name="q" type="search" value={draft.q} maxLength={200} aria-describedby={`${id}-q-hint`} onChange={(e) => set('q', e.target.value)} />
        <p id={`${id}-q-hint`} className="hint">
          {t('searchHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('filterYear')}</label>
        <select id={`${id}-year`} name="year" value={draft.year} onChange={(e) => set('year', e.target.value)}>
          <option value="">{t('filterAny')}</option>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {t('rocYear', { roc: rocYear(y), year: y })}
            </option>
          ))}
          {draft.year && !years.includes(Number(draft.year)) && <option value={draft.year}>{draft.year}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-country`}>{t('filterCountry')}</label>
        <select id={`${id}-country`} name="country" value={draft.country} onChange={(e) => set('country', e.target.value)}>
          <option value="">{t('filterAny')}</option>
          {countries.map((c) => (
            <option key={c.code ?? c.name} value={c.code ?? c.name}>
              {countryName(lang, c)}
            </option>
          ))}
          {draft.country && !countries.some((c) => (c.code ?? c.name) === draft.country) && <option value={draft.country}>{draft.country}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-person`}>{t('filterPerson')}</label>
        <input id={`${id}-person`} name="person" type="text" value={draft.person} maxLength={100} onChange={(e) => set('person', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-agency`}>{t('filterAgency')}</label>
        <input id={`${id}-agency`} name="agency" type="text" value={draft.agency} maxLength={200} onChange={(e) => set('agency', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-theme`}>{t('filterTheme')}</label>
        <select id={`${id}-theme`} name="theme" value={draft.theme} onChange={(e) => set('theme', e.target.value)}>
          <option value="">{t('filterAny')}</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {lang === 'zh-TW' ? theme.zh : theme.en}
            </option>
          ))}
          {draft.theme && !themes.some((theme) => theme.id === draft.theme) && <option value={draft.theme}>{draft.theme}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('filterStatus')}</label>
        <select id={`${id}-status`} name="status" value={draft.status} onChange={(e) => set('status', e.target.value as TripListParams['status'])}>
          <option value="">{t('filterAny')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_KEYS[s])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t('sortLabel')}</label>
        <select id={`${id}-sort`} name="sort" value={draft.sort} onChange={(e) => set('sort', e.target.value as TripSort)}>
          {Object.entries(SORT_KEYS).map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('searchSubmit')}
        </button>
        <button type="button" onClick={() => onSearch(DEFAULT_PARAMS)}>
          {t('clearFilters')}
        </button>
      </div>
    </form>
  );
}
