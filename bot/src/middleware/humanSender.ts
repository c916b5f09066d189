import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

/**
 * Every feature answers a person: channel posts, a group's anonymous admins (sent as the chat, with
 * a bot in `from`), polls and other updates without a human sender reach none of them, so they stop
 * here instead of failing in the first handler that needs `ctx.user`.
 */
export function onlyHumanSenders(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!ctx.from || ctx.from.is_bot) {
      ctx.logger.debug({ updateId: ctx.update.update_id }, 'update without a human sender ignored');
      return;
    }
    await next();
  };
}
