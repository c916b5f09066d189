import { escapeHtml, reminderOf } from '@mechta/core';
import type { BotContext, User } from '../../context.ts';

const LANGUAGE_NAMES = { ru: 'Русский', en: 'English' } as const;

/** `Etc/GMT-3` → `UTC+3` (POSIX zones have the sign inverted); other zones as they are. */
export function describeTimezone(zone: string): string {
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (!m) return zone;
  return `UTC${m[1] === '-' ? '+' : '-'}${m[2]}`;
}

/** `1990-03-15` → `15.03.1990`, the way the user typed it. */
export function formatBirthDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The reminder as the 🔔 switch says it (core's `reminderOf`: one source for both screens). */
export function describeReminder(ctx: BotContext, user: User): string {
  return reminderOf(user) ?? ctx.t('settings-off');
}

/** The /settings card: every current value in the user's language. */
export function renderSettingsCard(ctx: BotContext, user: User): string {
  return ctx.t('settings-card', {
    language: LANGUAGE_NAMES[user.language],
    timezone: escapeHtml(describeTimezone(user.timezone)),
    reminder: describeReminder(ctx, user),
    dayStart: user.dayStartsAt,
    birthDate: user.birthDate ? formatBirthDate(user.birthDate) : ctx.t('settings-not-set'),
  });
}
