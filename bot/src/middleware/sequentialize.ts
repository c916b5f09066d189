import type { ChatLock } from '@mechta/core';
import type { Context, MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

/**
 * Handles one update per chat at a time (in webhook mode several arrive at once), so a chat's session
 * and conversation state are never read by one update while another is still changing them.
 * Updates from different chats still run side by side. Within the process a queue per chat keeps
 * them in arrival order; with several instances (`lock`, from REDIS_URL) the head of that queue also
 * takes the chat's lock shared by every instance, so only one update per chat waits on Redis here.
 */
export function sequentializeByChat<C extends Context = BotContext>(lock?: ChatLock): MiddlewareFn<C> {
  const tails = new Map<number, Promise<void>>();
  return async (ctx, next) => {
    const chatId = ctx.chatId;
    if (chatId === undefined) return next();
    const previous = tails.get(chatId) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    tails.set(chatId, tail);
    try {
      await previous;
      if (lock) await lock.run(chatId, ctx.update.update_id, next);
      else await next();
    } finally {
      release();
      if (tails.get(chatId) === tail) tails.delete(chatId);
    }
  };
}
