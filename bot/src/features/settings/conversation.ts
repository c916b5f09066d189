import { isAppError } from '@mechta/core';
import type { Context } from 'grammy';
import type { BotContext, User } from '../../context.ts';
import { answerButton, type BotConversation, say } from '../../conversation.ts';
import { requireUser } from '../../middleware/users.ts';
import { describeReminder, describeTimezone, formatBirthDate } from './format.ts';
import { quickZonesKeyboard, zoneForCity } from './zones.ts';

/** The settings typed as text; each one is a field of `core.users.updateSettings`. */
export type TextSetting = 'timezone' | 'reminder_time' | 'birth_date' | 'day_starts_at';

export const SETTINGS_INPUT = 'settings-input';

const ASK: Record<TextSetting, string> = {
  timezone: 'settings-ask-timezone',
  reminder_time: 'settings-ask-reminder',
  birth_date: 'settings-ask-birthdate',
  day_starts_at: 'settings-ask-day-start',
};

// Words that switch a setting off, in both languages, whatever the user's language is.
const CLEAR_WORDS: Partial<Record<TextSetting, RegExp>> = {
  reminder_time: /^(off|no|none|выкл|выключить|нет)$/i,
  birth_date: /^(clear|delete|none|очистить|удалить|нет)$/i,
};

const ZONE_BUTTON = 'settings-tz:';

function savedMessage(ctx: BotContext, field: TextSetting, user: User): string {
  switch (field) {
    case 'timezone':
      return ctx.t('settings-timezone-saved', { timezone: describeTimezone(user.timezone) });
    case 'reminder_time':
      return ctx.t('settings-reminder-saved', { reminder: describeReminder(ctx, user) });
    case 'birth_date':
      return user.birthDate
        ? ctx.t('settings-birthdate-saved', { birthDate: formatBirthDate(user.birthDate) })
        : ctx.t('settings-birthdate-cleared');
    case 'day_starts_at':
      return ctx.t('settings-day-start-saved', { dayStart: user.dayStartsAt });
  }
}

/**
 * Saves one setting through core (the same rules as the API) and tells the user the outcome.
 * Returns false when core rejected the value: the user was told why and may try again.
 */
async function saveAndReport(ctx: BotContext, field: TextSetting, value: string | null): Promise<boolean> {
  try {
    ctx.user = await ctx.core.users.updateSettings(requireUser(ctx).id, { [field]: value });
  } catch (error) {
    const reasonKey =
      isAppError(error) && error.code === 'VALIDATION_FAILED' ? error.fields?.[field] : undefined;
    if (!reasonKey) throw error;
    await ctx.reply(
      `${ctx.t('settings-invalid', { reason: ctx.t(reasonKey) })}\n${ctx.t('settings-try-again')}`,
    );
    return false;
  }
  await ctx.reply(savedMessage(ctx, field, ctx.user));
  return true;
}

/**
 * Asks for one setting and keeps asking until a valid value arrives. Any command or another button
 * means the user moved on: the conversation ends and the rest of the bot handles that update.
 */
export async function settingsInput(conversation: BotConversation, _ctx: Context, field: TextSetting) {
  await conversation.external(async (ctx) => {
    const keyboard = quickZonesKeyboard(requireUser(ctx).language, ZONE_BUTTON);
    await ctx.reply(ctx.t(ASK[field]), {
      parse_mode: 'HTML',
      ...(field === 'timezone' ? { reply_markup: keyboard } : {}),
    });
  });
  for (;;) {
    const input = await conversation.wait();
    const data = input.callbackQuery?.data;
    const text = input.message?.text?.trim();
    let value: string | null;
    if (field === 'timezone' && data?.startsWith(ZONE_BUTTON)) {
      await answerButton(conversation);
      value = data.slice(ZONE_BUTTON.length);
    } else if (input.callbackQuery || text?.startsWith('/')) {
      return conversation.halt({ next: true });
    } else if (text) {
      value = CLEAR_WORDS[field]?.test(text) ? null : text;
      // A city from the quick lists typed in words ("москва"); core takes zones, offsets and IANA cities.
      if (field === 'timezone') value = zoneForCity(text) ?? text;
    } else {
      await say(conversation, 'settings-try-again');
      continue;
    }
    const saved = await conversation.external((ctx) => saveAndReport(ctx, field, value));
    if (saved) return;
  }
}
