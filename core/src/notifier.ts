import type { DreamsNotifier } from './dreams/types.ts';

/**
 * How background work talks to users. Core never imports the bot; the bot implements this with
 * `bot.api` (and a no-op stands in when BOT_TOKEN is unset). Features add their methods here.
 */
export interface Notifier extends DreamsNotifier {
  /** A plain localised text message to a user (already translated by the caller). */
  text(userId: number, text: string, opts?: { buttons?: NotifierButton[][] }): Promise<void>;
}

export interface NotifierButton {
  text: string;
  callbackData?: string;
  url?: string;
  /** Opens the Mini App at this path (a web_app button). */
  webAppPath?: string;
}

/** Used when the bot is off: work still completes, nobody is messaged. */
export const silentNotifier: Notifier = {
  async text() {},
  async dreamAnalysed() {},
  async dreamImage() {},
  async dreamVideo() {},
  async dreamFailed() {},
};
