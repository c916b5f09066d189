import type { Core } from '@mechta/core';
import { type Bot, GrammyError } from 'grammy';
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

/** Where the bot is in coming up: `retrying` while Telegram cannot be reached, `ok` once it runs. */
export type BotLaunchState = 'starting' | 'retrying' | 'ok';

export interface BotLauncher extends RunningBot {
  state(): BotLaunchState;
  /** Resolves once the bot runs (never, if it is stopped first). */
  running: Promise<void>;
}

export interface RetryOptions {
  firstDelayMs?: number;
  maxDelayMs?: number;
}

// An attempt that hears nothing back (a black-holed network) gives up after this long and retries.
const ATTEMPT_TIMEOUT_MS = 15_000;

/**
 * `startBot`, retried with exponential backoff (1 s, doubling, capped at 60 s) until Telegram
 * answers: a network outage or a Bot API hiccup at start must not leave the bot off for good.
 */

export function launchBot(bot: Bot<BotContext>, core: Core, retry: RetryOptions = {}): BotLauncher {
  const first = retry.firstDelayMs ?? 1000;
  const max = retry.maxDelayMs ?? 60_000;
  let state: BotLaunchState = 'starting';
  let stopped = false;
  let launched: RunningBot | undefined;
  let wake = () => {};
  let markRunning = () => {};
  const running = new Promise<void>((resolve) => {
    markRunning = resolve;
  });

  const abort = new AbortController();

  const loop = async () => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        // Our own getMe, not bot.init(): grammY's init retries by itself for as long as it takes (up
        // to 20 minutes apart), and would neither say that it is retrying nor let a stop cut in.
        if (!bot.isInited()) {
          const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]);
          // grammY types its signal after the abort-controller polyfill; Node's is the same thing at run time.
          bot.botInfo = await bot.api.getMe(signal as Parameters<Bot['api']['getMe']>[0]);
        }
        launched = await startBot(bot, core);
        if (stopped) {
          await launched.stop();
          return;
        }
        state = 'ok';
        markRunning();
        return;
      } catch (err) {
        if (stopped) return;
        state = 'retrying';
        const delayMs = Math.min(first * 2 ** attempt, max);
        const where = { err, attempt: attempt + 1, retryInMs: delayMs };
        // A refused token needs a person; an unreachable or failing Bot API only needs time.
        if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404))
          core.logger.error(where, 'Telegram refused the bot token; retrying');
        else core.logger.warn(where, 'could not reach the Telegram Bot API; retrying');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delayMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  };
  const looping = loop();

  return {
    state: () => state,
    running,
    async stop() {
      stopped = true;
      abort.abort();
      wake();
      await looping;
      await launched?.stop();
    },
  };
}
