import type { DreamAnalysis, DreamCategory } from '../ai/types.ts';

/**
 * The dreams feature's contract between core and its adapters (bot, api, miniapp through the API).
 * Written first so the adapters could be built in parallel with the service.
 */

/** The analysis of a dream, from creation on. */
export type DreamAnalysisStatus = 'pending' | 'done' | 'failed' | 'waiting_quota' | 'skipped';

export type DreamVisibility = 'private' | 'public';
export type VideoStatus = 'pending' | 'processing' | 'completed' | 'failed';

/** A dream as the API returns it (CONTRACT.md shape, plus extras). */
export interface DreamView {
  id: string;
  text: string;
  title: string | null;
  lucid: boolean;
  mood: number | null; // mood before sleep 1..5
  /** Mood on waking, 1..5 like `mood`. */
  mood_on_waking: number | null;
  analysis: (DreamAnalysis & { provider: 'openai' | 'offline'; offline: boolean }) | null;
  /**
   * pending → done | failed; the analysis job's state. `waiting_quota`: kept, analysed when the daily
   * quota allows (next local day, or at once after a purchase); `skipped`: saved without analysis.
   */
  analysis_status: DreamAnalysisStatus;
  image_url: string | null;
  /** The voice note the dream was told in (OGG/Opus from Telegram), for its owner only; null otherwise. */
  voice_url: string | null;
  image_offline: boolean;
  image_status: 'none' | 'pending' | 'done' | 'failed';
  /** Why there is no image although the analysis is done: the image could not be paid for. */
  image_skipped: 'QUOTA_EXCEEDED' | 'INSUFFICIENT_TOKENS' | null;
  video: { status: VideoStatus; progress: number; url: string | null; error: string | null } | null;
  visibility: DreamVisibility;
  anonymous: boolean;
  /** When a public dream leaves the feed (created/shared + DREAM_TTL_SECONDS). */
  public_until: string | null;
  views: number;
  created_at: string;
  /** 'YYYY-MM-DD': the night it belongs to, the writer's local day (their zone and day start). */
  dream_date: string;
  /** True when the viewer is the author (edit, share, video and delete are theirs alone). */
  own: boolean;
  /** Present in the public feed: the author's display name unless anonymous. */
  author?: { id: number | null; name: string } | null;
}

export interface CreateDreamInput {
  text: string;
  lucid?: boolean;
  mood?: number | null;
  moodOnWaking?: number | null;
  title?: string | null;
  /** False for a "no AI" save: kept as `skipped`, nothing charged (analysable later on request). */
  analyze?: boolean;
  /** 'bot' | 'api' — where it came from; and the key that makes a retried create idempotent. */
  source: 'bot' | 'api';
  idempotencyKey?: string;
  /** For the notifier: the chat message to edit when the analysis is ready (bot only). */
  notify?: { chatId: number; messageId: number };
  /** Language of the text; defaults to the user's language. */
  language?: 'ru' | 'en';
}

