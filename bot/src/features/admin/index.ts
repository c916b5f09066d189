import { Composer } from 'grammy';
import { ADMIN_COMMANDS } from '../../commands.ts';
import type { BotContext, Feature } from '../../context.ts';
import { createAdminConversations } from './conversation.ts';
import { ADMIN_MENU_IDS, createAdminMenus } from './menu.ts';

const ADMIN_COMMAND = new RegExp(`^/(?:${ADMIN_COMMANDS.join('|')})(?:@\\w+)?(?:\\s|$)`);

/** An admin command, or a press on a button of an admin menu. */
function isAdminTraffic(ctx: BotContext): boolean {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) return ADMIN_MENU_IDS.includes(data.split('/')[0] ?? '');
  return ADMIN_COMMAND.test(ctx.message?.text ?? '');
}

/**
 * /admin for the Telegram ids in ADMIN_IDS: stats, users, payments. To anyone else the bot does not
 * admit it exists: their admin commands and forged admin buttons get no answer at all, not even
 * "I didn't understand" or a callback answer.
 */
export function adminFeature(): Feature {
  const { root, sendUserCard } = createAdminMenus();

  // Before conversations and menus, so neither ever sees such an update from a non-admin.
  const gate = new Composer<BotContext>();
  gate.use(async (ctx, next) => {
    if (isAdminTraffic(ctx) && !(ctx.from && ctx.core.users.isAdmin(ctx.from.id))) {
      ctx.logger.debug({ userId: ctx.from?.id }, 'ignored admin traffic from a non-admin');
      return;
    }
    await next();
  });

  const handlers = new Composer<BotContext>();
  // Private chats only: in a group the menu would show the figures to everyone there.
  handlers.chatType('private').command('admin', async (ctx) => {
    await ctx.reply(ctx.t('bot-admin-title'), { parse_mode: 'HTML', reply_markup: root });
  });

  return {
    beforeConversations: gate,
    conversations: createAdminConversations(sendUserCard),
    menus: [root],
    handlers,
  };
}
