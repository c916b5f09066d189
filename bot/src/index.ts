import { autoRetry } from '@grammyjs/auto-retry';
import { type ConversationData, conversations, type VersionedState } from '@grammyjs/conversations';
import { type Core, createChatLock, createSessionStorage, createUpdateDeduper } from '@mechta/core';
import { type ApiClientOptions, Bot, Composer, session } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { BotContext, Feature, SessionData } from './context.ts';
import { adminFeature } from './features/admin/index.ts';
import { dreamsFeature } from './features/dreams/index.ts';
import { freeTextFeature } from './features/freeText/index.ts';
import { placeholdersFeature } from './features/placeholders/index.ts';
import { referralCard, referralsFeature } from './features/referrals/index.ts';
import { settingsFeature, showSettingsCard } from './features/settings/index.ts';
import { showHelp, startFeature } from './features/start/index.ts';
import { createMainMenu } from './features/start/menu.ts';
import { showBalanceCard, walletFeature } from './features/wallet/index.ts';
import { createBotI18n } from './i18n/index.ts';
import { commandsInAnyCase } from './middleware/commandCase.ts';
import { handleBotError } from './middleware/errorBoundary.ts';
import { onlyHumanSenders } from './middleware/humanSender.ts';
import { inlineButtonsInPrivateChat } from './middleware/inlineButtons.ts';
import { sequentializeByChat } from './middleware/sequentialize.ts';
import { storableText } from './middleware/storableText.ts';
import { dropRedeliveredUpdates } from './middleware/updates.ts';
import { loadUser, turnAwayBlockedUsers } from './middleware/users.ts';

export { registerCommands } from './commands.ts';
export type { BotContext, Feature, SessionData } from './context.ts';
export { BOT_LOCALE_DIRS, BOT_LOCALES_DIR } from './i18n/index.ts';
export { type BotLauncher, type BotLaunchState, launchBot, startBot } from './launch.ts';
export { createBotNotifier } from './notifier.ts';
export { createTelegramGateway } from './telegramGateway.ts';

/** Bump when a conversation's steps change shape: stored half-finished conversations are then dropped. */
export const CONVERSATION_STATE_VERSION = 1;

export interface CreateBotOptions {
  /** Skips the getMe call at start (tests pass a fixed one). */
  botInfo?: UserFromGetMe;
  /** More API client options; the root always comes from TELEGRAM_API_ROOT. Tests pass a `fetch`. */
  client?: Omit<ApiClientOptions, 'apiRoot'>;
}

/**
 * Builds the bot over the shared core. The middleware order below is the one place it is written:
 * context deps → error boundary → storable text → commands in any case → human senders only → inline buttons' chat
 * → drop redeliveries → load user → blocked gate → one update per chat
 * → session → i18n → conversations → menus → features → "didn't understand".
 */
export function createBot(core: Core, opts: CreateBotOptions = {}): Bot<BotContext> {
  const token = core.config.bot.token;
  if (!token) throw new Error('createBot needs BOT_TOKEN; without it the bot stays off');
  const bot = new Bot<BotContext>(token, {
    botInfo: opts.botInfo,
    client: { ...opts.client, apiRoot: core.config.bot.apiRoot },
  });
  // Flood control answers 429 with retry_after: wait and resend (bounded, so a handler never hangs).
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));

  const i18n = createBotI18n(core);

  const dreams = dreamsFeature();
  const mainMenu = createMainMenu(core.config, {
    ...dreams.mainMenuActions,
    settings: showSettingsCard,
    help: showHelp,
    balance: showBalanceCard,
  });
  // Placeholders last: a real feature's command, installed earlier, always wins over "coming soon".
  const features: Feature[] = [
    startFeature({ mainMenu }),
    settingsFeature(),
    dreams,
    walletFeature({ referralCard }),
    referralsFeature(),
    adminFeature(),
    placeholdersFeature(),
    // Last: free text and voice are offered as a dream only when no command or conversation took them.
    freeTextFeature({ mainMenu }),
  ];
  for (const feature of features) if (feature.menus?.length) mainMenu.register(feature.menus);

  bot.use(async (ctx, next) => {
    ctx.core = core;
    ctx.logger = core.logger.child({ updateId: ctx.update.update_id });
    await next();
  });

  const app = bot.errorBoundary(handleBotError);
  app.use(storableText());
  app.use(commandsInAnyCase());
  app.use(onlyHumanSenders());
  app.use(inlineButtonsInPrivateChat());
  app.use(dropRedeliveredUpdates(createUpdateDeduper(core)));
  app.use(loadUser());
  app.use(turnAwayBlockedUsers());
  app.use(sequentializeByChat(createChatLock(core.cache, { logger: core.logger })));
  app.use(
    session<SessionData, BotContext>({
      initial: () => ({}),
      prefix: 'session:',
      storage: createSessionStorage<SessionData>(core),
    }),
  );
  app.use(i18n);
  app.use(
    conversations<BotContext, BotContext>({
      storage: {
        type: 'key',
        version: CONVERSATION_STATE_VERSION,
        prefix: 'conversation:',
        adapter: createSessionStorage<VersionedState<ConversationData>>(core),
      },
    }),
  );
  for (const feature of features) if (feature.beforeConversations) app.use(feature.beforeConversations);
  for (const feature of features) for (const c of feature.conversations ?? []) app.use(c);
  app.use(mainMenu);
  for (const feature of features) if (feature.handlers) app.use(feature.handlers);
  app.use(understandNothing());

  // Only failures of the boundary itself end up here (e.g. the apology could not be built).
  bot.catch((err) =>
    core.logger.error(
      { err: err.error, updateId: err.ctx.update.update_id },
      'bot update failed outside the error boundary',
    ),
  );
  return bot;
}

/** The last handler: whatever nothing else took. */
function understandNothing(): Composer<BotContext> {
  const fallback = new Composer<BotContext>();
  fallback.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));
  // Only in private chats: in a group, silence is the polite answer to chatter.
  fallback.chatType('private').on('message', (ctx) => ctx.reply(ctx.t('unknown-message')));
  return fallback;
}