export interface DreamListQuery {
  q?: string;
  category?: DreamCategory;
  emotion?: string;
  tag?: string;
  lucid?: boolean;
  from?: string; // ISO date
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface DreamInsights {
  total: number;
  streak: { current: number; longest: number; days_logged_last_30: number };
  categories: Array<{ category: DreamCategory; count: number }>;
  symbols: Array<{ symbol: string; count: number }>;
  emotions: Array<{ emotion: string; count: number }>;
  /** Emotions per ISO week for the last 12 weeks. */
  emotions_over_time: Array<{ week: string; emotions: Record<string, number> }>;
  lucid_share: number;
}

export interface DreamLimits {
  dream_text_min: number;
  dream_text_max: number;
  dream_title_max: number;
  dreams_per_day: number;
}

/** What core.dreams offers (bot and api call only these). */
export interface DreamsService {
  /**
   * Validates (10–2000 chars, daily limit), charges analysis tokens/quota, inserts, enqueues analysis.
   * Over the analysis quota the dream is still kept (`waiting_quota`, nothing charged); with
   * `analyze: false` it is `skipped`.
   */
  create(userId: number, input: CreateDreamInput): Promise<DreamView>;
  get(userId: number, dreamId: string): Promise<DreamView>; // NOT_FOUND for other users' private dreams
  list(
    userId: number,
    query: DreamListQuery,
  ): Promise<{ items: DreamView[]; total: number; page: number; pageSize: number }>;
  /** The same page with its items as UTF-8 JSON bytes, straight from the journal cache (for the API). */
  listJson(
    userId: number,
    query: DreamListQuery,
  ): Promise<{ itemsJson: Buffer; total: number; page: number; pageSize: number }>;
  update(
    userId: number,
    dreamId: string,
    patch: {
      text?: string;
      title?: string | null;
      lucid?: boolean;
      mood?: number | null;
      moodOnWaking?: number | null;
    },
  ): Promise<DreamView>;
  /**
   * Starts the analysis of a dream saved without one (`skipped`) or still waiting for the quota:
   * charged like a new dream's; over the quota it stays `waiting_quota`.
   */
  requestAnalysis(
    userId: number,
    dreamId: string,
    notify?: { chatId: number; messageId: number },
  ): Promise<DreamView>;
  /** Deletes the dream and its media files. */
  remove(userId: number, dreamId: string): Promise<void>;
  share(userId: number, dreamId: string, opts: { anonymous?: boolean }): Promise<DreamView>;
  unshare(userId: number, dreamId: string): Promise<DreamView>;
  /** Public dreams still inside DREAM_TTL_SECONDS, newest first; counts a view per viewer. */
  feed(
    viewerId: number,
    page: { page?: number; pageSize?: number },
  ): Promise<{ items: DreamView[]; total: number; page: number; pageSize: number }>;
  /** Charges video tokens and enqueues the video job; AI_UNAVAILABLE (nothing charged) offline. */
  /**
   * Analyses the dream's current text again, charged as an analysis under its own key
   * (`dream:<id>:reanalysis:<n>`) and within the text quota; the previous analysis stays until the
   * new one replaces it, and comes back (with a refund) if this one fails.
   */
  reanalyze(
    userId: number,
    dreamId: string,
    notify?: { chatId: number; messageId: number },
  ): Promise<DreamView>;
  requestVideo(
    userId: number,
    dreamId: string,
    notify?: { chatId: number; messageId: number },
  ): Promise<DreamView>;
  insights(userId: number): Promise<DreamInsights>;
  /** What a dream may be, for forms that check before sending (the service checks again). */
  limits(): DreamLimits;
  /** Price list the adapters show before spending. */
  prices(): { analysis: number; image: number; video: number };
  /** Keeps the voice note a dream was told in with the dream (the bytes must be OGG audio). */
  attachVoice(userId: number, dreamId: string, audio: Buffer): Promise<DreamView>;
  /** A media file for a viewer: private media only for the owner, public dream media for everyone while public. */
  media(viewerId: number | null, mediaId: string): Promise<{ path: string; mime: string }>;
}

/**
 * What the dreams jobs tell the user; the bot implements it (core/src/notifier.ts `Notifier`
 * extends this). `target` is the chat message the bot asked to have edited, when there is one.
 */
export interface DreamsNotifier {
  /** The analysis is stored: edit the "analysing…" message into the analysis with its buttons. */
  dreamAnalysed(
    userId: number,
    dream: DreamView,
    target?: { chatId: number; messageId: number },
  ): Promise<void>;
  /** The image is stored: send it as a photo (caption: title; "offline art" when offline). */
  dreamImage(userId: number, dream: DreamView, image: { path: string; mime: string }): Promise<void>;
  /** Video progress or final state; edit the progress message (send the video when completed). */
  dreamVideo(
    userId: number,
    dream: DreamView,
    target?: { chatId: number; messageId: number },
    file?: { path: string; mime: string },
  ): Promise<void>;
  /** A step failed after retries; tokens were refunded. kind: which step. */
  dreamFailed(
    userId: number,
    dream: DreamView,
    kind: 'analysis' | 'image' | 'video',
    refunded: number,
  ): Promise<void>;
}
