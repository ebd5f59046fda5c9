import { Link } from 'react-router';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { usePageTitle } from '#app/web/layout/site-layout.tsx';

/** Any address the app does not know. */
export default function NotFoundPage() {
  const { t } = useLanguage();
  usePageTitle(t('notFoundTitle'));
  return (
    <>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <Link to="/">{t('navHome')}</Link>
      </p>
    </>
  );
}
