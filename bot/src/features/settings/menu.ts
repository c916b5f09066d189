import { Menu } from '@grammyjs/menu';
import { DEFAULT_NOTIFICATIONS, type Language, notificationsOf } from '@mechta/core';
import type { BotContext, MenuContext } from '../../context.ts';
import { menuOptions } from '../../menuOptions.ts';
import { requireUser } from '../../middleware/users.ts';
import { backToMenuLabel, showMainMenu } from '../start/menu.ts';
import { SETTINGS_INPUT, type TextSetting } from './conversation.ts';
import { renderSettingsCard } from './format.ts';

type NotificationKey = keyof typeof DEFAULT_NOTIFICATIONS;
const NOTIFICATION_KEYS = Object.keys(DEFAULT_NOTIFICATIONS) as NotificationKey[];

const label = (key: string) => (ctx: BotContext) => ctx.t(key);
/** The bot's buttons carry an icon before the label the Mini App shares (core's shared.ftl). */
const iconLabel = (icon: string, key: string) => (ctx: BotContext) => `${icon} ${ctx.t(key)}`;

/** Shows the settings card in place of the menu message (from the main menu or a submenu's Back). */
export async function showSettingsCard(ctx: MenuContext): Promise<void> {
  await ctx.menu.nav('settings');
  await ctx.editMessageText(renderSettingsCard(ctx, requireUser(ctx)), { parse_mode: 'HTML' });
}

async function askFor(ctx: MenuContext, field: TextSetting): Promise<void> {
  // A new question replaces any unfinished one.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SETTINGS_INPUT, field);
}

async function chooseLanguage(ctx: MenuContext, language: Language): Promise<void> {
  ctx.user = await ctx.core.users.updateSettings(requireUser(ctx).id, { language });
  // From here on this update speaks the new language: the card, the menu labels and the confirmation.
  ctx.i18n.useLocale(language);
  await showSettingsCard(ctx);
  await ctx.reply(ctx.t('settings-language-saved'));
}

async function toggleNotification(ctx: MenuContext, key: NotificationKey): Promise<void> {
  const user = requireUser(ctx);
  const current = notificationsOf(user);
  ctx.user = await ctx.core.users.updateSettings(user.id, { notifications: { [key]: !current[key] } });
  await ctx.menu.update();
}

/** The settings menu with its language and notification submenus. */
export function createSettingsMenu(): Menu<BotContext> {
  const settings = new Menu<BotContext>('settings', menuOptions)
    .submenu(iconLabel('🌐', 'settings-language'), 'settings-language', (ctx) =>
      ctx.editMessageText(ctx.t('settings-choose-language')),
    )
    .text(iconLabel('🕰', 'settings-timezone'), (ctx) => askFor(ctx, 'timezone'))
    .row()
    .text(iconLabel('⏰', 'settings-reminder'), (ctx) => askFor(ctx, 'reminder_time'))
    .text(label('settings-birthdate'), (ctx) => askFor(ctx, 'birth_date'))
    .row()
    .text(iconLabel('🌅', 'settings-day-start'), (ctx) => askFor(ctx, 'day_starts_at'))
    .row()
    .submenu(iconLabel('🔔', 'settings-notifications'), 'settings-notifications', (ctx) =>
      ctx.editMessageText(ctx.t('settings-notifications-title')),
    )
    .row()
    .text(backToMenuLabel, showMainMenu);

  const language = new Menu<BotContext>('settings-language', menuOptions)
    .text('Русский', (ctx) => chooseLanguage(ctx, 'ru'))
    .text('English', (ctx) => chooseLanguage(ctx, 'en'))
    .row()
    .text(label('settings-back'), showSettingsCard);

  const notifications = new Menu<BotContext>('settings-notifications', menuOptions)
    .dynamic((ctx, range) => {
      const current = ctx.user ? notificationsOf(ctx.user) : DEFAULT_NOTIFICATIONS;
      for (const key of NOTIFICATION_KEYS) {
        range
          .text(`${current[key] ? '✅' : '▫️'} ${ctx.t(`notify-${key}`)}`, (c) => toggleNotification(c, key))
          .row();
      }
    })
    .text(label('settings-back'), showSettingsCard);

  settings.register([language, notifications]);
  return settings;
}
