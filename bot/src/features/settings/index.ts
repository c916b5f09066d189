import { createConversation } from '@grammyjs/conversations';
import { Composer, type Context } from 'grammy';
import type { BotContext, Feature } from '../../context.ts';
import { requireUser } from '../../middleware/users.ts';
import { SETTINGS_INPUT, settingsInput } from './conversation.ts';
import { renderSettingsCard } from './format.ts';
import { createSettingsMenu } from './menu.ts';

export { showSettingsCard } from './menu.ts';

// A question left unanswered this long stops waiting, so a dream told tomorrow is not read as a time zone.
const INPUT_TIMEOUT_MS = 30 * 60 * 1000;

/** /settings: language, time zone, morning reminder, date of birth and notification switches. */
export function settingsFeature(): Feature {
  const menu = createSettingsMenu();
  const handlers = new Composer<BotContext>();
  handlers.command('settings', async (ctx) => {
    await ctx.reply(renderSettingsCard(ctx, requireUser(ctx)), { parse_mode: 'HTML', reply_markup: menu });
  });
  return {
    conversations: [
      createConversation<BotContext, Context>(settingsInput, {
        id: SETTINGS_INPUT,
        maxMillisecondsToWait: INPUT_TIMEOUT_MS,
      }),
    ],
    menus: [menu],
    handlers,
  };
}
