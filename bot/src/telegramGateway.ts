import type { TelegramGateway } from '@mechta/core';
import type { Bot } from 'grammy';
import type { BotContext } from './context.ts';

/**
 * Core's way to Telegram outside update handlers (the Mini App buys, admins refund over HTTP), built
 * on the bot's API client so it shares its root, token and retry policy.
 */
export function createTelegramGateway(bot: Bot<BotContext>): TelegramGateway {
  return {
    async createInvoiceLink(invoice) {
      // Stars invoices take no payment provider: the token is the empty string.
      return bot.api.createInvoiceLink(
        invoice.title,
        invoice.description,
        invoice.payload,
        '',
        invoice.currency,
        invoice.prices,
      );
    },
    async refundStarPayment(userId, telegramChargeId) {
      await bot.api.refundStarPayment(userId, telegramChargeId);
    },
    botUsername() {
      return bot.isInited() ? bot.botInfo.username : undefined;
    },
  };
}
