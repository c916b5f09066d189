import type { Menu } from '@grammyjs/menu';
import { Composer, type MiddlewareFn } from 'grammy';
import type { BotContext, Feature } from '../../context.ts';
import { DREAM_LOG, offerDream } from '../dreams/conversation.ts';
import { DRAFT_PREFIX, draftWaitingKeyboard } from '../dreams/draftButtons.ts';
import { NO_BUTTONS } from '../dreams/keyboards.ts';

// These start or end the dream conversation themselves; after them there is no older draft to mention.
const OWN_COMMANDS = new Set(['dream', 'cancel']);

// A dream is told in words: "Asia/Tokyo" or "01.01.2000" has a dream's length but is no story.
const MIN_WORDS = 3;
const WORD = /\p{L}/u;

/** Whether a text sent out of the blue reads as a dream: a dream's length, and a few words. */
function looksLikeDream(ctx: BotContext, text: string): boolean {
  const { dream_text_min: min } = ctx.core.dreams.limits();
  const words = text.split(/\s+/).filter((w) => WORD.test(w)).length;
  return [...text].length >= min && words >= MIN_WORDS;
}

const inConversation = (ctx: BotContext) => Object.keys(ctx.conversation.active()).length > 0;

/**
 * A command sent while a dream is half-told runs as usual (the conversation lets it through); then
 * the user learns the dream is still waiting, with "Continue" and "Discard", which the conversation
 * itself answers. Its state is stored like every conversation's, so this holds across restarts.
 */
function draftWaiting(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const command = commandName(ctx);
    const watch =
      command !== undefined && !OWN_COMMANDS.has(command) && ctx.conversation.active(DREAM_LOG) > 0;
    await next();
    if (!watch || ctx.conversation.active(DREAM_LOG) === 0) return;
    await ctx.reply(ctx.t('bot-draft-waiting'), {
      reply_markup: draftWaitingKeyboard((key, args) => ctx.t(key, args)),
    });
  };
}

/** The command a message starts with, without `/` and `@botname`. */
function commandName(ctx: BotContext): string | undefined {
  const message = ctx.message;
  const entity = message?.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!message?.text || !entity) return undefined;
  return message.text.slice(1, entity.length).split('@')[0];
}

/**
 * What people send without a command first, outside any conversation, in a private chat: text of a
 * dream's length and voice are offered as a dream (the /dream review, already filled in); pictures
 * and videos are answered plainly, since they cannot be kept; short texts get the menu. A text
 * longer than a dream is offered too: the review step then says it is too long.
 */
export function freeTextFeature(deps: { mainMenu: Menu<BotContext> }): Feature {
  const { mainMenu } = deps;
  const handlers = new Composer<BotContext>();
  const chat = handlers.chatType('private').filter((ctx) => !inConversation(ctx));

  chat.on('message:text', async (ctx, next) => {
    const text = ctx.message.text.trim();
    if (text.startsWith('/')) return next();
    if (!looksLikeDream(ctx, text)) {
      await ctx.reply(ctx.t('unknown-message'), { reply_markup: mainMenu });
      return;
    }
    await offerDream(ctx, { kind: 'text', text });
  });

  chat.on(['message:voice', 'message:audio'], async (ctx) => {
    const voice = ctx.message.voice ?? ctx.message.audio;
    if (!voice) return;
    if (!ctx.core.ai.transcribe.available) {
      await ctx.reply(ctx.t('bot-freetext-voice-needs-text'));
      return;
    }
    await offerDream(ctx, { kind: 'voice', fileId: voice.file_id, duration: voice.duration });
  });

  chat.on(['message:photo', 'message:video', 'message:video_note', 'message:animation'], async (ctx) => {
    await ctx.reply(ctx.t('bot-freetext-media'));
  });

  // "Continue" / "Discard" under a draft that is no longer there (timed out, or the bot's
  // conversations changed shape): say so rather than "this menu is outdated".
  handlers.callbackQuery(new RegExp(`^${DRAFT_PREFIX}`), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('bot-draft-gone'), { reply_markup: NO_BUTTONS }).catch((err) => {
      ctx.logger.debug({ err }, 'could not update an old "still waiting" note');
    });
  });

  return { beforeConversations: draftWaiting(), handlers };
}
