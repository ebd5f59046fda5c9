import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translate, type Lang, type MessageKey } from '#app/web/i18n/messages.ts';

const STORAGE_KEY = 'mission-ledger.lang';

interface LanguageValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Like `t`, but placeholders may be filled with elements (a `<time>` inside a sentence). */
  tx(key: MessageKey, nodes: Record<string, ReactNode>): ReactNode;
}

function withNodes(template: string, nodes: Record<string, ReactNode>): ReactNode {
  return template.split(/\{(\w+)\}/).map((part, i) => <Fragment key={i}>{i % 2 === 1 && part in nodes ? nodes[part] : part}</Fragment>);
}

const LanguageContext = createContext<LanguageValue | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-TW';
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return 'zh-TW';
  }
}

/** Holds the interface language, remembers the visitor's choice and keeps `<html lang>` in step. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits, but the switch itself still applies.
    }
  }, []);
  const value = useMemo<LanguageValue>(() => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars), tx: (key, nodes) => withNodes(translate(lang, key), nodes) }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The current language, its setter and the message lookup. */
export function useLanguage(): LanguageValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage needs a LanguageProvider above it');
  return value;
}
