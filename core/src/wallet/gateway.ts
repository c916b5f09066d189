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

/** Telegram's refundStarPayment, as the wallet calls it; throws what the Bot API client throws. */
export type RefundStars = (userId: number, telegramChargeId: string) => Promise<void>;

/**
 * What a failed refundStarPayment means. `already_refunded`: the Stars are back with the user (an
 * earlier attempt got through), as good as success. `refused`: Telegram answered with a definite
 * no (a 4xx other than 429), so nothing was refunded. `unknown`: no answer or a passing failure
 * (network, 5xx, 429), so the refund may or may not have happened and must be asked again.
 */
export function classifyRefundFailure(err: unknown): 'already_refunded' | 'refused' | 'unknown' {
  const e = err as { error_code?: unknown; description?: unknown; message?: unknown } | null;
  const text = [e?.description, e?.message].filter((v) => typeof v === 'string').join(' ');
  if (/ALREADY_REFUNDED/i.test(text)) return 'already_refunded';
  const code = typeof e?.error_code === 'number' ? e.error_code : undefined;
  if (code !== undefined && code >= 400 && code < 500 && code !== 429) return 'refused';
  return 'unknown';
}

/** Telegram's words about a failed call, for the record and for the admin. */
export function describeRefundFailure(err: unknown): string {
  const e = err as { description?: unknown; message?: unknown } | null;
  const text = typeof e?.description === 'string' ? e.description : e?.message;
  return (typeof text === 'string' ? text : String(err)).slice(0, 500);
}
