import { Link } from 'react-router';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { pageLinks } from '#app/web/portal/trip-list-params.ts';

/** Numbered page links (with previous/next) whose URLs come from `hrefFor`, so a page can be shared. */
export function PageNavigation({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { t } = useLanguage();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t('pagination')} className="pagination">
      <ul>
        <li>{page > 1 ? <Link to={hrefFor(page - 1)} rel="prev">{t('pagePrev')}</Link> : <span className="disabled">{t('pagePrev')}</span>}</li>
        {pageLinks(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <Link to={hrefFor(p)} aria-label={t('pageN', { n: p })} {...(p === page ? { 'aria-current': 'page' as const } : {})}>
                {p}
              </Link>
            </li>
          ),
        )}
        <li>{page < pageCount ? <Link to={hrefFor(page + 1)} rel="next">{t('pageNext')}</Link> : <span className="disabled">{t('pageNext')}</span>}</li>
      </ul>
    </nav>
  );
}
