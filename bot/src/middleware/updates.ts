import type { UpdateDeduper } from '@mechta/core';
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

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
