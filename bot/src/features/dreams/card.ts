import { AppError, type DreamView, escapeHtml, isAppError } from '@mechta/core';
import { Composer } from 'grammy';
import type { BotContext } from '../../context.ts';
import { errorMessage, languageOf } from '../../middleware/errorBoundary.ts';
import { requireUser } from '../../middleware/users.ts';
import { reanalyseDream, startDreamEdit } from './edit.ts';
import { describeTimeLeft, dreamTitle, renderDreamCard, type Translate } from './format.ts';
import {
  CARD_BUTTON,
  type CardAction,
  deleteConfirmKeyboard,
  dreamCardKeyboard,
  NO_BUTTONS,
} from './keyboards.ts';
import { rememberTarget } from './targets.ts';
import { editQuietly } from './telegram.ts';

const DEEP_LINK = /^dream_([0-9a-f-]{36})$/;

const tr =
  (ctx: BotContext): Translate =>
  (key, args) =>
    ctx.t(key, args);

/**
 * Where a button press is answered with a new message: the chat it came from, or for a button on an
 * inline message (no chat: only `inline_message_id`) the presser's private chat with the bot.
 */
function replyChatId(ctx: BotContext): number {
  return ctx.chatId ?? requireUser(ctx).id;
}

/** The card's text and buttons for the sender. */
function cardFor(ctx: BotContext, dream: DreamView) {
  const t = tr(ctx);
  return {
    text: renderDreamCard(t, dream, { now: ctx.core.now(), botUsername: ctx.me.username }),
    reply_markup: dreamCardKeyboard(t, dream, {
      config: ctx.core.config,
      videoPrice: ctx.core.dreams.prices().video,
      analysisPrice: ctx.core.dreams.prices().analysis,
      videoAvailable: ctx.core.ai.video.available,
    }),
  };
}

/** Sends a dream's card as a new message (journal, feed, deep link). */
export async function sendDreamCard(ctx: BotContext, dream: DreamView): Promise<void> {
  const { text, reply_markup } = cardFor(ctx, dream);
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup, link_preview_options: { is_disabled: true } });
}

/** Opens a dream by id for the sender; a dream they may not see reads as "not available". */
export async function openDreamCard(ctx: BotContext, dreamId: string): Promise<void> {
  let dream: DreamView;
  try {
    dream = await ctx.core.dreams.get(requireUser(ctx).id, dreamId);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
    await ctx.reply(ctx.t('bot-dream-not-available'));
    return;
  }
  await sendDreamCard(ctx, dream);
}

/** Redraws the card the pressed button sits on. */
async function redrawCard(ctx: BotContext, dream: DreamView): Promise<void> {
  const { text, reply_markup } = cardFor(ctx, dream);
  await editQuietly(
    ctx.editMessageText(text, {
      parse_mode: 'HTML',
      reply_markup,
      link_preview_options: { is_disabled: true },
    }),
  );
}

/**
 * 🎬: a new progress message the video job edits as it advances. Offline (no Replicate token) the
 * user hears so at once and nothing is charged.
 */
async function requestVideo(ctx: BotContext, dreamId: string): Promise<void> {
  const user = requireUser(ctx);
  const { core } = ctx;
  // Ownership first: anyone else hears what they would for a dream that does not exist, and so
  // learns nothing about its video (or about what this server can make).
  const current = await core.dreams.get(user.id, dreamId);
  if (!current.own) throw new AppError('NOT_FOUND', 'dream not found');
  if (!core.ai.video.available) {
    await ctx.answerCallbackQuery();
    await ctx.api.sendMessage(replyChatId(ctx), ctx.t('bot-dream-video-unavailable'));
    return;
  }
  const status = current.video?.status;
  if (status && status !== 'failed') {
    await ctx.answerCallbackQuery({
      text: ctx.t(status === 'completed' ? 'bot-dream-video-done' : 'bot-dream-video-busy'),
      show_alert: true,
    });
    return;
  }
  await ctx.answerCallbackQuery();
  const chatId = replyChatId(ctx);
  const note = await ctx.api.sendMessage(chatId, ctx.t('bot-dream-video-queued'));
  await ctx.api.sendChatAction(chatId, 'record_video').catch(() => undefined);
  const target = { chatId, messageId: note.message_id };
  try {
    await core.dreams.requestVideo(user.id, dreamId, target);
  } catch (error) {
    if (!isAppError(error)) ctx.logger.error({ err: error, dreamId }, 'video request failed');
    const text = !isAppError(error)
      ? ctx.t('error-generic')
      : error.code === 'AI_UNAVAILABLE'
        ? ctx.t('bot-dream-video-unavailable')
        : errorMessage(core, languageOf(ctx), error);
    await ctx.api.editMessageText(chatId, note.message_id, text);
    return;
  }
  await rememberTarget(core, 'video', dreamId, target).catch((err) =>
    ctx.logger.warn({ err, dreamId }, 'could not remember the video message'),
  );
  // The card loses its video button: the video is on its way.
  await redrawCard(ctx, await core.dreams.get(user.id, dreamId));
}

