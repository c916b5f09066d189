import { Menu } from '@grammyjs/menu';
import type { BotContext, MenuContext } from '../../context.ts';
import { menuOptions } from '../../menuOptions.ts';
import { requireUser } from '../../middleware/users.ts';
import { backToMenuLabel, showMainMenu } from '../start/menu.ts';
import { offerLabel, renderBalance, tr } from './format.ts';

export const BALANCE_MENU = 'wallet';
export const BUY_MENU = 'wallet-buy';
export const REFERRALS_MENU = 'wallet-referrals';

const LEDGER_LINES = 5;

/** The referral card as the referrals feature draws it. */
export interface ReferralCard {
  text: string;
  shareUrl: string;
}

const label = (key: string) => (ctx: BotContext) => ctx.t(key);

/** The /balance card for the sender, read fresh from core. */
export async function balanceText(ctx: BotContext): Promise<string> {
  const user = requireUser(ctx);
  // The balance first: it opens the account (with the welcome entry) that the ledger then shows.
  const view = await ctx.core.wallet.getBalance(user.id);
  const ledger = await ctx.core.wallet.ledger(user.id, { pageSize: LEDGER_LINES });
  return renderBalance(ctx, user, view, ledger.items, ctx.core.now());
}

/** The /buy text: what tokens and Pro give, above the offer buttons. */
export function buyText(ctx: BotContext): string {
  const pro = ctx.core.config.limits.quotas.pro;
  return ctx.t('bot-buy-title', { textLimit: pro.text, imageLimit: pro.image });
}

/** Shows the balance card in place of the menu message (the main menu's Balance, the offers' Back). */
export async function showBalanceCard(ctx: MenuContext): Promise<void> {
  await ctx.menu.nav(BALANCE_MENU);
  await ctx.editMessageText(await balanceText(ctx), { parse_mode: 'HTML' });
}

/**
 * Sends a Stars invoice for one offer. Title, description, payload and price all come from core, which
 * checks them again at pre-checkout, so a stale invoice can never be paid at an old price.
 */
export async function sendInvoice(ctx: BotContext, offerId: string): Promise<void> {
  const invoice = await ctx.core.wallet.invoice(requireUser(ctx).id, offerId);
  // Stars take no payment provider: the token is the empty string.
  await ctx.replyWithInvoice(
    invoice.title,
    invoice.description,
    invoice.payload,
    invoice.currency,
    invoice.prices,
    { provider_token: '' },
  );
}

/** The balance card's menu (Buy, Invite friends) and the offers menu under it. */
export function createWalletMenus(deps: { referralCard: (ctx: BotContext) => Promise<ReferralCard> }) {
  const balance = new Menu<BotContext>(BALANCE_MENU, menuOptions)
    .submenu(label('bot-balance-buy'), BUY_MENU, (ctx) =>
      ctx.editMessageText(buyText(ctx), { parse_mode: 'HTML' }),
    )
    .submenu(label('bot-balance-referrals'), REFERRALS_MENU, async (ctx) => {
      const card = await deps.referralCard(ctx);
      await ctx.editMessageText(card.text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      });
    })
    .row()
    .text(backToMenuLabel, showMainMenu);

  // The referral card in place of the balance, with its Share link and the way back.
  const referrals = new Menu<BotContext>(REFERRALS_MENU, menuOptions)
    .dynamic(async (ctx, range) => {
      const card = await deps.referralCard(ctx);
      range.url(ctx.t('bot-referrals-share'), card.shareUrl).row();
    })
    .text(label('bot-buy-back'), showBalanceCard);

  const buy = new Menu<BotContext>(BUY_MENU, menuOptions)
    .dynamic((ctx, range) => {
      // Offers come from configuration: a price change redraws an open menu instead of selling stale goods.
      for (const offer of ctx.core.wallet.offers()) {
        range.text(offerLabel(tr(ctx), offer), (c) => sendInvoice(c, offer.id)).row();
      }
    })
    .text(label('bot-buy-back'), showBalanceCard);

  balance.register([buy, referrals]);
  return { balance, buy };
}
