import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Folder of the `.ftl` files, one subfolder per language; the bot's @grammyjs/i18n reads it too. */
export const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/** Russian for ru/uk/be/kk (the audience that reads Russian), English for everything else. */
export function languageFromTelegram(code: string | undefined | null): Language {
  const base = (code ?? '').toLowerCase().split('-')[0];
  return base === 'ru' || base === 'uk' || base === 'be' || base === 'kk' ? 'ru' : 'en';
}

export const isLanguage = (v: unknown): v is Language => v === 'ru' || v === 'en';

export type TranslateArgs = Record<string, FluentVariable>;

export interface Translator {
  t(language: Language, key: string, args?: TranslateArgs): string;
  has(language: Language, key: string): boolean;
}

/** Loads every `.ftl` under LOCALES_DIR/<lang>/ into one bundle per language. */
export function createTranslator(dir = LOCALES_DIR): Translator {
  const bundles = new Map<Language, FluentBundle>();
  for (const lang of LANGUAGES) {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    const folder = path.join(dir, lang);
    for (const file of fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.ftl'))
      .sort()) {
      const errors = bundle.addResource(new FluentResource(fs.readFileSync(path.join(folder, file), 'utf8')));
      if (errors.length) throw new Error(`${lang}/${file}: ${errors.map(String).join('; ')}`);
    }
    bundles.set(lang, bundle);
  }
  const format = (lang: Language, key: string, args?: TranslateArgs): string | undefined => {
    const bundle = bundles.get(lang);
    const msg = bundle?.getMessage(key);
    if (!bundle || !msg?.value) return undefined;
    return bundle.formatPattern(msg.value, args);
  };
  return {
    t(language, key, args) {
      return format(language, key, args) ?? format('en', key, args) ?? key;
    },
    has(language, key) {
      return Boolean(bundles.get(language)?.getMessage(key));
    },
  };
}
