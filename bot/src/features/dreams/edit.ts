import { AppError, type DreamView, escapeHtml, isAppError } from '@mechta/core';
import { type Context, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../context.ts';
import type { BotConversation } from '../../conversation.ts';
import { errorMessage, languageOf } from '../../middleware/errorBoundary.ts';
import { requireUser } from '../../middleware/users.ts';
import { dreamTitle, MOOD_FACES, renderDreamCard, type Translate } from './format.ts';
import { cardData, dreamCardKeyboard, NO_BUTTONS } from './keyboards.ts';
import { type MessageTarget, rememberTarget } from './targets.ts';
import { editQuietly } from './telegram.ts';

export const DREAM_EDIT = 'dream-edit';

/** Buttons of the edit menu; they only mean something to the edit conversation. */
const EDIT = {
  text: 'dedit:text',
  title: 'dedit:title',
  lucid: 'dedit:lucid',
  mood: 'dedit:mood:',
  done: 'dedit:done',
};
const EDIT_PREFIX = 'dedit:';

type DreamPatch = { text?: string; title?: string | null; lucid?: boolean; mood?: number | null };

const tr =
  (ctx: BotContext): Translate =>
  (key, args) =>
    ctx.t(key, args);

const replyChatId = (ctx: BotContext) => ctx.chatId ?? requireUser(ctx).id;

/** ✏️ on a card: the owner's edit menu opens below it; the card itself is redrawn after every change. */
export async function startDreamEdit(ctx: BotContext, dreamId: string): Promise<void> {
  const dream = await ctx.core.dreams.get(requireUser(ctx).id, dreamId);
  if (!dream.own) throw new AppError('NOT_FOUND', 'dream not found');
  await ctx.answerCallbackQuery();
  const message = ctx.callbackQuery?.message;
  const card: MessageTarget | null = message
    ? { chatId: message.chat.id, messageId: message.message_id }
    : null;
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(DREAM_EDIT, dreamId, card);
}

/**
 * 🔁: a new "Analysing…" message that the analysis job turns into the new analysis card, as when the
 * dream was logged. Charged by core under a key of its own; a refusal (quota, tokens) replaces the note.
 */
export async function reanalyseDream(ctx: BotContext, dreamId: string): Promise<void> {
  const user = requireUser(ctx);
  const { core } = ctx;
  const current = await core.dreams.get(user.id, dreamId);
  if (!current.own) throw new AppError('NOT_FOUND', 'dream not found');
  if (current.analysis_status === 'pending') {
    await ctx.answerCallbackQuery({ text: ctx.t('bot-dream-reanalysis-busy'), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const chatId = replyChatId(ctx);
  const note = await ctx.api.sendMessage(chatId, ctx.t('bot-dream-analysing'));
  await ctx.api.sendChatAction(chatId, 'typing').catch(() => undefined);
  const target = { chatId, messageId: note.message_id };
  try {
    await core.dreams.reanalyze(user.id, dreamId, target);
  } catch (error) {
    if (!isAppError(error)) ctx.logger.error({ err: error, dreamId }, 're-analysis request failed');
    const text = isAppError(error) ? errorMessage(core, languageOf(ctx), error) : ctx.t('error-generic');
    await ctx.api.editMessageText(chatId, note.message_id, text);
    return;
  }
  await rememberTarget(core, 'analysis', dreamId, target).catch((err) =>
    ctx.logger.warn({ err, dreamId }, 'could not remember the analysis message'),
  );
}

/** One update as the conversation acts on it; flat, so it is stored and replayed exactly as read. */
type Input =
  | { kind: 'text'; text: string }
  | { kind: 'command' }
  | { kind: 'button'; data: string; messageId: number }
  | { kind: 'other' };

function readInput(ctx: BotContext): Input {
  const query = ctx.callbackQuery;
  if (query) return { kind: 'button', data: query.data ?? '', messageId: query.message?.message_id ?? 0 };
  const text = ctx.message?.text;
  if (text === undefined) return { kind: 'other' };
  return text.startsWith('/') ? { kind: 'command' } : { kind: 'text', text: text.trim() };
}

async function nextInput(conversation: BotConversation): Promise<Input> {
  await conversation.wait();
  return conversation.external((ctx) => readInput(ctx));
}

/**
 * The edit menu of one dream: text and title are asked for, lucid and mood are toggled by buttons.
 * Every change is saved through core at once and the card is redrawn in place, so leaving midway
 * loses nothing and changes nothing else. Commands end it (and run); other buttons pass through.
 */
export async function editDream(
  conversation: BotConversation,
  _ctx: Context,
  dreamId: string,
  card: MessageTarget | null,
): Promise<void> {
  const menuId = await conversation.external((ctx) => sendMenu(ctx, dreamId));
  for (;;) {
    const input = await nextInput(conversation);
    if (input.kind === 'command') return conversation.halt({ next: true });
    if (input.kind !== 'button' || !input.data.startsWith(EDIT_PREFIX) || input.messageId !== menuId) {
      await conversation.skip({ next: true });
      continue;
    }
    const { data } = input;
    if (data === EDIT.done) {
      await conversation.external((ctx) => closeMenu(ctx, menuId));
      return;
    }
    if (data === EDIT.lucid) {
      await conversation.external((ctx) => apply(ctx, dreamId, card, menuId, (d) => ({ lucid: !d.lucid })));
    } else if (data.startsWith(EDIT.mood)) {
      const mood = Number(data.slice(EDIT.mood.length));
      if (Number.isInteger(mood) && mood >= 1 && mood <= 5) {
        await conversation.external((ctx) =>
          apply(ctx, dreamId, card, menuId, (d) => ({ mood: d.mood === mood ? null : mood })),
        );
      }
    } else if (data === EDIT.text || data === EDIT.title) {
      const field = data === EDIT.text ? 'text' : 'title';
      await conversation.external((ctx) => askFor(ctx, field));
      for (;;) {
        const reply = await nextInput(conversation);
        if (reply.kind === 'command') return conversation.halt({ next: true });
        if (reply.kind !== 'text') {
          await conversation.skip({ next: true });
          continue;
        }
        const saved = await conversation.external((ctx) =>
          saveTyped(ctx, dreamId, card, menuId, field, reply.text),
        );
        if (saved) break;
      }
    } else {
      await conversation.skip({ next: true });
    }
  }
}

function menuKeyboard(t: Translate, dream: DreamView): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(t('bot-dream-edit-button-text'), EDIT.text)
    .text(t('bot-dream-edit-button-title'), EDIT.title)
    .row()
    .text(`${dream.lucid ? '✅' : '▫️'} ${t('bot-dream-button-lucid')}`, EDIT.lucid)
    .row();
  MOOD_FACES.forEach((face, i) => {
    const mood = i + 1;
    keyboard.text(dream.mood === mood ? `✅ ${mood}` : `${face} ${mood}`, `${EDIT.mood}${mood}`);
  });
  return keyboard.row().text(t('bot-dream-edit-button-done'), EDIT.done);
}

const menuText = (t: Translate, dream: DreamView) =>
  t('bot-dream-edit-menu', { title: escapeHtml(dreamTitle(dream)) });

async function sendMenu(ctx: BotContext, dreamId: string): Promise<number> {
  const dream = await ctx.core.dreams.get(requireUser(ctx).id, dreamId);
  const t = tr(ctx);
  const sent = await ctx.reply(menuText(t, dream), {
    parse_mode: 'HTML',
    reply_markup: menuKeyboard(t, dream),
  });
  return sent.message_id;
}

async function closeMenu(ctx: BotContext, menuId: number): Promise<void> {
  await ctx.answerCallbackQuery();
  await editQuietly(
    ctx.api.editMessageText(replyChatId(ctx), menuId, ctx.t('bot-dream-edit-finished'), {
      reply_markup: NO_BUTTONS,
    }),
  );
}

/** Redraws the dream's card where it is, and the menu with the dream's current state. */
async function redraw(ctx: BotContext, dream: DreamView, card: MessageTarget | null, menuId?: number) {
  const t = tr(ctx);
  const { core } = ctx;
  if (card) {
    const text = renderDreamCard(t, dream, { now: core.now(), botUsername: ctx.me.username });
    const reply_markup = dreamCardKeyboard(t, dream, {
      config: core.config,
      videoPrice: core.dreams.prices().video,
      videoAvailable: core.ai.video.available,
      analysisPrice: core.dreams.prices().analysis,
    });
    await editQuietly(
      ctx.api.editMessageText(card.chatId, card.messageId, text, {
        parse_mode: 'HTML',
        reply_markup,
        link_preview_options: { is_disabled: true },
      }),
    );
  }
  if (menuId !== undefined) {
    await editQuietly(
      ctx.api.editMessageText(replyChatId(ctx), menuId, menuText(t, dream), {
        parse_mode: 'HTML',
        reply_markup: menuKeyboard(t, dream),
      }),
    );
  }
}

async function apply(
  ctx: BotContext,
  dreamId: string,
  card: MessageTarget | null,
  menuId: number,
  change: (current: DreamView) => DreamPatch,
): Promise<void> {
  const userId = requireUser(ctx).id;
  const current = await ctx.core.dreams.get(userId, dreamId);
  const dream = await ctx.core.dreams.update(userId, dreamId, change(current));
  await ctx.answerCallbackQuery();
  await redraw(ctx, dream, card, menuId);
}

async function askFor(ctx: BotContext, field: 'text' | 'title'): Promise<void> {
  await ctx.answerCallbackQuery();
  const limits = ctx.core.dreams.limits();
  await ctx.reply(
    field === 'text'
      ? ctx.t('bot-dream-edit-ask-text', { min: limits.dream_text_min, max: limits.dream_text_max })
      : ctx.t('bot-dream-edit-ask-title', { max: limits.dream_title_max }),
  );
}

/** Saves a typed text or title; false (after saying why) when core refuses it, so the user sends another. */
async function saveTyped(
  ctx: BotContext,
  dreamId: string,
  card: MessageTarget | null,
  menuId: number,
  field: 'text' | 'title',
  typed: string,
): Promise<boolean> {
  const { core } = ctx;
  const patch: DreamPatch = field === 'text' ? { text: typed } : { title: typed === '-' ? null : typed };
  let dream: DreamView;
  try {
    dream = await core.dreams.update(requireUser(ctx).id, dreamId, patch);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
    await ctx.reply(
      field === 'title'
        ? ctx.t('bot-dream-edit-title-invalid', { max: core.dreams.limits().dream_title_max })
        : errorMessage(core, languageOf(ctx), error),
    );
    return false;
  }
  await redraw(ctx, dream, card, menuId);
  if (field === 'title') {
    await ctx.reply(ctx.t('bot-dream-edit-title-saved'));
    return true;
  }
  const price = core.dreams.prices().analysis;
  await ctx.reply(ctx.t('bot-dream-edit-text-saved', { price }), {
    reply_markup: new InlineKeyboard().text(
      ctx.t('bot-dream-button-reanalyse', { price }),
      cardData('r', dreamId),
    ),
  });
  return true;
}
