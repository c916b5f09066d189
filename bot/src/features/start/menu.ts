import { Menu } from '@grammyjs/menu';
import type { Config } from '@mechta/core';
import type { BotContext, MenuContext } from '../../context.ts';
import { menuOptions } from '../../menuOptions.ts';
import { miniAppUrl } from '../../miniApp.ts';
import { replyComingSoon } from '../placeholders/index.ts';

export const MAIN_MENU = 'main';

/**
 * How the bot navigates, the same in every feature:
 * - The greeting is its own message and is never edited; the main menu is a separate message
 *   ("Main menu") sent under it by /start and /menu.
 * - Screens of the menu message (balance, buy, the wallet's referral card, settings and its
 *   submenus) edit that message in place, and each carries a "⬅️ Back" to the screen above it,
 *   up to the main menu. No screen is a dead end: there is no "Done" that strips the buttons.
 * - Content (the journal, the feed, a dream's card, help, an invoice) opens as a new message, so
 *   the menu stays where it was. Commands (/balance, /settings, /referrals…) always send a new
 *   message, whose screens then behave as above.
 */
export type MainMenuItem = 'dream' | 'journal' | 'feed' | 'today' | 'balance' | 'settings' | 'help';
export type MainMenuAction = (ctx: MenuContext) => unknown;

/**
 * The main menu. Each button runs the action its feature supplies; a feature not built yet has no
 * button (its command still answers "coming soon" when typed). Every other menu is registered under this one (see `createBot`), so any
 * handler can send any menu and submenus can navigate back here.
 */
/** Turns the menu message back into the main menu (every screen's way back up). */
export async function showMainMenu(ctx: MenuContext): Promise<void> {
  await ctx.menu.nav(MAIN_MENU);
  await ctx.editMessageText(ctx.t('menu-title'));
}

/** The "⬅️ Back" label of a screen whose parent is the main menu. */
export const backToMenuLabel = (ctx: BotContext) => ctx.t('menu-back');

export function createMainMenu(config: Config, actions: Partial<Record<MainMenuItem, MainMenuAction>>) {
  const run = (item: MainMenuItem) => (ctx: MenuContext) => (actions[item] ?? replyComingSoon)(ctx);
  const label = (key: string) => (ctx: BotContext) => ctx.t(key);
  const menu = new Menu<BotContext>(MAIN_MENU, menuOptions)
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
