import type { MiddlewareFn } from 'grammy';
import type { BotContext, User } from '../context.ts';

const START_PAYLOAD = /^\/start(?:@\w+)?\s+(\S+)/;

/**
 * Registers the sender on first contact (a `/start ref_<code>` payload records the referral) or
 * refreshes their Telegram names, and puts the user row on `ctx.user` for everything downstream.
 */
export function loadUser(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (from && !from.is_bot) {
      const payload = START_PAYLOAD.exec(ctx.message?.text ?? '')?.[1];
      const { user, created, referrer } = await ctx.core.users.registerFromTelegram(from, payload);
      ctx.user = user;
      ctx.registration = { created, referrer };
    }
    await next();
  };
}

/** A blocked user gets one polite message for what they sent, and nothing else happens. */
export function turnAwayBlockedUsers(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!ctx.user?.isBlocked) return next();
    const text = ctx.core.translator.t(ctx.user.language, 'blocked');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    // Telegram waits up to 10 s for this answer; refusing with the reason beats a silent time-out.
    else if (ctx.preCheckoutQuery) await ctx.answerPreCheckoutQuery(false, { error_message: text });
    else if (ctx.message) await ctx.reply(text);
  };
}

/** For handlers that only run for a human sender (every command and button does). */
export function requireUser(ctx: BotContext): User {
  if (!ctx.user) throw new Error('this handler needs a sender, and the update has none');
  return ctx.user;
}
