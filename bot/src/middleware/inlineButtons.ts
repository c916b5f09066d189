import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

/**
 * A button on an inline message arrives without a chat, yet every handler answers in one: replies,
 * invoices, the session, conversations and the per-chat lock all key on `ctx.chatId`. Such a press
 * counts as made in the presser's private chat with the bot, where the answer then appears; edits
 * still reach the inline message itself (grammY edits by `inline_message_id` when there is one).
 */
export function inlineButtonsInPrivateChat(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (query && !query.message && query.inline_message_id !== undefined) {
      Object.defineProperty(ctx, 'chatId', { value: query.from.id, configurable: true });
    }
    await next();
  };
}
