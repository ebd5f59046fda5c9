import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { usePageTitle } from '#app/web/layout/site-layout.tsx';
import { LEDGER_DICTIONARY } from '#app/web/portal/ledger-dictionary.ts';

/** The open-data page: downloads, data dictionary and licence. */
export default function OpenDataPage() {
  const { lang, t } = useLanguage();
  usePageTitle(t('openDataTitle'));
  return (
    <>
      <h1>{t('openDataTitle')}</h1>
      <p className="lead">{t('openDataIntro')}</p>
      <section aria-labelledby="downloads-title" className="panel">
        <h2 id="downloads-title">{t('downloadsTitle')}</h2>
        <ul className="downloads">
          <li>
            <a href="/api/v1/export/trips.csv" download>
              {t('downloadCsv')}
            </a>{' '}
            <span className="muted">CSV · UTF-8</span>
          </li>
          <li>
            <a href="/api/v1/export/trips.csv?bom=true" download>
              {t('downloadCsvBom')}
            </a>{' '}
            <span className="muted">CSV · UTF-8 BOM</span>
          </li>
          <li>
            <a href="/api/v1/export/trips.json" download>
              {t('downloadJson')}
            </a>{' '}
            <span className="muted">JSON · UTF-8</span>
          </li>
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
              {Object.entries(LEDGER_DICTIONARY).map(([column, meaning]) => (
                <tr key={column}>
                  <th scope="row">
                    <code>{column}</code>
                  </th>
                  <td>{lang === 'zh-TW' ? meaning.zh : meaning.en}</td>
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
