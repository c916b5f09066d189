import type { Core } from '@mechta/core';
import type { Bot } from 'grammy';
import { registerCommands } from './commands.ts';
import type { BotContext } from './context.ts';

/** Update types the bot asks Telegram for; features needing another type add it here. */
export const ALLOWED_UPDATES = [
  'message',
  'edited_message',
  'callback_query',
  'inline_query',
  'pre_checkout_query',
  'my_chat_member',
] as const;

export interface RunningBot {
  /** Stops polling (webhook mode has nothing to stop: the HTTP server owns the route). */
  stop(): Promise<void>;
}

/**
 * Starts receiving updates: long polling (pending updates are kept, none dropped), or in webhook mode
 * points Telegram at `${PUBLIC_URL}/telegram/webhook` with the secret token api/ checks.
 * Publishes the command lists first; a failure there is logged, not fatal.
 */
export async function startBot(bot: Bot<BotContext>, core: Core): Promise<RunningBot> {
  const { logger } = core;
  await bot.init();
  await registerCommands(bot, core).catch((err) =>
    logger.warn({ err }, 'could not register the bot commands'),
  );
  const allowed_updates = [...ALLOWED_UPDATES];

  if (core.config.bot.mode === 'webhook') {
    const url = `${core.config.http.publicUrl}/telegram/webhook`;
    await bot.api.setWebhook(url, {
      secret_token: core.config.bot.webhookSecret,
      allowed_updates,
      drop_pending_updates: false,
    });
    logger.info({ url, username: bot.botInfo.username }, 'bot webhook set');
    // The webhook stays set on shutdown: Telegram queues updates until the next instance is up.
    return { stop: async () => {} };
  }

  const polling = bot
    .start({
      drop_pending_updates: false,
      allowed_updates,
      onStart: (info) => logger.info({ username: info.username }, 'bot polling started'),
    })
    .catch((err) => logger.error({ err }, 'bot polling stopped on an error'));
  return {
    async stop() {
      if (bot.isRunning()) await bot.stop();
      await polling;
    },
  };
}
