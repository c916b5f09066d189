import { escapeHtml, isAppError } from '@mechta/core';
import type { Context } from 'grammy';
import type { BotContext } from '../../context.ts';
import { type BotConversation, say } from '../../conversation.ts';
import { errorMessage, languageOf } from '../../middleware/errorBoundary.ts';
import { requireUser } from '../../middleware/users.ts';
import { showUnanalysed } from './analysisWait.ts';
import { analysisCostLine } from './cost.ts';
import { DRAFT_BUTTON } from './draftButtons.ts';
import { clip, renderReview, type Translate } from './format.ts';
import { NO_BUTTONS, REVIEW_BUTTON, REVIEW_PREFIX, reviewKeyboard } from './keyboards.ts';
import { rememberTarget } from './targets.ts';
import { downloadTelegramFile, editQuietly, withChatAction } from './telegram.ts';
import { keepVoiceNote } from './voice.ts';

export const DREAM_LOG = 'dream-log';

/** The text about to be saved; `heard` when it came from a voice message, kept by its file id. */
interface Draft {
  text: string;
  heard: boolean;
  voiceFileId?: string;
}

interface Extras {
  lucid: boolean;
  mood: number | null;
  moodOnWaking?: number | null;
}

type SaveOutcome = 'saved' | 'retry' | 'stopped';

// Transcripts of longer messages would not fit a dream (2,000 characters) anyway.
const MAX_VOICE_SECONDS = 5 * 60;

const tr =
  (ctx: BotContext): Translate =>
  (key, args) =>
    ctx.t(key, args);

/** Starts logging a dream; a new start replaces any unfinished question. */
export async function startDreamLog(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(DREAM_LOG);
}

/** A dream sent without /dream first: text, or a voice message to transcribe. */
export type OfferedDream =
  | { kind: 'text'; text: string }
  | { kind: 'voice'; fileId: string; duration: number };

/** Offers what the user sent as a dream: the review step of /dream, with the text already in. */
export async function offerDream(ctx: BotContext, offered: OfferedDream): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(DREAM_LOG, offered);
}

/**
 * /dream: asks for the dream (text or voice), shows it for review with the lucid flag and the mood
 * before sleep, then saves it through core and hands the analysis over to the job, which edits the
 * "Analysing…" message into the result. Other commands run while the draft waits (/cancel drops
 * it), and so do buttons of other messages (journal, cards). Entered with `offered`, it starts at
 * the review with what the user sent outside any conversation.
 */
export async function logDream(
  conversation: BotConversation,
  _ctx: Context,
  offered?: OfferedDream,
): Promise<void> {
  // An offered text that cannot be a dream has been answered with why; the next message may fix it.
  const taken = offered ? await takeDraft(conversation, offered) : undefined;
  // Without transcription, ask for text up front rather than refuse a voice note afterwards.
  const askKey = await conversation.external((ctx) =>
    ctx.core.ai.transcribe.available ? 'bot-dream-ask' : 'bot-dream-ask-text',
  );
  if (taken) await say(conversation, 'bot-freetext-offer');
  else if (!offered) await say(conversation, askKey);
  let draft = taken ?? (await readDraft(conversation, askKey));
  const extras: Extras = { lucid: false, mood: null };
  for (;;) {
    const reviewId = await conversation.external((ctx) => sendReview(ctx, draft, extras));
    const next = await review(conversation, reviewId, draft, extras);
    if (next === 'done') return;
    if (next === 'resume') continue;
    if (next === 'edit') {
      // A corrected transcript is still the same voice note: it stays with the dream.
      const corrected = await readDraft(conversation, 'bot-dream-ask-edit');
      draft = { ...corrected, voiceFileId: corrected.voiceFileId ?? draft.voiceFileId };
    } else draft = next;
  }
}

/** One update as the conversation acts on it; flat, so it is stored and replayed exactly as read. */
type Input =
  | { kind: 'text'; text: string }
  | { kind: 'voice'; fileId: string; duration: number }
  | { kind: 'command' }
  | { kind: 'button'; data: string; messageId: number }
  | { kind: 'message' }
  | { kind: 'other' };

