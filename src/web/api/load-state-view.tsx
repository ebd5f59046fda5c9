import type { ReactNode } from 'react';
import { ApiError, type ApiState } from '#app/web/api/use-api.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

/** Shows a loading note or an error with a retry button, or the content once the data is there. */
export function LoadState<T>({ state, reload, children }: { state: ApiState<T>; reload(): void; children: (data: T) => ReactNode }) {
  const { lang, t } = useLanguage();
  if (state.status === 'loading') {
    return (
      <p className="load-note" role="status">
        {t('loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    const e = state.error;
    const message = e instanceof ApiError && lang === 'zh-TW' ? e.messageZh : e.message;
    return (
      <div className="load-error" role="alert">
        <p>{t('loadFailed', { message })}</p>
        <button type="button" onClick={reload}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
