import { Menu } from '@grammyjs/menu';
import type { Config } from '@mechta/core';
import type { BotContext, MenuContext } from '../../context.ts';
import { menuOptions } from '../../menuOptions.ts';
import { miniAppUrl } from '../../miniApp.ts';
import { replyComingSoon } from '../placeholders/index.ts';

export type MainMenuItem = 'dream' | 'journal' | 'feed' | 'today' | 'balance' | 'settings' | 'help';
export type MainMenuAction = (ctx: MenuContext) => unknown;

/**
 * The main menu. Each button runs the action its feature supplies; a feature not built yet has no
 * button (its command still answers "coming soon" when typed). Every other menu is registered under this one (see `createBot`), so any
 * handler can send any menu and submenus can navigate back here.
 */
export function createMainMenu(config: Config, actions: Partial<Record<MainMenuItem, MainMenuAction>>) {
  const run = (item: MainMenuItem) => (ctx: MenuContext) => (actions[item] ?? replyComingSoon)(ctx);
  const label = (key: string) => (ctx: BotContext) => ctx.t(key);
  const menu = new Menu<BotContext>('main', menuOptions)
    .text(label('menu-dream'), run('dream'))
    .row()
    .text(label('menu-journal'), run('journal'))
    .text(label('menu-feed'), run('feed'))
    .row();
  // A feature not built yet gets no button: the menu offers only what works.
  if (actions.today) menu.text(label('menu-today'), run('today'));
  menu
    .text(label('menu-balance'), run('balance'))
    .row()
    .text(label('menu-settings'), run('settings'))
    .text(label('menu-help'), run('help'));
  const appUrl = miniAppUrl(config);
  if (appUrl) menu.row().webApp(label('menu-open-app'), appUrl);
  return menu;
}
