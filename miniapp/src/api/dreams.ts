/**
 * The dreams part of `/api/v1` as the Mini App reads it (core/src/dreams/types.ts is the source of
 * truth: `DreamView`, `DreamInsights`).
 */

export const DREAM_CATEGORIES = [
  'gothic',
  'chase',
  'flight',
  'transformation',
  'physics',
  'liminal',
  'other',
] as const;
export type DreamCategory = (typeof DREAM_CATEGORIES)[number];

/** Dream text limits (PRODUCT.md §10); the server checks them again with its configured values. */
export const DREAM_TEXT_MIN = 10;
export const DREAM_TEXT_MAX = 2000;
export const DREAM_TITLE_MAX = 120;

export type VideoStatus = 'pending' | 'processing' | 'completed' | 'failed';

export interface DreamAnalysis {
  title: string;
  themes: string[];
  emotions: string[];
  symbols: string[];
  narrative: string;
  tags: string[];
  category: DreamCategory;
  /** 0..1 */
  confidence: number;
  visual_prompt: string;
  video_prompt: string;
  provider: 'openai' | 'offline';
  offline: boolean;
}

export interface DreamVideo {
  status: VideoStatus;
  /** 0..100 */
  progress: number;
  url: string | null;
  error: string | null;
}

export interface Dream {
  id: string;
  text: string;
  title: string | null;
  lucid: boolean;
  /** Mood before sleep, 1..5. */
  mood: number | null;
  analysis: DreamAnalysis | null;
  analysis_status: 'pending' | 'done' | 'failed';
  /** A signed relative URL (`/media/<id>?exp=&sig=`), usable directly in `<img>`. */
  image_url: string | null;
  image_offline: boolean;
  image_status: 'none' | 'pending' | 'done' | 'failed';
  image_skipped: 'QUOTA_EXCEEDED' | 'INSUFFICIENT_TOKENS' | null;
  video: DreamVideo | null;
  visibility: 'private' | 'public';
  anonymous: boolean;
  /** When a shared dream leaves the public feed. */
  public_until: string | null;
  views: number;
  created_at: string;
  /** The viewer wrote it: editing, sharing, video and deleting are theirs alone. */
  own: boolean;
  /** In the public feed: the author, or null when shared anonymously. */
  author?: { id: number | null; name: string } | null;
}

export interface DreamInsights {
  total: number;
  streak: { current: number; longest: number; days_logged_last_30: number };
  categories: Array<{ category: DreamCategory; count: number }>;
  symbols: Array<{ symbol: string; count: number }>;
  emotions: Array<{ emotion: string; count: number }>;
  /** Emotions per ISO week (e.g. `2026-W47`) for the last 12 weeks. */
  emotions_over_time: Array<{ week: string; emotions: Record<string, number> }>;
  /** 0..1 */
  lucid_share: number;
}

export interface NewDream {
  text: string;
  lucid?: boolean;
  mood?: number | null;
  title?: string | null;
}

/** The journal's filters; all optional, combined with AND by the server. */
export interface DreamFilters {
  q?: string;
  category?: DreamCategory;
  emotion?: string;
  tag?: string;
  lucid?: boolean;
}

/** `GET /dreams?…` for the journal with these filters. */
export function dreamsListPath(filters: DreamFilters, page: number, pageSize: number): string {
  const params = new URLSearchParams();
  const q = filters.q?.trim();
  if (q) params.set('q', q);
  if (filters.category) params.set('category', filters.category);
  if (filters.emotion) params.set('emotion', filters.emotion);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.lucid !== undefined) params.set('lucid', String(filters.lucid));
  params.set('page', String(page));
  params.set('page_size', String(pageSize));
  return `/dreams?${params}`;
}

export function dreamPath(id: string): string {
  return `/dreams/${encodeURIComponent(id)}`;
}

/** Whether a background job is still working on the dream's analysis or picture. */
export function isDreamInProgress(dream: Dream): boolean {
  return dream.analysis_status === 'pending' || dream.image_status === 'pending';
}

export function isVideoInProgress(dream: Dream): boolean {
  return dream.video?.status === 'pending' || dream.video?.status === 'processing';
}

/** `GET /wallet`, as far as the dreams screens read it (the video price). */
export interface WalletPrices {
  prices?: Partial<Record<'analysis' | 'image' | 'video', number>>;
}
