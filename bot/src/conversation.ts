import type { Conversation } from '@grammyjs/conversations';
import type { TranslationVariables } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import type { BotContext } from './context.ts';

/**
 * Inside a conversation, the context objects are rebuilt from stored updates on every replay: they
 * have no i18n, no `ctx.user`, no `ctx.core`, and their API does not pass through the bot's
 * transformers. So conversations here read input from the inner context and do everything else
 * (database work, replies) through `conversation.external`, which hands them the outside context of
 * the current update and records the step so a replay never repeats it.
 */
export type BotConversation = Conversation<BotContext, Context>;

type ReplyOptions = Parameters<BotContext['reply']>[1];

/** Sends a localised HTML message from inside a conversation, exactly once. */
export async function say(
  conversation: BotConversation,
  key: string,
  args?: TranslationVariables,
  options?: ReplyOptions,
): Promise<void> {
  await conversation.external(async (ctx) => {
    await ctx.reply(ctx.t(key, args), { parse_mode: 'HTML', ...options });
  });
}

/** Stops the spinner on a pressed inline button from inside a conversation. */
export async function answerButton(conversation: BotConversation): Promise<void> {
  await conversation.external(async (ctx) => {
    await ctx.answerCallbackQuery();
  });
}
