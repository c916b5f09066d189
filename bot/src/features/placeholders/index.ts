import { Composer } from 'grammy';
import type { BotContext, Feature } from '../../context.ts';

/**
 * Commands promised to users (CONTRACT.md) whose features are still being built. A command here
 * answers "coming soon" instead of falling through to "I didn't understand". When a feature lands,
 * its engineer deletes its command from this list (a real handler installed earlier wins anyway).
 */
export const PLANNED_COMMANDS = [
  'moment',
  'today',
  'wheel',
  'wants',
  'ritual',
  'goals',
  'export',
  'delete_me',
];

/** The shared answer for anything not built yet (commands and main-menu buttons). */
export async function replyComingSoon(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t('menu-coming-soon'));
}

/** Installed after every real feature, so it only answers what nothing else handled. */
export function placeholdersFeature(): Feature {
  const handlers = new Composer<BotContext>();
  handlers.command(PLANNED_COMMANDS, replyComingSoon);
  return { handlers };
}
