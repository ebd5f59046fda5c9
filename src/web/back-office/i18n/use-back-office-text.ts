import { useCallback } from 'react';
import { backOfficeText, type BackOfficeKey } from '#app/web/back-office/i18n/back-office-messages.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

/** The back-office message lookup in the interface language the portal's switch sets. */
export function useBackOfficeText(): (key: BackOfficeKey, vars?: Record<string, string | number>) => string {
  const { lang } = useLanguage();
  return useCallback((key, vars) => backOfficeText(lang, key, vars), [lang]);
}
