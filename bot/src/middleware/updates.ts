import type { UpdateDeduper } from '@mechta/core';
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';
import { languageOf } from './errorBoundary.ts';

/** Telegram may deliver an update again (webhook timeouts, restarts); only the first delivery is handled. */
export function dropRedeliveredUpdates(deduper: UpdateDeduper): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!(await deduper.claim(ctx.update.update_id))) {
      ctx.logger.debug('dropped a redelivered update');
      return;
    }
    await next();
  };
}

/**
 * A button on an inline message comes with `inline_message_id` and no chat, so nothing keyed by the
 * chat works for it: no session, no conversation, no reply. Only the callbacks matching `handled`
 * (they answer in the presser's private chat, or edit the inline message) go on; every other such
 * press is answered "this button no longer works" instead of failing halfway through its handler.
 */
export function answerChatlessCallbacks(handled: RegExp[]): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (!query || ctx.chatId !== undefined) return next();
    if (query.data !== undefined && handled.some((re) => re.test(query.data ?? ''))) return next();
    const text = ctx.core.translator.t(languageOf(ctx), 'button-expired');
    await ctx.answerCallbackQuery({ text });
  };
}