function readInput(ctx: BotContext): Input {
  const query = ctx.callbackQuery;
  if (query) return { kind: 'button', data: query.data ?? '', messageId: query.message?.message_id ?? 0 };
  const message = ctx.message;
  if (!message) return { kind: 'other' };
  if (message.text !== undefined) {
    return message.text.startsWith('/') ? { kind: 'command' } : { kind: 'text', text: message.text.trim() };
  }
  const voice = message.voice ?? message.audio;
  if (voice) return { kind: 'voice', fileId: voice.file_id, duration: voice.duration };
  return { kind: 'message' };
}

/**
 * The next update, read once from the live context and replayed from the stored result: decisions
 * never depend on how a whole Telegram update survives the trip through the conversation storage.
 */
async function nextInput(conversation: BotConversation): Promise<Input> {
  await conversation.wait();
  return conversation.external((ctx) => readInput(ctx));
}

/**
 * Waits for the dream as text or voice until a usable one arrives. "Continue" under "still waiting"
 * asks again with `askKey`, the question the user was answering; "Discard" ends the conversation.
 */
async function readDraft(conversation: BotConversation, askKey: string): Promise<Draft> {
  for (;;) {
    const input = await nextInput(conversation);
    const waiting = waitingChoice(input);
    if (waiting?.kind === 'resume') {
      await conversation.external(async (ctx) => {
        await closeReview(ctx, waiting.messageId);
        await ctx.reply(ctx.t(askKey), { parse_mode: 'HTML' });
      });
      continue;
    }
    if (waiting?.kind === 'discard') {
      await conversation.external((ctx) => discardDraft(ctx, waiting.messageId));
      return conversation.halt();
    }
    const draft = await takeDraft(conversation, input);
    if (draft) return draft;
  }
}

/** A press on "Continue" / "Discard" under "your dream is still waiting". */
function waitingChoice(input: Input): { kind: 'resume' | 'discard'; messageId: number } | null {
  if (input.kind !== 'button') return null;
  if (input.data === DRAFT_BUTTON.resume) return { kind: 'resume', messageId: input.messageId };
  if (input.data === DRAFT_BUTTON.discard) return { kind: 'discard', messageId: input.messageId };
  return null;
}

/** "Discard": the waiting note says the draft is gone and loses its buttons. */
async function discardDraft(ctx: BotContext, messageId: number): Promise<void> {
  await ctx.answerCallbackQuery();
  if (ctx.chatId === undefined) return;
  await editQuietly(
    ctx.api.editMessageText(ctx.chatId, messageId, ctx.t('bot-draft-discarded'), {
      reply_markup: NO_BUTTONS,
    }),
  );
}

/**
 * Reads one input as a dream. Commands run as usual while the draft keeps waiting (the bot then
 * says so, see `draftWaiting`); buttons and other updates go on to the rest of the bot meanwhile.
 */
async function takeDraft(
  conversation: BotConversation,
  input: Input | OfferedDream,
): Promise<Draft | undefined> {
  switch (input.kind) {
    case 'command':
    case 'button':
    case 'other':
      return conversation.skip({ next: true });
    case 'text': {
      const { text } = input;
      const ok = await conversation.external((ctx) => checkDraft(ctx, text, false));
      return ok ? { text, heard: false } : undefined;
    }
    case 'voice': {
      const text = await conversation.external((ctx) => transcribeVoice(ctx, input));
      if (text === null) return undefined;
      const ok = await conversation.external((ctx) => checkDraft(ctx, text, true));
      return ok ? { text, heard: true, voiceFileId: input.fileId } : undefined;
    }
    case 'message':
      await conversation.external(async (ctx) => {
        const key = ctx.core.ai.transcribe.available ? 'bot-dream-send-text-or-voice' : 'bot-dream-send-text';
        await ctx.reply(ctx.t(key), { parse_mode: 'HTML' });
      });
      return undefined;
  }
}

/**
 * The review step. Returns 'done' when the dream was saved or dropped, 'edit' when the user wants
 * to send the text again, or a new draft typed (or spoken) instead of pressing a button.
 */
