import type { MenuOptions } from '@grammyjs/menu';
import type { BotContext } from './context.ts';

/**
 * Options every menu shares: when a button is pressed on an old rendering (say, before a language
 * change), say so in the user's language and redraw the menu instead of running a stale handler.
 */
export const menuOptions: MenuOptions<BotContext> = {
  onMenuOutdated: async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t('menu-outdated') });
    await ctx.menu.update();
  },
};
