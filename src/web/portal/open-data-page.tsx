import { DISCLOSURE_FIELDS } from '#app/domain/reports/disclosure-record.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { usePageTitle } from '#app/web/layout/site-layout.tsx';

const LEDGER = '/api/v1/open-data/ledger';

/** The open-data page: downloads, data dictionary and licence. */
export default function OpenDataPage() {
  const { lang, t } = useLanguage();
  usePageTitle(t('openDataTitle'));
  const downloads = [
    { href: `${LEDGER}?format=csv`, label: t('downloadCsv'), kind: 'CSV · UTF-8' },
    { href: `${LEDGER}?format=csv&bom=true`, label: t('downloadCsvBom'), kind: 'CSV · UTF-8 BOM' },
    { href: `${LEDGER}?format=json`, label: t('downloadJson'), kind: 'JSON · UTF-8' },
    { href: `${LEDGER}?format=ods`, label: t('downloadOds'), kind: 'ODS' },
    { href: `${LEDGER}?format=xlsx`, label: t('downloadXlsx'), kind: 'XLSX' },
    { href: '/api/v1/open-data/table?format=ods', label: t('downloadTable'), kind: 'ODS' },
  ];
  return (
    <>
      <h1>{t('openDataTitle')}</h1>
      <p className="lead">{t('openDataIntro')}</p>
      <section aria-labelledby="downloads-title" className="panel">
        <h2 id="downloads-title">{t('downloadsTitle')}</h2>
        <ul className="downloads">
          {downloads.map((d) => (
            <li key={d.href}>
              <a href={d.href} download>
                {d.label}
              </a>{' '}
              <span className="muted">{d.kind}</span>
            </li>
          ))}
          <li>
            <a href="/api/v1/openapi.json">{t('downloadOpenApi')}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="dictionary-title" className="panel">
        <h2 id="dictionary-title">{t('dictionaryTitle')}</h2>
        <div className="table-scroll">
          <table className="data-table compact">
            <caption className="visually-hidden">{t('dictionaryTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colField')}</th>
                <th scope="col">{t('colMeaning')}</th>
              </tr>
            </thead>
            <tbody>
              {DISCLOSURE_FIELDS.map((field) => (
                <tr key={field.key}>
                  <th scope="row">
                    <code>{field.key}</code>
                  </th>
                  <td>{lang === 'zh-TW' ? `${field.label}：${field.zh}` : field.en}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="license-title" className="panel">
        <h2 id="license-title">{t('licenseTitle')}</h2>
        <p>{t('licenseText')}</p>
      </section>
    </>
  );
}
