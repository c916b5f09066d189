import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
// Texts the server sends too (dream categories, dream checks, settings labels) have one home, core's
// shared.ftl; every other text here is the Mini App's own.
import enShared from '../../../core/src/i18n/locales/en/shared.ftl?raw';
import ruShared from '../../../core/src/i18n/locales/ru/shared.ftl?raw';
import type { Language } from '../api/types.ts';
import en from './en.ftl?raw';
import ru from './ru.ftl?raw';

export const LANGUAGES: readonly Language[] = ['ru', 'en'];

const SOURCES: Record<Language, string[]> = { ru: [ruShared, ru], en: [enShared, en] };
const bundles = new Map<Language, FluentBundle>();

function bundleFor(language: Language): FluentBundle {
  let bundle = bundles.get(language);
  if (!bundle) {
    // Isolation marks (U+2068/U+2069) around placeables only matter for mixed-direction text;
    // both our languages are left-to-right, and the marks would end up in copied names.
    bundle = new FluentBundle(language, { useIsolating: false });
    for (const source of SOURCES[language]) {
      const errors = bundle.addResource(new FluentResource(source));
      for (const error of errors) console.error(`i18n/${language}:`, error);
    }
    bundles.set(language, bundle);
  }
  return bundle;
}

export type Translate = (id: string, args?: Record<string, FluentVariable>) => string;

/** Translator for one language; a missing message falls back to English, then to its id. */
export function createTranslator(language: Language): Translate {
  return (id, args) => {
    for (const bundle of [bundleFor(language), bundleFor('en')]) {
      const message = bundle.getMessage(id);
      if (message?.value) return bundle.formatPattern(message.value, args);
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

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: createTranslator(language) }), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
