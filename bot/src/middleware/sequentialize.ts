import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

/**
 * Handles one update per chat at a time (in webhook mode several arrive at once), so a chat's session
 * and conversation state are never read by one update while another is still changing them.
 * Updates from different chats still run side by side. Single-process, like the bot itself.
 */
export function sequentializeByChat(): MiddlewareFn<BotContext> {
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
      await next();
    } finally {
      release();
      if (tails.get(chatId) === tail) tails.delete(chatId);
    }
  };
}
