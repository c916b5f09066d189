import { type DreamView, isAppError } from '@mechta/core';
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../context.ts';
import { errorMessage, languageOf } from '../../middleware/errorBoundary.ts';
import { requireUser } from '../../middleware/users.ts';
import { offerLabel, tr } from '../wallet/format.ts';
import { sendInvoice } from '../wallet/menu.ts';
import { ANALYSE_PREFIX, WAIT_BUY_PREFIX } from './keyboards.ts';
import { type MessageTarget, rememberTarget } from './targets.ts';
import { editQuietly } from './telegram.ts';

/*
 * A dream kept without an analysis: over the daily quota it waits (analysed on the next day, or at
 * once after a purchase), and a "no AI" save is analysed only when asked for. The chat says which,
 * with the buttons that move it on.
 */

/** The text and buttons of a dream that has no analysis yet; undefined when it is being analysed. */
async function unanalysedMessage(
  ctx: BotContext,
  dream: DreamView,
): Promise<{ text: string; reply_markup: InlineKeyboard } | undefined> {
  const keyboard = new InlineKeyboard();
  if (dream.analysis_status === 'skipped') {
    const price = ctx.core.dreams.prices().analysis;
    keyboard.text(ctx.t('bot-dream-button-analyse', { price }), `${ANALYSE_PREFIX}${dream.id}`);
    return { text: ctx.t('bot-dream-saved-quiet'), reply_markup: keyboard };
  }
  if (dream.analysis_status !== 'waiting_quota') return undefined;
  const balance = await ctx.core.wallet.getBalance(requireUser(ctx).id);
  // One offer of each kind, the smallest: the full list is one tap away in /buy.
  const offers = ctx.core.wallet.offers();
  for (const kind of ['pass', 'tokens'] as const) {
    const offer = offers.find((o) => o.kind === kind);
    if (offer) keyboard.text(offerLabel(tr(ctx), offer), `${WAIT_BUY_PREFIX}${offer.id}`).row();
  }
  return {
    text: ctx.t('bot-dream-waiting-quota', {
      limit: balance.quotas.text.limit,
      proLimit: ctx.core.config.limits.quotas.pro.text,
    }),
    reply_markup: keyboard,
  };
}

/** Turns the "Analysing…" note of a dream kept without an analysis into what happens to it instead. */
export async function showUnanalysed(
  ctx: BotContext,
  dream: DreamView,
  target: MessageTarget,
): Promise<void> {
  const message = await unanalysedMessage(ctx, dream);
  if (!message) return;
  await editQuietly(
    ctx.api.editMessageText(target.chatId, target.messageId, message.text, {
      parse_mode: 'HTML',
      reply_markup: message.reply_markup,
    }),
  );
}

/** "Analyse" on a dream without analysis, and the offers of the "waiting for the quota" message. */
export function analysisWaitActions(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(new RegExp(`^${ANALYSE_PREFIX}([0-9a-f-]{36})$`), async (ctx) => {
    const user = requireUser(ctx);
    const message = ctx.callbackQuery.message;
    const target = message ? { chatId: message.chat.id, messageId: message.message_id } : undefined;
    try {
      const dream = await ctx.core.dreams.requestAnalysis(user.id, ctx.match[1] ?? '', target);
      await ctx.answerCallbackQuery();
      if (!target) return;
      if (dream.analysis_status === 'pending') {
        await rememberTarget(ctx.core, 'analysis', dream.id, target);
        await editQuietly(
          ctx.editMessageText(ctx.t('bot-dream-analysing'), { reply_markup: { inline_keyboard: [] } }),
        );
      } else {
        await rememberTarget(ctx.core, 'analysis', dream.id, target);
        await showUnanalysed(ctx, dream, target);
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      await ctx.answerCallbackQuery({
        text: errorMessage(ctx.core, languageOf(ctx), error),
        show_alert: true,
      });
    }
  });
  composer.callbackQuery(new RegExp(`^${WAIT_BUY_PREFIX}([\\w-]+)$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    await sendInvoice(ctx, ctx.match[1] ?? '');
  });
  return composer;
}
