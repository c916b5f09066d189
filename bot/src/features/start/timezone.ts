import { isAppError } from '@mechta/core';
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../context.ts';
import { requireUser } from '../../middleware/users.ts';
import { SETTINGS_INPUT } from '../settings/conversation.ts';
import { describeTimezone } from '../settings/format.ts';
import { quickZonesKeyboard } from '../settings/zones.ts';

const PICK = 'onb-tz:';
const OTHER = 'onb-tz-other';
const SKIP = 'onb-tz-skip';

/**
 * The onboarding question after a new user's greeting: without it every day, reminder and quota
 * reset would count in UTC. The most common zones for the language, "Other…" (a typed city, zone or
 * offset, through /settings' own question) and "Skip" (UTC, changeable later).
 */
export async function askTimezoneAtOnboarding(ctx: BotContext): Promise<void> {
  const keyboard = quickZonesKeyboard(requireUser(ctx).language, PICK)
    .row()
    .text(ctx.t('onboarding-timezone-other'), OTHER)
    .text(ctx.t('onboarding-timezone-skip'), SKIP);
  await ctx.reply(ctx.t('onboarding-timezone-ask'), { reply_markup: keyboard });
}

/** The onboarding question's buttons; each one closes the question (its keyboard is removed). */
export function onboardingTimezoneHandlers(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const close = (ctx: BotContext) =>
    ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() }).catch(() => undefined);

  composer.callbackQuery(new RegExp(`^${PICK}(.+)$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const saved = await ctx.core.users
      .updateSettings(requireUser(ctx).id, { timezone: ctx.match[1] })
      .catch((error) => {
        // Only a forged button carries a zone core refuses; it is answered like any unknown button.
        if (isAppError(error) && error.code === 'VALIDATION_FAILED') return undefined;
        throw error;
      });
    if (!saved) return;
    ctx.user = saved;
    await close(ctx);
    await ctx.reply(ctx.t('settings-timezone-saved', { timezone: describeTimezone(ctx.user.timezone) }));
  });
  composer.callbackQuery(OTHER, async (ctx) => {
    await ctx.answerCallbackQuery();
    await close(ctx);
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(SETTINGS_INPUT, 'timezone');
  });
  composer.callbackQuery(SKIP, async (ctx) => {
    await ctx.answerCallbackQuery();
    await close(ctx);
    await ctx.reply(ctx.t('onboarding-timezone-skipped'));
  });
  return composer;
}
