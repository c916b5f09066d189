import type { Config, DreamView } from '@mechta/core';
import { InlineKeyboard } from 'grammy';
import { miniAppUrl } from '../../miniApp.ts';
import { MOOD_FACES, type Translate } from './format.ts';

/**
 * The dream card's buttons carry `dream:<action>:<id>` (at most 48 bytes; Telegram allows 64).
 * v video, s share, a share anonymously, u unshare, d delete (asks), dy delete confirmed, dn keep.
 */
export const CARD_BUTTON = /^dream:(v|s|a|u|d|dy|dn|e|r):([0-9a-f-]{36})$/;
/** …and e edit (opens the edit conversation), r analyse again (priced). */
export type CardAction = 'v' | 's' | 'a' | 'u' | 'd' | 'dy' | 'dn' | 'e' | 'r';
export const cardData = (action: CardAction, dreamId: string) => `dream:${action}:${dreamId}`;

/** 🔮 Readings under the analysis; handled in ./readings.ts. */
export const readingsMenuData = (dreamId: string) => `rd:m:${dreamId}`;

/** Buttons of the review step while logging a dream; they only mean something to that conversation. */
export const REVIEW_BUTTON = {
  lucid: 'dlog:lucid',
  mood: 'dlog:mood:',
  save: 'dlog:save',
  edit: 'dlog:edit',
  cancel: 'dlog:cancel',
  /** Mood on waking, 1..5 like the mood before sleep. */
  wake: 'dlog:wake:',
  /** A "no AI" save: into the journal without analysis, nothing charged. */
  saveQuiet: 'dlog:save-quiet',
} as const;

/** "Analyse" on a dream saved without analysis (or waiting for the quota): `dan:<dream id>`. */
export const ANALYSE_PREFIX = 'dan:';
/** An offer bought from the "waiting for the quota" message: `dwait:buy:<offer id>`. */
export const WAIT_BUY_PREFIX = 'dwait:buy:';
export const REVIEW_PREFIX = 'dlog:';

/** Sent with an edit to take a message's buttons away. */
export const NO_BUTTONS = { inline_keyboard: [] };

/** No keyboard at all rather than an empty one. */
export const orNone = (keyboard: InlineKeyboard) =>
  keyboard.inline_keyboard.some((row) => row.length > 0) ? keyboard : undefined;

/** The Mini App's page of a dream, when the Mini App can be opened (https only). */
export const dreamAppUrl = (config: Config, dreamId: string) => miniAppUrl(config, `/#/dreams/${dreamId}`);

/**
 * The card's buttons. The owner gets video (when it can be made), share/unshare and delete; everyone gets the Mini App
 * button when PUBLIC_URL is https (Telegram refuses web_app buttons over http, and a plain link to an
 * http Mini App would open outside Telegram without its sign-in, so then there is none).
 */
export function dreamCardKeyboard(
  t: Translate,
  dream: DreamView,
  opts: { config: Config; videoPrice: number; videoAvailable: boolean; analysisPrice?: number },
): InlineKeyboard | undefined {
  const keyboard = new InlineKeyboard();
  if (dream.own) {
    const video = dream.video?.status;
    if (dream.analysis_status === 'skipped') {
      keyboard
        .text(
          t('bot-dream-button-analyse', { price: opts.analysisPrice ?? 0 }),
          `${ANALYSE_PREFIX}${dream.id}`,
        )
        .row();
    }
    // Not while a re-analysis runs: the video is made from the analysis, which is about to change.
    // No video provider: no button that could only ever say "not available".
    if (
      opts.videoAvailable &&
      dream.analysis &&
      dream.analysis_status === 'done' &&
      (!video || video === 'failed')
    ) {
      keyboard.text(t('bot-dream-button-video', { price: opts.videoPrice }), cardData('v', dream.id)).row();
    }
    if (dream.analysis) keyboard.text(t('bot-dream-button-readings'), readingsMenuData(dream.id)).row();
    if (dream.visibility === 'public') keyboard.text(t('bot-dream-button-unshare'), cardData('u', dream.id));
    else {
      keyboard
        .text(t('bot-dream-button-share'), cardData('s', dream.id))
        .text(t('bot-dream-button-share-anonymous'), cardData('a', dream.id));
    }
    keyboard
      .row()
      .text(t('bot-dream-button-edit-dream'), cardData('e', dream.id))
      .text(t('bot-dream-button-delete'), cardData('d', dream.id))
      .row();
  }
  const appUrl = dreamAppUrl(opts.config, dream.id);
  if (appUrl) keyboard.webApp(t('bot-dream-button-open-app'), appUrl);
  return orNone(keyboard);
}

/** Replaces the card's buttons while a delete waits for confirmation. */
export function deleteConfirmKeyboard(t: Translate, dreamId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('bot-dream-button-delete-confirm'), cardData('dy', dreamId))
    .text(t('bot-dream-button-delete-keep'), cardData('dn', dreamId));
}

export function reviewKeyboard(
  t: Translate,
  state: { lucid: boolean; mood: number | null; moodOnWaking?: number | null },
): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(`${state.lucid ? '✅' : '▫️'} ${t('bot-dream-button-lucid')}`, REVIEW_BUTTON.lucid)
    .row();
  MOOD_FACES.forEach((face, i) => {
    const mood = i + 1;
    keyboard.text(state.mood === mood ? `✅ ${mood}` : `${face} ${mood}`, `${REVIEW_BUTTON.mood}${mood}`);
  });
  keyboard.row();
  // The waking row is told apart from the row above by the sunrise on every button.
  for (let mood = 1; mood <= 5; mood++) {
    keyboard.text(
      state.moodOnWaking === mood ? `✅ 🌅 ${mood}` : `🌅 ${mood}`,
      `${REVIEW_BUTTON.wake}${mood}`,
    );
  }
  return keyboard
    .row()
    .text(t('bot-dream-button-save'), REVIEW_BUTTON.save)
    .text(t('bot-dream-button-edit'), REVIEW_BUTTON.edit)
    .text(t('bot-dream-button-cancel'), REVIEW_BUTTON.cancel)
    .row()
    .text(t('bot-dream-button-save-quiet'), REVIEW_BUTTON.saveQuiet);
}
