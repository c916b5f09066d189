import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext, Feature } from '../../context.ts';
import { requireUser } from '../../middleware/users.ts';

/** Telegram's share sheet: the user picks a chat and the link goes there with the text. */
function shareUrl(link: string, text: string): string {
  return `https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent(text)}`;
}

/** The referral card's text (the personal link, who joined, what it earned) and its Share link. */
export async function referralCard(ctx: BotContext): Promise<{ text: string; shareUrl: string }> {
  const user = requireUser(ctx);
  const stats = await ctx.core.wallet.getReferralStats(user.id, ctx.me.username);
  const bonus = ctx.core.config.limits.referralBonus;
  const tokens = (count: number) => ctx.t('bot-tokens', { count });
  const text = ctx.t('bot-referrals-title', {
    inviter: tokens(bonus.inviter),
    invitee: tokens(bonus.invitee),
    link: stats.link,
    joined: stats.joined,
    earned: tokens(stats.earned),
  });
  return { text, shareUrl: shareUrl(stats.link, ctx.t('bot-referrals-share-text')) };
}

/** /referrals: the referral card as a new message with a Share button. */
export async function showReferrals(ctx: BotContext): Promise<void> {
  const card = await referralCard(ctx);
  await ctx.reply(card.text, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    reply_markup: new InlineKeyboard().url(ctx.t('bot-referrals-share'), card.shareUrl),
  });
}

/** /referrals. The bonuses themselves are credited by core when an invited user first starts the bot. */
export function referralsFeature(): Feature {
  const handlers = new Composer<BotContext>();
  handlers.command('referrals', showReferrals);
  return { handlers };
}
