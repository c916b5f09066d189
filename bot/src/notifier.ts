import { type Core, type Notifier, type NotifierButton, silentNotifier } from '@mechta/core';
import { type Bot, GrammyError } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { BotContext } from './context.ts';
import { createDreamsNotifier } from './features/dreams/index.ts';
import { miniAppUrl } from './miniApp.ts';

function toInlineButton(core: Core, button: NotifierButton): InlineKeyboardButton {
  const { text } = button;
  if (button.webAppPath !== undefined) {
    const appUrl = miniAppUrl(core.config, button.webAppPath);
    if (appUrl) return { text, web_app: { url: appUrl } };
    const path = button.webAppPath.startsWith('/') ? button.webAppPath : `/${button.webAppPath}`;
    return { text, url: `${core.config.http.publicUrl}${path}` };
  }
  if (button.url !== undefined) return { text, url: button.url };
  return { text, callback_data: button.callbackData ?? 'noop' };
}

/** The part of the notifier every feature shares: a message with inline buttons. */
export type TextNotifier = Pick<Notifier, 'text'>;

/** Sends HTML messages through the bot's API (web_app buttons when the Mini App is on https). */
export function createTextNotifier(bot: Bot<BotContext>, core: Core): TextNotifier {
  return {
    async text(userId, text, opts) {
      const rows = opts?.buttons?.filter((row) => row.length > 0) ?? [];
      try {
        await bot.api.sendMessage(userId, text, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: rows.length
            ? { inline_keyboard: rows.map((row) => row.map((b) => toInlineButton(core, b))) }
            : undefined,
        });
      } catch (err) {
        // 403: the user blocked the bot or deleted their account; retrying the job would not help.
        if (err instanceof GrammyError && err.error_code === 403) {
          core.logger.info({ userId }, 'notification not delivered: the user has blocked the bot');
          return;
        }
        throw err;
      }
    },
  };
}

/**
 * How background work reaches users (core calls it through `core.notifier`). Each feature that
 * reports back from jobs spreads its own methods in here, built on the shared text sender; methods
 * whose feature has not plugged in yet stay silent, like the notifier used when the bot is off.
 */
export function createBotNotifier(bot: Bot<BotContext>, core: Core): Notifier {
  const text = createTextNotifier(bot, core);
  return { ...silentNotifier, ...text, ...createDreamsNotifier(bot, core) };
}
