import { createConversation } from '@grammyjs/conversations';
import type { Context, Middleware } from 'grammy';
import type { BotContext, User } from '../../context.ts';
import { type BotConversation, say } from '../../conversation.ts';
import { requireUser } from '../../middleware/users.ts';
import { displayName } from './format.ts';
import { ADJUST_TOKENS, FIND_USER, type SendUserCard } from './menu.ts';

// An admin who walks away stops being asked after this long.
const INPUT_TIMEOUT_MS = 30 * 60 * 1000;
// A typo's worth of zeros should not mint a fortune.
const MAX_ADJUSTMENT = 1_000_000;

/** An exact Telegram id, or an exact @username (with or without the @, any case). */
async function findTarget(ctx: BotContext, query: string): Promise<User | undefined> {
  if (/^\d{1,15}$/.test(query)) return ctx.core.users.findUser(Number(query));
  const handle = query.replace(/^@/, '');
  if (!/^\w{1,32}$/.test(handle)) return undefined;
  const { items } = await ctx.core.admin.findUsers({ q: `@${handle}`, page: 1, pageSize: 20 });
  return items.find((u) => u.username?.toLowerCase() === handle.toLowerCase());
}

/**
 * The input of a conversation step, or undefined when the admin moved on (a command, a button, not
 * text): the conversation then ends and the rest of the bot handles that update.
 */
function textOf(input: Context): string | undefined {
  const text = input.message?.text?.trim();
  return text && !text.startsWith('/') ? text : undefined;
}

/** The admin conversations: finding a user, and the amount of tokens to grant or revoke. */
export function createAdminConversations(sendUserCard: SendUserCard): Middleware<BotContext>[] {
  async function findUser(conversation: BotConversation, _ctx: Context) {
    await say(conversation, 'bot-admin-ask-user');
    for (;;) {
      const query = textOf(await conversation.wait());
      if (!query) return conversation.halt({ next: true });
      const shown = await conversation.external(async (ctx) => {
        const target = await findTarget(ctx, query);
        if (!target) {
          // Echoed shortened: a pasted text of any length would make the answer longer than Telegram takes.
          const echoed = query.length > 64 ? `${query.slice(0, 64)}…` : query;
          await ctx.reply(ctx.t('bot-admin-user-not-found', { query: echoed }));
          return false;
        }
        await sendUserCard(ctx, target.id);
        return true;
      });
      if (shown) return;
    }
  }

  async function adjustTokens(
    conversation: BotConversation,
    _ctx: Context,
    userId: number,
    direction: 'grant' | 'revoke',
  ) {
    await conversation.external(async (ctx) => {
      const target = await ctx.core.users.requireUser(userId);
      const key = direction === 'grant' ? 'bot-admin-ask-grant' : 'bot-admin-ask-revoke';
      await ctx.reply(ctx.t(key, { name: displayName(target) }), { parse_mode: 'HTML' });
    });
    for (;;) {
      const text = textOf(await conversation.wait());
      if (!text) return conversation.halt({ next: true });
      const amount = /^\d{1,7}$/.test(text) ? Number(text) : 0;
      if (amount < 1 || amount > MAX_ADJUSTMENT) {
        await say(conversation, 'bot-admin-amount-invalid', { max: MAX_ADJUSTMENT });
        continue;
      }
      await conversation.external(async (ctx) => {
        const admin = requireUser(ctx);
        const signed = direction === 'grant' ? amount : -amount;
        const { change, balance } = await ctx.core.admin.adjustTokens(
          userId,
          signed,
          `admin ${admin.id} via the bot`,
        );
        const target = await ctx.core.users.requireUser(userId);
        const notice = ctx.t(direction === 'grant' ? 'bot-admin-granted' : 'bot-admin-revoked', {
          amount: ctx.t('bot-tokens', { count: Math.abs(change) }),
          name: displayName(target),
          balance,
        });
        await sendUserCard(ctx, userId, notice);
      });
      return;
    }
  }

  return [
    createConversation<BotContext, Context>(findUser, {
      id: FIND_USER,
      maxMillisecondsToWait: INPUT_TIMEOUT_MS,
    }),
    createConversation<BotContext, Context>(adjustTokens, {
      id: ADJUST_TOKENS,
      maxMillisecondsToWait: INPUT_TIMEOUT_MS,
    }),
  ];
}
