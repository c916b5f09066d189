import type { ConversationFlavor } from '@grammyjs/conversations';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Menu, MenuFlavor } from '@grammyjs/menu';
import type { Core, Logger, UsersService } from '@mechta/core';
import type { Context, Middleware, SessionFlavor } from 'grammy';

/** A user row as core returns it (the bot never imports the database package). */
export type User = Awaited<ReturnType<UsersService['requireUser']>>;

/** Per-chat state that must survive restarts; kept small, it is read on every update. */
export interface SessionData {
  /** The last `/start <payload>` that was not a referral, for deep links features will resolve. */
  deepLink?: string;
}

interface BotExtras {
  core: Core;
  /** A child logger carrying the update id. */
  logger: Logger;
  /** The sender, registered or refreshed for this update; absent for updates without a human sender. */
  user?: User;
  /** Set when this update created the user (their first contact), with who invited them. */
  registration?: { created: boolean; referrer?: User };
}

/** The context every handler outside conversations sees. */
export type BotContext = ConversationFlavor<Context & BotExtras & SessionFlavor<SessionData> & I18nFlavor>;

/** A context inside a menu button handler. */
export type MenuContext = BotContext & MenuFlavor;

/**
 * One feature's contribution, slotted into the fixed middleware order by `createBot`:
 * beforeConversations → conversations → menus → handlers.
 */
export interface Feature {
  /** Commands that must work even while a conversation is waiting for input (e.g. /cancel). */
  beforeConversations?: Middleware<BotContext>;
  /** `createConversation(...)` middlewares. */
  conversations?: Middleware<BotContext>[];
  /** Menus, registered under the main menu so any handler can send any of them. */
  menus?: Menu<BotContext>[];
  handlers?: Middleware<BotContext>;
}