async function review(
  conversation: BotConversation,
  reviewId: number,
  draft: Draft,
  extras: Extras,
): Promise<'done' | 'edit' | 'resume' | Draft> {
  for (;;) {
    const input = await nextInput(conversation);
    const waiting = waitingChoice(input);
    if (waiting) {
      // The review is sent again below the note, so the user finds it where they are now.
      await conversation.external(async (ctx) => {
        if (waiting.kind === 'discard') await discardDraft(ctx, waiting.messageId);
        else await closeReview(ctx, waiting.messageId);
        await takeButtonsOff(ctx, reviewId);
      });
      return waiting.kind === 'resume' ? 'resume' : 'done';
    }
    if (input.kind !== 'button' || !input.data.startsWith(REVIEW_PREFIX) || input.messageId !== reviewId) {
      // Buttons of other messages (a stale review included) are for the rest of the bot.
      const replacement = await takeDraft(conversation, input);
      if (!replacement) continue;
      await conversation.external((ctx) => closeReview(ctx, reviewId));
      return replacement;
    }
    const { data } = input;
    if (data === REVIEW_BUTTON.lucid) {
      extras.lucid = !extras.lucid;
      await conversation.external((ctx) => redrawReview(ctx, draft, extras));
    } else if (data.startsWith(REVIEW_BUTTON.mood)) {
      const mood = Number(data.slice(REVIEW_BUTTON.mood.length));
      if (Number.isInteger(mood) && mood >= 1 && mood <= 5) extras.mood = extras.mood === mood ? null : mood;
      await conversation.external((ctx) => redrawReview(ctx, draft, extras));
    } else if (data.startsWith(REVIEW_BUTTON.wake)) {
      const mood = Number(data.slice(REVIEW_BUTTON.wake.length));
      if (Number.isInteger(mood) && mood >= 1 && mood <= 5)
        extras.moodOnWaking = extras.moodOnWaking === mood ? null : mood;
      await conversation.external((ctx) => redrawReview(ctx, draft, extras));
    } else if (data === REVIEW_BUTTON.saveQuiet) {
      const outcome = await conversation.external((ctx) => saveDream(ctx, draft, extras, reviewId, false));
      return outcome === 'retry' ? 'edit' : 'done';
    } else if (data === REVIEW_BUTTON.cancel) {
      await conversation.external((ctx) => cancelReview(ctx, reviewId));
      return 'done';
    } else if (data === REVIEW_BUTTON.edit) {
      await conversation.external(async (ctx) => {
        await closeReview(ctx, reviewId);
        await ctx.reply(ctx.t('bot-dream-ask-edit'));
      });
      return 'edit';
    } else if (data === REVIEW_BUTTON.save) {
      const outcome = await conversation.external((ctx) => saveDream(ctx, draft, extras, reviewId));
      return outcome === 'retry' ? 'edit' : 'done';
    } else {
      await conversation.skip({ next: true });
    }
  }
}

/**
 * Tells the user at once when the text cannot be a dream (the configured 10–2000 characters), so
 * they fix it before the review; core checks again when saving.
 */
async function checkDraft(ctx: BotContext, text: string, heard: boolean): Promise<boolean> {
  const { dreamMinChars: min, dreamMaxChars: max } = ctx.core.config.limits;
  const length = [...text].length;
  const reason =
    length < min ? 'validation-dream-too-short' : length > max ? 'validation-dream-too-long' : null;
  if (!reason) return true;
  const args = { reason: ctx.t(reason), length, min, max };
  await ctx.reply(
    heard
      ? ctx.t('bot-dream-voice-invalid', { ...args, text: escapeHtml(clip(text, 600)) })
      : ctx.t('bot-dream-text-invalid', args),
    { parse_mode: 'HTML' },
  );
  return false;
}

/** The transcript of a voice message, or null after telling the user why there is none. */
async function transcribeVoice(
  ctx: BotContext,
  voice: { fileId: string; duration: number },
): Promise<string | null> {
  const { transcribe } = ctx.core.ai;
  if (!transcribe.available) {
    await ctx.reply(ctx.t('bot-dream-voice-unavailable'));
    return null;
  }
  if (voice.duration > MAX_VOICE_SECONDS) {
    await ctx.reply(ctx.t('bot-dream-voice-too-long', { minutes: MAX_VOICE_SECONDS / 60 }));
    return null;
  }
  const chatId = ctx.chatId ?? requireUser(ctx).id;
  try {
    const text = await withChatAction(ctx.api, chatId, 'typing', async () => {
      const file = await ctx.api.getFile(voice.fileId);
      if (!file.file_path) throw new Error('Telegram gave no path for the voice file');
      const audio = await downloadTelegramFile(ctx.core.config, file.file_path);
      const filename = file.file_path.split('/').pop() || 'voice.ogg';
      return ctx.core.ai.transcribe.transcribe({ audio, filename, language: requireUser(ctx).language });
    });
    if (text.trim()) return text.trim();
    await ctx.reply(ctx.t('bot-dream-voice-empty'));
  } catch (err) {
    ctx.logger.warn({ err }, 'voice transcription failed');
    await ctx.reply(ctx.t('bot-dream-voice-failed'));
  }
  return null;
}