async function share(ctx: BotContext, dreamId: string, anonymous: boolean): Promise<void> {
  const dream = await ctx.core.dreams.share(requireUser(ctx).id, dreamId, { anonymous });
  const left = describeTimeLeft(tr(ctx), dream.public_until, ctx.core.now());
  await ctx.answerCallbackQuery({
    text: ctx.t(anonymous ? 'bot-dream-shared-anonymous' : 'bot-dream-shared', { left }),
  });
  await redrawCard(ctx, dream);
}

async function unshare(ctx: BotContext, dreamId: string): Promise<void> {
  const dream = await ctx.core.dreams.unshare(requireUser(ctx).id, dreamId);
  await ctx.answerCallbackQuery({ text: ctx.t('bot-dream-unshared') });
  await redrawCard(ctx, dream);
}

declare module '../../context.ts' {
  interface SessionData {
    /** Dreams this user deleted lately, so that a second tap on their card says so. */
    deletedDreams?: string[];
  }
}

const DELETED_REMEMBERED = 20;

/**
 * A tap on a card whose dream this user has just deleted: say so on the message (a toast is easy to
 * miss) instead of the "not found" anyone else would get. True when that was the case.
 */
async function answeredAsDeleted(ctx: BotContext, dreamId: string): Promise<boolean> {
  if (!ctx.session.deletedDreams?.includes(dreamId)) return false;
  await ctx.answerCallbackQuery({ text: ctx.t('bot-dream-already-deleted') });
  await editQuietly(ctx.editMessageText(ctx.t('bot-dream-already-deleted'), { reply_markup: NO_BUTTONS }));
  return true;
}

async function askDelete(ctx: BotContext, dreamId: string): Promise<void> {
  if (await answeredAsDeleted(ctx, dreamId)) return;
  // Checked first, so that only the owner is ever asked.
  const dream = await ctx.core.dreams.get(requireUser(ctx).id, dreamId);
  if (!dream.own) throw new AppError('NOT_FOUND', 'dream not found');
  await ctx.answerCallbackQuery();
  // The question replaces the card's text: the two buttons alone do not say what they would do.
  const title = escapeHtml(dreamTitle(dream));
  await editQuietly(
    ctx.editMessageText(ctx.t('bot-dream-delete-confirm-text', { title }), {
      parse_mode: 'HTML',
      reply_markup: deleteConfirmKeyboard(tr(ctx), dreamId),
    }),
  );
}

async function confirmDelete(ctx: BotContext, dreamId: string): Promise<void> {
  if (await answeredAsDeleted(ctx, dreamId)) return;
  await ctx.core.dreams.remove(requireUser(ctx).id, dreamId);
  ctx.session.deletedDreams = [dreamId, ...(ctx.session.deletedDreams ?? [])].slice(0, DELETED_REMEMBERED);
  await ctx.answerCallbackQuery();
  await editQuietly(ctx.editMessageText(ctx.t('bot-dream-deleted'), { reply_markup: NO_BUTTONS }));
}

async function keepDream(ctx: BotContext, dreamId: string): Promise<void> {
  if (await answeredAsDeleted(ctx, dreamId)) return;
  const dream = await ctx.core.dreams.get(requireUser(ctx).id, dreamId);
  await ctx.answerCallbackQuery();
  // The question took the card's text; the whole card comes back.
  await redrawCard(ctx, dream);
}

const ACTIONS: Record<CardAction, (ctx: BotContext, dreamId: string) => Promise<void>> = {
  v: requestVideo,
  s: (ctx, id) => share(ctx, id, false),
  a: (ctx, id) => share(ctx, id, true),
  u: unshare,
  d: askDelete,
  dy: confirmDelete,
  dn: keepDream,
  e: startDreamEdit,
  r: reanalyseDream,
};

/** The card's buttons. Core decides who may do what: another user's dream is simply NOT_FOUND. */
export function dreamCardActions(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(CARD_BUTTON, async (ctx) => {
    const [, action, dreamId] = ctx.match as RegExpMatchArray & [string, CardAction, string];
    await ACTIONS[action](ctx, dreamId);
  });
  return composer;
}

/**
 * `/start dream_<id>`: the start feature greets and keeps the payload in the session; once it is
 * done, the dream's card follows (when the viewer may see it).
 */
export function openDeepLinkedDream(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('start', async (ctx, next) => {
    await next();
    const dreamId = DEEP_LINK.exec(ctx.session.deepLink ?? '')?.[1];
    if (!dreamId) return;
    ctx.session.deepLink = undefined;
    await openDreamCard(ctx, dreamId);
  });
  return composer;
}
