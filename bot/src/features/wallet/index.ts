import { Composer } from 'grammy';
import type { BotContext, Feature } from '../../context.ts';
import { balanceText, buyText, createWalletMenus, type ReferralCard } from './menu.ts';
import { createPaymentHandlers } from './payments.ts';

export { showBalanceCard } from './menu.ts';

export interface WalletFeatureDeps {
  /** The referral card, which the wallet's "Invite friends" button opens in place. */
  referralCard: (ctx: BotContext) => Promise<ReferralCard>;
}

/** /balance and /buy, and the Telegram Stars checkout (pre-checkout and successful payment). */
export function walletFeature(deps: WalletFeatureDeps): Feature {
  const menus = createWalletMenus(deps);
  const handlers = new Composer<BotContext>();
  handlers.command('balance', async (ctx) => {
    await ctx.reply(await balanceText(ctx), { parse_mode: 'HTML', reply_markup: menus.balance });
  });
  handlers.command('buy', async (ctx) => {
    await ctx.reply(buyText(ctx), { parse_mode: 'HTML', reply_markup: menus.buy });
  });
  return { beforeConversations: createPaymentHandlers(), menus: [menus.balance], handlers };
}
