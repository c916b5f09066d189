import { type Core, type Language, languageFromTelegram } from '@mechta/core';
import type { Bot } from 'grammy';
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { BotContext } from './context.ts';
import { PLANNED_COMMANDS } from './features/placeholders/index.ts';
import { miniAppUrl } from './miniApp.ts';

/** Every user's commands, in menu order (CONTRACT.md). Descriptions are `cmd-<command>` in the locales. */
export const USER_COMMANDS = [
  'start',
  'help',
  'menu',
  'dream',
  'dreams',
  'moment',
  'feed',
  'today',
  'wheel',
  'wants',
  'ritual',
  'goals',
  'balance',
  'buy',
  'referrals',
  'settings',
  'export',
  'delete_me',
  'cancel',
] as const;

export const ADMIN_COMMANDS = ['admin'] as const;

/**
 * What the command menu advertises: the commands that work. Planned ones still answer when typed
 * (placeholders), but are not offered until their feature lands.
 */
export const ADVERTISED_COMMANDS = USER_COMMANDS.filter((command) => !PLANNED_COMMANDS.includes(command));

// Telegram shows the list matching the app's language; these codes get the Russian one, like the bot
// itself (languageFromTelegram), and everyone else the default, English, list.
const LANGUAGE_CODES: (LanguageCode | undefined)[] = [undefined, 'en', 'ru', 'uk', 'be', 'kk'];

function describe(core: Core, language: Language, commands: readonly string[]): BotCommand[] {
  return commands.map((command) => ({ command, description: core.translator.t(language, `cmd-${command}`) }));
}

/**
 * Publishes the command lists (ru and en; admins also get /admin in their own chat) and, when the
 * Mini App is reachable over https, makes the chat's menu button open it.
 */
export async function registerCommands(bot: Bot<BotContext>, core: Core): Promise<void> {
  for (const code of LANGUAGE_CODES) {
    const language = languageFromTelegram(code);
    await bot.api.setMyCommands(
      describe(core, language, ADVERTISED_COMMANDS),
      code ? { language_code: code } : {},
    );
  }
  for (const chatId of core.config.bot.adminIds) {
    try {
      for (const code of LANGUAGE_CODES) {
        const language = languageFromTelegram(code);
        await bot.api.setMyCommands(describe(core, language, [...ADVERTISED_COMMANDS, ...ADMIN_COMMANDS]), {
          scope: { type: 'chat', chat_id: chatId },
          ...(code ? { language_code: code } : {}),
        });
      }
    } catch (err) {
      // Telegram refuses a chat scope until that admin has opened a chat with the bot.
      core.logger.warn({ err, chatId }, 'could not set the admin commands for this admin');
    }
  }
  const url = miniAppUrl(core.config);
  if (url) {
    await bot.api.setChatMenuButton({
      menu_button: { type: 'web_app', text: core.translator.t('en', 'menu-button'), web_app: { url } },
    });
  }
}
