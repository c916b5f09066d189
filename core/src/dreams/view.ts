import type { Dream, DreamWithAuthor } from '@mechta/db';
import type { DreamAnalysis } from '../ai/types.ts';
import type { MediaStore } from '../platform/media.ts';
import type { DreamView } from './types.ts';

/** How long an owner's media URL stays valid; long, so the Mini App's image cache keeps working. */
export const OWNER_MEDIA_URL_TTL_SECONDS = 7 * 86_400;
/** Other viewers' URLs are short and never outlive the dream's public window. */
export const PUBLIC_MEDIA_URL_TTL_SECONDS = 3_600;

/** True while others may see the dream: shared, inside its window and not hidden by moderation. */
export function isVisibleToOthers(
  dream: Pick<Dream, 'visibility' | 'publicUntil' | 'hiddenAt'>,
  at: Date,
): boolean {
  return (
    dream.visibility === 'public' &&
    dream.publicUntil !== null &&
    dream.publicUntil.getTime() > at.getTime() &&
    dream.hiddenAt === null
  );
}

/** A dream as `viewerId` may see it; media URLs are signed for that viewer only. */
export function toDreamView(
  dream: Dream | DreamWithAuthor,
  viewerId: number | null,
  ctx: { media: MediaStore; at: Date },
): DreamView {
  const own = viewerId !== null && viewerId === dream.userId;
  const publicNow = isVisibleToOthers(dream, ctx.at);
  const url = (mediaId: string | null) => {
    if (!mediaId) return null;
    if (own) return ctx.media.signedUrl(mediaId, OWNER_MEDIA_URL_TTL_SECONDS);
    if (!publicNow) return null;
    return ctx.media.signedUrl(mediaId, PUBLIC_MEDIA_URL_TTL_SECONDS, {
      scope: 'public',
      notAfter: dream.publicUntil,
    });
  };
  const analysis = dream.analysis as DreamAnalysis | null;
  const provider = dream.provider === 'openai' ? 'openai' : 'offline';
  const view: DreamView = {
    id: dream.id,
    text: dream.text,
    title: dream.title,
    lucid: dream.lucid,
    mood: dream.mood,
    mood_on_waking: dream.moodOnWaking,
    // A re-analysis in flight (pending) keeps showing the previous analysis until the new one lands.
    analysis: analysis ? { ...analysis, provider, offline: provider === 'offline' } : null,
    analysis_status: dream.analysisStatus,
    image_url: dream.imageStatus === 'done' ? url(dream.imageMediaId) : null,
    image_offline: dream.imageOffline,
    image_status: dream.imageStatus,
    image_skipped:
      dream.imageSkipReason === 'QUOTA_EXCEEDED' || dream.imageSkipReason === 'INSUFFICIENT_TOKENS'
        ? dream.imageSkipReason
        : null,
    // The voice note is the dreamer's own recording: signed for the owner only, never for the feed.
    voice_url:
      own && dream.voiceMediaId ? ctx.media.signedUrl(dream.voiceMediaId, OWNER_MEDIA_URL_TTL_SECONDS) : null,
    video: dream.videoStatus
      ? {
          status: dream.videoStatus,
          progress: dream.videoProgress,
          url: dream.videoStatus === 'completed' ? url(dream.videoMediaId) : null,
          error: dream.videoError,
        }
      : null,
    // A window that has closed reads as private even before the expiry job has flipped the row.
    visibility: publicNow ? 'public' : 'private',
    anonymous: dream.anonymous,
    public_until: publicNow ? (dream.publicUntil?.toISOString() ?? null) : null,
    views: dream.views,
    created_at: dream.createdAt.toISOString(),
    dream_date: dream.dreamDate ?? dream.createdAt.toISOString().slice(0, 10),
    own,
  };
  if ('authorFirstName' in dream) {
    view.author = dream.anonymous ? null : { id: dream.userId, name: dream.authorFirstName };
  }
  return view;
}
