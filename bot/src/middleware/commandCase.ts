import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

/**
 * Makes commands case-insensitive (`/DREAM`, `/Help@MechtaBot`): grammY 1.46 matches command names
 * exactly and has no option for it (only the separate commands plugin has `ignoreCase`), so the
 * command at the start of a message is lower-cased before anything routes it. Its length does not
 * change, so the entities' offsets still hold; the `@botname` part grammY already compares in any case.
 */
export function commandsInAnyCase(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const message = ctx.message ?? ctx.editedMessage;
    const text = message?.text;
    const entity = message?.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
    if (message && text && entity) {
      const command = text.slice(0, entity.length);
      const at = command.indexOf('@');
      const name = at === -1 ? command : command.slice(0, at);
      const lower = name.toLowerCase();
      // Telegram's commands are Latin; anything whose length would change is left alone.
      if (lower !== name && lower.length === name.length) message.text = lower + text.slice(name.length);
    }
    await next();
  };
}
