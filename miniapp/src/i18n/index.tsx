import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { Language } from '../api/types.ts';

export const LANGUAGES: readonly Language[] = ['ru', 'en'];

// Texts the server sends too (dream categories, dream checks, settings labels) have one home, core's
// shared.ftl; every other text is the Mini App's own (locales/*.ts). Each language is a lazy chunk.
const LOADERS: Record<Language, () => Promise<{ sources: readonly string[] }>> = {
  ru: () => import('./locales/ru.ts'),
  en: () => import('./locales/en.ts'),
};
const bundles = new Map<Language, FluentBundle>();
const loading = new Map<Language, Promise<void>>();

/** Downloads one language's texts (once); {@link createTranslator} uses only loaded languages. */
export function loadLanguage(language: Language): Promise<void> {
  let load = loading.get(language);
  if (!load) {
    load = LOADERS[language]().then(({ sources }) => {
      // Isolation marks (U+2068/U+2069) around placeables only matter for mixed-direction text;
      // both our languages are left-to-right, and the marks would end up in copied names.
      const bundle = new FluentBundle(language, { useIsolating: false });
      for (const source of sources) {
        const errors = bundle.addResource(new FluentResource(source));
        for (const error of errors) console.error(`i18n/${language}:`, error);
      }
      bundles.set(language, bundle);
    });
    // A failed download may be retried by the next call.
    load.catch(() => loading.delete(language));
    loading.set(language, load);
  }
  return load;
}

export function isLanguageLoaded(language: Language): boolean {
  return bundles.has(language);
}

export type Translate = (id: string, args?: Record<string, FluentVariable>) => string;

/**
 * Translator for one language; a missing message falls back to English (when loaded), then to its
 * id. The language must have been loaded ({@link loadLanguage}).
 */
export function createTranslator(language: Language): Translate {
  return (id, args) => {
    for (const bundle of [bundles.get(language), bundles.get('en')]) {
      const message = bundle?.getMessage(id);
      if (bundle && message?.value) return bundle.formatPattern(message.value, args);
    }
    return id;
  };
}

/** The first candidate (`ru`, `ru-RU`, `en-GB`, …) that names a language we have; English otherwise. */
export function pickLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const candidate of candidates) {
    const primary = candidate?.toLowerCase().split(/[-_]/)[0];
    if (primary && (LANGUAGES as readonly string[]).includes(primary)) return primary as Language;
  }
  return 'en';
}

interface I18n {
  language: Language;
  t: Translate;
}

const I18nContext = createContext<I18n>({ language: 'en', t: createTranslator('en') });

/**
 * Provides `language`'s texts. A language not loaded yet is fetched first; until it is there, the
 * last shown language stays (main.tsx loads the first one before rendering).
 */
export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const [shown, setShown] = useState(language);
  const current = isLanguageLoaded(language) ? language : shown;
  useEffect(() => {
    let cancelled = false;
    loadLanguage(language).then(
      () => !cancelled && setShown(language),
      (error: unknown) => console.error(`i18n/${language} failed to load:`, error),
    );
    return () => {
      cancelled = true;
    };
  }, [language]);
  const value = useMemo(() => ({ language: current, t: createTranslator(current) }), [current]);
  useEffect(() => {
    document.documentElement.lang = current;
  }, [current]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
