import type { Menu } from '@grammyjs/menu';
import { Composer } from 'grammy';
import type { BotContext, Feature } from '../../context.ts';
import { requireUser } from '../../middleware/users.ts';
import { askTimezoneAtOnboarding, onboardingTimezoneHandlers } from './timezone.ts';

const REFERRAL_PAYLOAD = /^ref_/;

/** The help text; also the main menu's Help button. */
export async function showHelp(ctx: BotContext): Promise<void> {
  // /dream offers voice only where the server can transcribe it.
  const voice = ctx.core.ai.transcribe.available ? 'yes' : 'no';
  await ctx.reply(ctx.t('help', { voice }), { parse_mode: 'HTML' });
}

/** /start, /help, /menu, and /cancel, which must reach the bot even while a conversation waits for input. */
export function startFeature(deps: { mainMenu: Menu<BotContext> }): Feature {
  const { mainMenu } = deps;

  const beforeConversations = new Composer<BotContext>();
  beforeConversations.command('cancel', async (ctx) => {
    if (Object.keys(ctx.conversation.active()).length === 0) {
      await ctx.reply(ctx.t('cancel-nothing'));
      return;
    }
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t('cancel-done'));
  });

  const handlers = new Composer<BotContext>();
  handlers.command('start', async (ctx) => {
    const user = requireUser(ctx);
    const payload = ctx.match.trim();
    // The user loader already recorded a referral; other payloads are deep links for later.
    if (payload && !REFERRAL_PAYLOAD.test(payload)) ctx.session.deepLink = payload;
    const created = ctx.registration?.created ?? false;
    // The welcome promises what the free plan gives: its daily picture quota, read from config.
    const images = ctx.core.config.limits.quotas.free.image;
    const lines = [ctx.t(created ? 'start-new' : 'start-returning', { name: user.firstName, images })];
    if (ctx.registration?.referrer) lines.push(ctx.t('start-referred'));
    // The greeting stays as it is; the menu is a message of its own, which its screens edit.
    await ctx.reply(lines.join('\n\n'));
    await ctx.reply(ctx.t('menu-title'), { reply_markup: mainMenu });
    // Only a newcomer who has no zone yet is asked; a returning /start stays one message.
    if (created && !user.timezoneSource) await askTimezoneAtOnboarding(ctx);
  });
  handlers.use(onboardingTimezoneHandlers());
  handlers.command('help', showHelp);
  handlers.command('menu', async (ctx) => {
    await ctx.reply(ctx.t('menu-title'), { reply_markup: mainMenu });
  });

  return { beforeConversations, handlers };
}
