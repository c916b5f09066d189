import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import { type Core, LANGUAGES, LOCALES_DIR, languageFromTelegram, localeFiles } from '@mechta/core';
import type { BotContext } from '../context.ts';

/** The bot's own texts (menus, commands, cards), one subfolder per language. */
export const BOT_LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/**
 * Every folder of texts a process running the bot reads: core's (error envelope, wallet, shared with
 * the Mini App) and the bot's. The process's core translator is built from these, so the notifier and
 * the error boundary find the bot's keys as `ctx.t` does.
 */
export const BOT_LOCALE_DIRS: readonly string[] = [LOCALES_DIR, BOT_LOCALES_DIR];

/** `ctx.t` for the sender's language, over the same files as the core translator. */
export function createBotI18n(core: Core): I18n<BotContext> {
  // A core built without the bot's folder would answer raw keys in every chat: refuse to start.
  if (!core.translator.has('en', 'start-new')) {
    throw new Error('core.translator lacks the bot texts: build it with createTranslator(BOT_LOCALE_DIRS)');
  }
  const i18n = new I18n<BotContext>({
    defaultLocale: 'en',
    fluentBundleOptions: { useIsolating: false },
    // The saved choice wins; a user we could not load still gets their Telegram app's language.
    localeNegotiator: (ctx) => ctx.user?.language ?? languageFromTelegram(ctx.from?.language_code),
  });
  for (const lang of LANGUAGES) {
    const source = localeFiles(BOT_LOCALE_DIRS, lang)
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    i18n.loadLocaleSync(lang, { source });
  }
  return i18n;
}
