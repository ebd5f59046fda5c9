import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PartnerKind } from '#app/domain/partners/partner-schema.ts';
import { LoadState } from '#app/web/api/load-state-view.tsx';
import { useApi } from '#app/web/api/use-api.ts';
import { countryName } from '#app/web/format/display-names.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { countKey, PARTNER_KIND_KEYS } from '#app/web/i18n/messages.ts';
import { usePageTitle } from '#app/web/layout/site-layout.tsx';
import { PageNavigation } from '#app/web/portal/page-navigation.tsx';
import { PARTNER_KINDS, PARTNER_PAGE_SIZE, partnerListApiUrl, partnerListSearch, readPartnerListParams, type PartnerListParams } from '#app/web/portal/partner-list-params.ts';
import '#app/web/portal/portal-pages.css';

/** A partner as GET /api/v1/partners lists it. */
export interface PublicPartner {
  id: string;
  kind: PartnerKind;
  name: string;
  nameEn: string;
  aliases: string[];
  countryCode: string | null;
  state: 'proposed' | 'confirmed';
}

/** The search form; applies on submit only (WCAG 3.2.2). */
function PartnerSearchForm({ params, onSearch }: { params: PartnerListParams; onSearch(next: PartnerListParams): void }) {
  const { t } = useLanguage();
  const id = useId();
  const [draft, setDraft] = useState(params);
  const current = JSON.stringify(params);
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    setSeen(current);
    setDraft(params);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q.trim(), page: 1 });
  };
  return (
    <form role="search" className="search-form" onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <h2 id={`${id}-legend`} className="form-title">
        {t('partnerSearchLegend')}
      </h2>
      <div className="field field-wide">
        <label htmlFor={`${id}-q`}>{t('partnerSearchLabel')}</label>
        <input id={`${id}-q`} name="q" type="search" value={draft.q} maxLength={200} aria-describedby={`${id}-q-hint`} onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))} />
        <p id={`${id}-q-hint`} className="hint">
          {t('partnerSearchHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('partnerKindLabel')}</label>
        <select id={`${id}-kind`} name="kind" value={draft.kind} onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as PartnerListParams['kind'] }))}>
          <option value="">{t('filterAny')}</option>
          {PARTNER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(PARTNER_KIND_KEYS[k])}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('searchSubmit')}
        </button>
        <button type="button" onClick={() => onSearch({ q: '', kind: '', page: 1 })}>
          {t('clearFilters')}
        </button>
      </div>
    </form>
  );
}

function Results({ params, items, total }: { params: PartnerListParams; items: PublicPartner[]; total: number }) {
  const { lang, t } = useLanguage();
  const from = total === 0 ? 0 : (params.page - 1) * PARTNER_PAGE_SIZE + 1;
  return (
    <>
      <p className="result-count" role="status">
        {total === 0 ? t('noPartners') : t(countKey('partnerResultCount', total), { total, from, to: from + items.length - 1 })}
      </p>
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table partner-table">
            <caption className="visually-hidden">{t('partnersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colPartner')}</th>
                <th scope="col">{t('colNameEn')}</th>
                <th scope="col">{t('colKind')}</th>
                <th scope="col">{t('colCountry')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/partners/${p.id}`}>{p.name}</Link>
                    {p.state === 'proposed' && <span className="badge-note">{t('partnerProposed')}</span>}
                  </th>
                  <td lang="en">{p.nameEn || '—'}</td>
                  <td>{t(PARTNER_KIND_KEYS[p.kind])}</td>
                  <td>{p.countryCode ? countryName(lang, { code: p.countryCode, name: lang === 'zh-TW' ? regionZh(p.countryCode) : p.countryCode }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageNavigation page={params.page} pageCount={Math.ceil(total / PARTNER_PAGE_SIZE)} hrefFor={(page) => `?${partnerListSearch({ ...params, page }).toString()}`} />
    </>
  );
}

let zhRegions: Intl.DisplayNames | null | undefined;
/** Where Taiwan's usage differs from the browser's Traditional Chinese names. */
const TAIWAN_NAMES: Record<string, string> = { KR: '韓國', KP: '北韓' };
/** The Chinese name of a country code (partners store only the code). */
export function regionZh(code: string): string {
  if (TAIWAN_NAMES[code]) return TAIWAN_NAMES[code];
  if (zhRegions === undefined) {
    try {
      zhRegions = new Intl.DisplayNames(['zh-Hant-TW'], { type: 'region' });
    } catch {
      zhRegions = null;
    }
  }
  return zhRegions?.of(code) ?? code;
}

/** Cities and organisations the trips dealt with, searchable by name and filterable by kind; state in the URL. */
export default function PartnerListPage() {
  const { t } = useLanguage();
  usePageTitle(t('partnersTitle'));
  const [search, setSearch] = useSearchParams();
  const params = readPartnerListParams(search);
  const list = useApi<{ items: PublicPartner[]; total: number }>(partnerListApiUrl(params));
  return (
    <>
      <h1>{t('partnersTitle')}</h1>
      <p className="lead">{t('partnersIntro')}</p>
      <PartnerSearchForm params={params} onSearch={(next) => setSearch(partnerListSearch(next))} />
      <section aria-label={t('partnersTitle')} className="results">
        <LoadState state={list} reload={list.reload}>
          {(data) => <Results params={params} items={data.items} total={data.total} />}
        </LoadState>
      </section>
    </>
  );
}
