import { useEffect, type ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { ROLE_KEYS } from '#app/web/back-office/i18n/back-office-messages.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useSession } from '#app/web/back-office/session/session-context.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { useFocusMainOnNavigation } from '#app/web/layout/use-focus-main-on-navigation.ts';

/** Sets the page title; every back-office page has its own (WCAG 2.4.2). */
export function useStaffPageTitle(title: string): void {
  const bt = useBackOfficeText();
  useEffect(() => {
    document.title = `${title} | ${bt('backOfficeName')}`;
  }, [title, bt]);
}

/** The frame of the back office: skip link, header with the staff menu, who is signed in, the language switch. */
export function BackOfficeLayout({ children }: { children: ReactNode }) {
  const { lang, setLang, t } = useLanguage();
  const bt = useBackOfficeText();
  const { me, signOut, can } = useSession();
  const navigate = useNavigate();
  const main = useFocusMainOnNavigation();

  const other = lang === 'zh-TW' ? 'en' : 'zh-TW';
  return (
    <div className="back-office">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header staff-header">
        <div className="site-header-inner">
          <Link to="/admin" className="site-name">
            <span className="site-name-main">{bt('backOfficeName')}</span>
          </Link>
          {me && (
            <nav aria-label={bt('backOfficeNav')} className="main-nav">
              <ul>
                <li>
                  <NavLink to="/admin" end>
                    {bt('navDashboard')}
                  </NavLink>
                </li>
                {can('clerk', 'secretariat') && (
                  <li>
                    <NavLink to="/admin/trips/new">{bt('navNewTrip')}</NavLink>
                  </li>
                )}
                {can('secretariat') && (
                  <li>
                    <NavLink to="/admin/imports">{bt('navImports')}</NavLink>
                  </li>
                )}
                {can('secretariat', 'auditor') && (
                  <li>
                    <NavLink to="/admin/reports">{bt('navReports')}</NavLink>
                  </li>
                )}
                {can('secretariat', 'auditor') && (
                  <li>
                    <NavLink to="/admin/budgets">{bt('navBudgets')}</NavLink>
                  </li>
                )}
                {can('secretariat', 'auditor') && (
                  <li>
                    <NavLink to="/admin/audit">{bt('navAudit')}</NavLink>
                  </li>
                )}
                <li>
                  <Link to="/">{bt('navPortal')}</Link>
                </li>
              </ul>
            </nav>
          )}
          <div className="staff-user">
            {me && (
              <>
                <span className="staff-name">{bt('signedInAs', { name: me.displayName, roles: me.roles.map((r) => bt(ROLE_KEYS[r])).join('、') })}</span>
                <button
                  type="button"
                  onClick={() => {
                    void signOut().then(() => navigate('/admin/sign-in'));
                  }}
                >
                  {bt('signOut')}
                </button>
              </>
            )}
            <button type="button" className="lang-switch" lang={other} title={t('switchLanguageLabel')} onClick={() => setLang(other)}>
              {t('switchLanguage')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="staff-main">
        {children}
      </main>
    </div>
  );
}