async function sendReview(ctx: BotContext, draft: Draft, extras: Extras): Promise<number> {
  const t = tr(ctx);
  const sent = await ctx.reply(`${renderReview(t, draft, extras)}\n${await analysisCostLine(ctx)}`, {
    parse_mode: 'HTML',
    reply_markup: reviewKeyboard(t, extras),
  });
  return sent.message_id;
}

async function redrawReview(ctx: BotContext, draft: Draft, extras: Extras): Promise<void> {
  const t = tr(ctx);
  await ctx.answerCallbackQuery();
  await editQuietly(
    ctx.editMessageText(`${renderReview(t, draft, extras)}\n${await analysisCostLine(ctx)}`, {
      parse_mode: 'HTML',
      reply_markup: reviewKeyboard(t, extras),
    }),
  );
}

/** Takes the buttons off a review that no longer applies; the text stays as a record. */
async function closeReview(ctx: BotContext, reviewId: number): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await takeButtonsOff(ctx, reviewId);
}

async function takeButtonsOff(ctx: BotContext, reviewId: number): Promise<void> {
  if (ctx.chatId === undefined) return;
  await ctx.api.editMessageReplyMarkup(ctx.chatId, reviewId, { reply_markup: NO_BUTTONS }).catch((err) => {
    ctx.logger.debug({ err }, 'could not take the buttons off an old review');
  });
}

async function cancelReview(ctx: BotContext, reviewId: number): Promise<void> {
  await ctx.answerCallbackQuery();
  if (ctx.chatId === undefined) return;
  await editQuietly(
    ctx.api.editMessageText(ctx.chatId, reviewId, ctx.t('bot-dream-cancelled'), { reply_markup: NO_BUTTONS }),
  );
}

/**
 * Answers at once with "Analysing…", then saves through core with that message as the one the
 * analysis job edits. A refusal (limit, quota, tokens) replaces the note, so nothing looks saved
 * that was not; a text core rejects asks for the text again.
 */
async function saveDream(
  ctx: BotContext,
  draft: Draft,
  extras: Extras,
  reviewId: number,
  analyze = true,
): Promise<SaveOutcome> {
  const user = requireUser(ctx);
  const chatId = ctx.chatId ?? user.id;
  await closeReview(ctx, reviewId);
  const note = await ctx.reply(ctx.t(analyze ? 'bot-dream-analysing' : 'bot-dream-saving'));
  await ctx.api.sendChatAction(chatId, 'typing').catch(() => undefined);
  const target = { chatId, messageId: note.message_id };
  try {
    const dream = await ctx.core.dreams.create(user.id, {
      text: draft.text,
      lucid: extras.lucid,
      mood: extras.mood,
      moodOnWaking: extras.moodOnWaking ?? null,
      analyze,
      source: 'bot',
      notify: target,
      idempotencyKey: `bot:${ctx.update.update_id}`,
    });
    await rememberTarget(ctx.core, 'analysis', dream.id, target).catch((err) =>
      ctx.logger.warn({ err, dreamId: dream.id }, 'could not remember the analysis message'),
    );
    if (draft.voiceFileId) await keepVoiceNote(ctx, dream.id, draft.voiceFileId);
    // Kept without an analysis (over the quota, or a "no AI" save): the note says so, with its buttons.
    await showUnanalysed(ctx, dream, target);
    return 'saved';
  } catch (error) {
    if (!isAppError(error)) ctx.logger.error({ err: error }, 'saving a dream failed');
    const retry = isAppError(error) && error.code === 'VALIDATION_FAILED';
    const reason = isAppError(error)
      ? errorMessage(ctx.core, languageOf(ctx), error)
      : ctx.t('error-generic');
    await ctx.api.editMessageText(
      chatId,
      note.message_id,
      retry ? `${reason}\n${ctx.t('bot-dream-send-again')}` : reason,
    );
    return retry ? 'retry' : 'stopped';
  }
}
