import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Folder of core's `.ftl` files, one subfolder per language: the error envelope, validation and
 * wallet texts, and `shared.ftl` (texts the Mini App loads too). The bot adds its own folder.
 */
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

/** The `.ftl` files of one language under each folder's `<lang>/`, folders in the order given. */
export function localeFiles(dirs: readonly string[], lang: Language): string[] {
  return dirs.flatMap((dir) => {
    const folder = path.join(dir, lang);
    return fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.ftl'))
      .sort()
      .map((f) => path.join(folder, f));
  });
}

/**
 * Loads every `.ftl` under each folder's `<lang>/` into one bundle per language. A key defined twice
 * throws here (Fluent refuses the override), so two homes for one text cannot reach production.
 */
export function createTranslator(dirs: readonly string[] = [LOCALES_DIR]): Translator {
  const bundles = new Map<Language, FluentBundle>();
  for (const lang of LANGUAGES) {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    for (const file of localeFiles(dirs, lang)) {
      const errors = bundle.addResource(new FluentResource(fs.readFileSync(file, 'utf8')));
      if (errors.length) throw new Error(`${file}: ${errors.map(String).join('; ')}`);
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
