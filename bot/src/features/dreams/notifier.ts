import {
  type Core,
  DEFAULT_NOTIFICATIONS,
  type DreamsNotifier,
  type DreamView,
  escapeHtml,
} from '@mechta/core';
import { type Bot, GrammyError, type InlineKeyboard, InputFile } from 'grammy';
import type { BotContext } from '../../context.ts';
import { dreamTitle, renderDreamCard, renderFailure, renderVideoProgress, type Translate } from './format.ts';
import { dreamCardKeyboard } from './keyboards.ts';
import { type MessageTarget, recallTarget, rememberTarget } from './targets.ts';
import { isNotModified } from './telegram.ts';

/**
 * How the dreams jobs reach the user in the chat: the "Analysing…" note becomes the analysis card,
 * the picture follows as a photo, the video's progress message counts up to the video itself, and a
 * failure is said plainly with the refund. Plugged into the bot's notifier (bot/src/notifier.ts).
 */
export function createDreamsNotifier(bot: Bot<BotContext>, core: Core): DreamsNotifier {
  const logger = core.logger.child({ feature: 'dreams', part: 'notifier' });

  /**
   * The reader's translations, and whether they want to hear about finished work they did not start
   * from the chat (a dream logged in the Mini App): the "Images and videos ready" switch in /settings.
   */
  async function reader(userId: number): Promise<{ t: Translate; wantsGenerations: boolean }> {
    const user = await core.users.findUser(userId);
    const language = user?.language ?? 'en';
    return {
      t: (key, args) => core.translator.t(language, key, args),
      wantsGenerations: { ...DEFAULT_NOTIFICATIONS, ...user?.notifications }.generations,
    };
  }

  const botUsername = () => {
    try {
      return bot.botInfo.username;
    } catch {
      return undefined; // not initialised yet: the card goes without its share link
    }
  };

  function card(t: Translate, dream: DreamView): { text: string; reply_markup?: InlineKeyboard } {
    return {
      text: renderDreamCard(t, dream, { now: core.now(), botUsername: botUsername() }),
      reply_markup: dreamCardKeyboard(t, dream, {
        config: core.config,
        videoPrice: core.dreams.prices().video,
        analysisPrice: core.dreams.prices().analysis,
        videoAvailable: core.ai.video.available,
      }),
    };
  }

  /** A user who blocked the bot is not an error worth retrying the job for. */
  async function delivering(userId: number, send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (err) {
      if (err instanceof GrammyError && err.error_code === 403) {
        logger.info({ userId }, 'dream notification not delivered: the user has blocked the bot');
        return;
      }
      throw err;
    }
  }

  /**
   * Edits the target message into `text`; when there is none, or it can no longer be edited (deleted,
   * too old), sends a new one. Returns the message that now shows it.
   */
  async function editOrSend(
    userId: number,
    target: MessageTarget | undefined,
    text: string,
    reply_markup?: InlineKeyboard,
  ): Promise<MessageTarget | undefined> {
    const options = {
      parse_mode: 'HTML' as const,
      reply_markup,
      link_preview_options: { is_disabled: true },
    };
    if (target) {
      try {
        await bot.api.editMessageText(target.chatId, target.messageId, text, options);
        return target;
      } catch (err) {
        if (isNotModified(err)) return target;
        if (!(err instanceof GrammyError && err.error_code === 400)) throw err;
        logger.debug({ err, target }, 'could not edit the dream message; sending a new one');
      }
    }
    let sent: MessageTarget | undefined;
    await delivering(userId, async () => {
      const message = await bot.api.sendMessage(target?.chatId ?? userId, text, options);
      sent = { chatId: message.chat.id, messageId: message.message_id };
    });
    return sent;
  }

  /** Redraws the analysis card (the picture arrived or failed), if the bot still knows where it is. */
  async function redrawCard(t: Translate, userId: number, dreamId: string): Promise<void> {
    const target = await recallTarget(core, 'card', dreamId);
    if (!target) return;
    // Read afresh: the user may have shared it since the job read it.
    const dream = await core.dreams.get(userId, dreamId).catch(() => undefined);
    if (!dream) return;
    const { text, reply_markup } = card(t, dream);
    await bot.api
      .editMessageText(target.chatId, target.messageId, text, { parse_mode: 'HTML', reply_markup })
      .catch((err) => {
        if (!isNotModified(err)) logger.debug({ err, dreamId: dream.id }, 'could not redraw the dream card');
      });
  }

  return {
    async dreamAnalysed(userId, dream, target) {
      const { t, wantsGenerations } = await reader(userId);
      // A dream that waited for the quota is analysed without a job target: its chat message is remembered.
      const shownAt = target ?? (await recallTarget(core, 'analysis', dream.id));
      if (!shownAt && !wantsGenerations) return;
      const { text, reply_markup } = card(t, dream);
      const shown = await editOrSend(userId, shownAt, text, reply_markup);
      if (shown) await rememberTarget(core, 'card', dream.id, shown);
    },

    async dreamImage(userId, dream, image) {
      const { t, wantsGenerations } = await reader(userId);
      // A dream told in the chat gets its picture there; others only when the user wants to hear.
      const told = await recallTarget(core, 'card', dream.id);
      if (!told && !wantsGenerations) return;
      const caption = [`<b>${escapeHtml(dreamTitle(dream))}</b>`];
      if (dream.image_offline) caption.push(t('bot-dream-image-offline'));
      await delivering(userId, async () => {
        await bot.api.sendPhoto(userId, new InputFile(image.path), {
          caption: caption.join('\n'),
          parse_mode: 'HTML',
        });
      });
      await redrawCard(t, userId, dream.id);
    },

    async dreamVideo(userId, dream, target, file) {
      const { t, wantsGenerations } = await reader(userId);
      const progress = target ?? (await recallTarget(core, 'video', dream.id));
      if (!progress && !wantsGenerations) return;
      if (progress) {
        await editOrSend(userId, progress, renderVideoProgress(t, dream));
      }
      if (dream.video?.status !== 'completed' || !file) {
        if (progress && dream.video?.status === 'processing') {
          await bot.api.sendChatAction(progress.chatId, 'record_video').catch(() => undefined);
        }
        return;
      }
      const chatId = progress?.chatId ?? userId;
      await delivering(userId, async () => {
        await bot.api.sendChatAction(chatId, 'upload_video').catch(() => undefined);
        await bot.api.sendVideo(chatId, new InputFile(file.path), {
          caption: `🎬 <b>${escapeHtml(dreamTitle(dream))}</b>`,
          parse_mode: 'HTML',
          supports_streaming: true,
        });
      });
    },

    async dreamFailed(userId, dream, kind, refunded) {
      // Always told, whatever the switches: tokens came back and the user should know why.
      const { t } = await reader(userId);
      const text = renderFailure(t, dream, kind, refunded);
      if (kind === 'image') {
        await redrawCard(t, userId, dream.id);
        await editOrSend(userId, undefined, text);
        return;
      }
      // The message that was showing progress says what happened, so nothing is left hanging.
      await editOrSend(userId, await recallTarget(core, kind, dream.id), text);
    },
  };
}
