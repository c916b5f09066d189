import type { Invoice } from './service.ts';

/**
 * The Telegram calls the wallet needs from outside the bot's update handlers (the Mini App buys and
 * admins refund over HTTP). The bot implements it with `bot.api` and plugs it in with
 * `core.setTelegramGateway`; without a bot there is none, and routes that need it answer 503.
 */
export interface TelegramGateway {
  /** An invoice link (createInvoiceLink) the Mini App opens with `openInvoice`. */
  createInvoiceLink(invoice: Invoice): Promise<string>;
  /** Gives the Stars of one charge back (refundStarPayment); throws when Telegram refuses. */
  refundStarPayment(userId: number, telegramChargeId: string): Promise<void>;
  /** The bot's @username without the `@`, once known. */
  botUsername(): string | undefined;
}
