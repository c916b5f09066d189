import { type DreamView, escapeHtml } from '@mechta/core';
import type { DreamCategory } from '@mechta/core/ai/types';

/** Translation in one reader's language: `ctx.t` for the sender, the core translator in the notifier. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

export const CATEGORY_EMOJI: Record<DreamCategory, string> = {
  gothic: '🦇',
  chase: '🏃',
  flight: '🕊',
  transformation: '🦋',
  physics: '🌀',
  liminal: '🚪',
  other: '✨',
};

/** Mood before sleep, 1..5. */
export const MOOD_FACES = ['😣', '😕', '😐', '🙂', '😊'] as const;

// A card must stay under Telegram's 4096 characters whatever the dream and the AI wrote.
const CARD_TEXT_MAX = 1200;
const CARD_NARRATIVE_MAX = 900;
const CARD_LIST_MAX = 300;
const TITLE_FROM_TEXT_MAX = 48;

/** Shortens to `max` characters (code points, so an emoji is never cut in half). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** The dream's title, or its first words while the analysis has not named it yet. */
export function dreamTitle(dream: Pick<DreamView, 'title' | 'text'>): string {
  return dream.title?.trim() || clip(dream.text.replace(/\s+/g, ' ').trim(), TITLE_FROM_TEXT_MAX);
}

export function dreamEmoji(dream: Pick<DreamView, 'analysis'>): string {
  return dream.analysis ? CATEGORY_EMOJI[dream.analysis.category] : '🌙';
}

/** `5 h 12 min` until `until` (rounded up to the minute, never negative). */
export function describeTimeLeft(t: Translate, until: string | null, now: Date): string {
  const ms = until ? Math.max(0, Date.parse(until) - now.getTime()) : 0;
  const totalMinutes = Math.ceil(ms / 60_000);
  return t('bot-dream-left', { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 });
}

/** Whole hours a shared dream stays in the feed (DREAM_TTL_SECONDS). */
export const feedHours = (ttlSeconds: number) => Math.max(1, Math.round(ttlSeconds / 3600));

export function moodLabel(t: Translate, mood: number | null): string {
  if (!mood) return t('bot-dream-mood-none');
  return t('bot-dream-mood-value', { face: MOOD_FACES[mood - 1] ?? '', mood });
}

/** What the card says while there is no analysis, by the dream's analysis status. */
const analysisStatusKey: Record<DreamView['analysis_status'], string> = {
  pending: 'bot-dream-card-pending',
  done: 'bot-dream-card-pending',
  failed: 'bot-dream-card-failed',
  waiting_quota: 'bot-dream-card-waiting-quota',
  skipped: 'bot-dream-card-skipped',
};

export interface CardOptions {
  now: Date;
  /** For the "share this link" line of the owner's public dreams. */
  botUsername?: string;
}

/**
 * A dream as a chat message: title, category, the dream itself (collapsed), the analysis and where
 * the dream stands (drawing, offline, public until…). The same card serves the message the analysis
 * job edits, the journal, the feed and deep links; `dream.own` decides the owner's extras.
 */
export function renderDreamCard(t: Translate, dream: DreamView, opts: CardOptions): string {
  const a = dream.analysis;
  const lines = [`${dreamEmoji(dream)} <b>${escapeHtml(dreamTitle(dream))}</b>`];
  const meta: string[] = [];
  if (a) meta.push(t(`dream-category-${a.category}`));
  if (dream.lucid) meta.push(t('bot-dream-card-lucid'));
  if (dream.mood) meta.push(t('bot-dream-card-mood', { mood: moodLabel(t, dream.mood) }));
  if (dream.mood_on_waking)
    meta.push(t('bot-dream-card-mood-waking', { mood: moodLabel(t, dream.mood_on_waking) }));
  if (meta.length) lines.push(`<i>${escapeHtml(meta.join(' · '))}</i>`);
  if (!dream.own && dream.author !== undefined) {
    const name = dream.author?.name ?? t('dream-author-anonymous');
    lines.push(t('bot-dream-card-author', { name: escapeHtml(name) }));
  }
  lines.push(`<blockquote expandable>${escapeHtml(clip(dream.text, CARD_TEXT_MAX))}</blockquote>`);

  if (a) {
    lines.push(escapeHtml(clip(a.narrative, CARD_NARRATIVE_MAX)), '');
    const list = (key: string, items: string[]) => {
      if (items.length) lines.push(t(key, { list: escapeHtml(clip(items.join(', '), CARD_LIST_MAX)) }));
    };
    list('bot-dream-card-themes', a.themes);
    list('bot-dream-card-emotions', a.emotions);
    list('bot-dream-card-symbols', a.symbols);
    if (a.offline) lines.push(t('bot-dream-card-offline'));
    if (dream.analysis_status === 'pending') lines.push(t('bot-dream-card-reanalysing'));
  } else {
    lines.push(t(analysisStatusKey[dream.analysis_status]));
  }

  if (dream.own && a) {
    if (dream.image_status === 'pending') lines.push(t('bot-dream-card-drawing'));
    if (dream.image_skipped) lines.push(t(`dream-image-skipped-${dream.image_skipped}`));
  }

  if (dream.visibility === 'public') {
    const left = describeTimeLeft(t, dream.public_until, opts.now);
    lines.push('');
    if (!dream.own) lines.push(t('bot-dream-card-in-feed', { left, views: dream.views }));
    else {
      lines.push(t(dream.anonymous ? 'bot-dream-card-public-anonymous' : 'bot-dream-card-public', { left }));
      if (opts.botUsername) {
        const link = `https://t.me/${opts.botUsername}?start=dream_${dream.id}`;
        lines.push(t('bot-dream-card-link', { link }));
      }
    }
  }
  return lines.join('\n');
}

/** The review step of logging a dream: the text as it will be saved, and the extras chosen so far. */
export function renderReview(
  t: Translate,
  draft: { text: string; heard: boolean },
  state: { lucid: boolean; mood: number | null; moodOnWaking?: number | null },
): string {
  return [
    t(draft.heard ? 'bot-dream-review-heard' : 'bot-dream-review-title'),
    `<blockquote expandable>${escapeHtml(draft.text)}</blockquote>`,
    t('bot-dream-review-extras', {
      lucid: t(state.lucid ? 'bot-dream-yes' : 'bot-dream-no'),
      mood: moodLabel(t, state.mood),
    }),
    t('bot-dream-review-waking', { mood: moodLabel(t, state.moodOnWaking ?? null) }),
    '',
    t(draft.heard ? 'bot-dream-review-hint-heard' : 'bot-dream-review-hint'),
  ].join('\n');
}

/** The video's progress line, the text of the message the video job edits. */
export function renderVideoProgress(t: Translate, dream: DreamView): string {
  const video = dream.video;
  switch (video?.status) {
    case 'processing':
      return t('bot-dream-video-progress', { progress: video.progress });
    case 'completed':
      return t('bot-dream-video-ready');
    case 'failed':
      return t('bot-dream-video-failed');
    default:
      return t('bot-dream-video-queued');
  }
}

/** What failed and what came back to the balance, as a plain message. */
export function renderFailure(
  t: Translate,
  dream: DreamView,
  kind: 'analysis' | 'image' | 'video',
  refunded: number,
): string {
  return `⚠️ <b>${escapeHtml(dreamTitle(dream))}</b>\n${t(`dream-failed-${kind}`, { refunded })}`;
}
