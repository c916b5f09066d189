import type { BotContext } from '../../context.ts';
import { requireUser } from '../../middleware/users.ts';
import { downloadTelegramFile } from './telegram.ts';

/**
 * Keeps the voice note a dream was told in with the saved dream (fetched again by its file id, so
 * the conversation's stored state never holds audio). The dream is already saved and analysing:
 * a note that cannot be kept is logged, not shown as a failure of the dream.
 */
export async function keepVoiceNote(ctx: BotContext, dreamId: string, fileId: string): Promise<void> {
  try {
    const file = await ctx.api.getFile(fileId);
    if (!file.file_path) throw new Error('Telegram gave no path for the voice file');
    const audio = await downloadTelegramFile(ctx.core.config, file.file_path);
    await ctx.core.dreams.attachVoice(requireUser(ctx).id, dreamId, audio);
  } catch (err) {
    ctx.logger.warn({ err, dreamId }, 'could not keep the voice note with the dream');
  }
}
