import { Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { useFocusMainOnNavigation } from '#app/web/layout/use-focus-main-on-navigation.ts';

/** Sets the document title for the page; every page has its own (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  const { t } = useLanguage();
  useEffect(() => {
    document.title = `${title} | ${t('siteName')}`;
  }, [title, t]);
}

/** The frame of every public page: skip link, header with navigation and language switch, main, footer. */
export function SiteLayout() {
  const { lang, setLang, t } = useLanguage();
  const main = useFocusMainOnNavigation();

  const other = lang === 'zh-TW' ? 'en' : 'zh-TW';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <NavLink to="/" className="site-name" end>
            <span className="site-name-main">{t('siteName')}</span>
            <span className="site-name-tagline">{t('siteTagline')}</span>
          </NavLink>
          <nav aria-label={t('mainNav')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('navHome')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/trips">{t('navTrips')}</NavLink>
              </li>
              <li>
                <NavLink to="/open-data">{t('navOpenData')}</NavLink>
              </li>
            </ul>
          </nav>
          <button type="button" className="lang-switch" lang={other} title={t('switchLanguageLabel')} onClick={() => setLang(other)}>
            {t('switchLanguage')}
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense
          fallback={
            <p className="load-note" role="status">
              {t('loading')}
            </p>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('footerText')}</p>
        <p>
          <a href="/api/v1/openapi.json">{t('footerApi')}</a>
        </p>
        <p>
          <Link to="/admin">{t('navBackOffice')}</Link>
        </p>
      </footer>
    </>
  );
}
