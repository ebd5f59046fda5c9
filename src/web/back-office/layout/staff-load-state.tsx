import type { ReactNode } from 'react';
import { StaffApiError } from '#app/web/back-office/api/staff-api.ts';
import type { StaffState } from '#app/web/back-office/api/use-staff-api.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

/** The message of an API error in the interface language. */
export function useErrorText(): (error: unknown) => string {
  const { lang } = useLanguage();
  return (error) => (error instanceof StaffApiError && lang === 'zh-TW' ? error.messageZh : error instanceof Error ? error.message : String(error));
}

/** Loading note, error with retry, or the content. */
export function StaffLoadState<T>({ state, reload, children }: { state: StaffState<T>; reload(): void; children: (data: T) => ReactNode }) {
  const bt = useBackOfficeText();
  const errorText = useErrorText();
  if (state.status === 'loading') {
    return (
      <p className="load-note" role="status">
        {bt('loadingText')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="load-error" role="alert">
        <p>{bt('loadFailedText', { message: errorText(state.error) })}</p>
        <button type="button" onClick={reload}>
          {bt('retryText')}
        </button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
