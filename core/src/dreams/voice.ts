import { type Database, type Dream, updateDream } from '@mechta/db';
import { AppError } from '../errors.ts';
import type { MediaStore } from '../platform/media.ts';
import { sniffMime } from '../platform/sniff.ts';

/** Telegram voice notes are OGG/Opus; a voice note that is not OGG audio is refused, never stored. */
const VOICE_MIMES = new Set(['audio/ogg', 'audio/opus']);
/** Telegram's own cap for a bot download is 20 MB; a 5-minute Opus note is well under 1 MB. */
export const MAX_VOICE_BYTES = 20 * 1024 * 1024;

/**
 * Stores the voice note as the dream's `audio` media (linked to the dream, so deleting the dream
 * deletes it) and points the dream at it. A dream already holding one keeps the first.
 */
export async function attachDreamVoice(
  deps: { db: Database; media: MediaStore; now: () => Date },
  dream: Dream,
  audio: Buffer,
): Promise<Dream> {
  if (dream.voiceMediaId) return dream;
  if (audio.length > MAX_VOICE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'voice note too large');
  const mime = await sniffMime(audio);
  // file-type says `audio/ogg; codecs=opus` for a Telegram voice note.
  if (!mime || !VOICE_MIMES.has(mime.split(';')[0]!.trim())) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `a voice note must be OGG audio, got ${mime ?? 'unknown'}`);
  }
  const saved = await deps.media.save({
    userId: dream.userId,
    dreamId: dream.id,
    kind: 'audio',
    mime: 'audio/ogg',
    data: audio,
  });
  const updated = await updateDream(deps.db, dream.id, { voiceMediaId: saved.id }, deps.now());
  if (!updated) {
    // The dream went in the meantime: its media rows went with it, the file must go too.
    await deps.media.removeFiles([saved]);
    throw new AppError('NOT_FOUND', 'dream not found');
  }
  return updated;
}
