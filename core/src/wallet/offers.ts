import type { Config } from '../config.ts';

/** Something Telegram Stars buy. The id names the goods, so a payment can always be delivered from it. */
export type Offer =
  | { id: string; kind: 'tokens'; tokens: number; stars: number }
  | { id: string; kind: 'pass'; hours: number; stars: number };

/** Invoices are in Telegram Stars only. */
export const STARS_CURRENCY = 'XTR';

/** The current offers, token packs first, then passes from shortest to longest. */
export function buildOffers(config: Config): Offer[] {
  return [
    ...config.offers.tokenPacks.map((p) => ({
      id: `tokens_${p.tokens}`,
      kind: 'tokens' as const,
      tokens: p.tokens,
      stars: p.stars,
    })),
    ...config.offers.passes
      .map((p) => ({ id: `pass_${p.hours}h`, kind: 'pass' as const, hours: p.hours, stars: p.stars }))
      .sort((a, b) => a.hours - b.hours),
  ];
}

/** What an offer id delivers, whether or not it is on sale now (a paid invoice outlives a price change). */
export function goodsOf(
  offerId: string,
): { kind: 'tokens'; tokens: number } | { kind: 'pass'; hours: number } | undefined {
  const tokens = /^tokens_(\d{1,7})$/.exec(offerId);
  if (tokens) return { kind: 'tokens', tokens: Number(tokens[1]) };
  const pass = /^pass_(\d{1,5})h$/.exec(offerId);
  if (pass) return { kind: 'pass', hours: Number(pass[1]) };
  return undefined;
}

export interface InvoicePayload {
  offerId: string;
  stars: number;
  userId: number;
}

// `w1` versions the format; Telegram allows 1–128 bytes of payload.
export function encodePayload(p: InvoicePayload): string {
  return `w1:${p.offerId}:${p.stars}:${p.userId}`;
}

export function decodePayload(payload: string): InvoicePayload | undefined {
  const m = /^w1:([a-z0-9_]{1,32}):(\d{1,9}):(\d{1,20})$/.exec(payload);
  if (!m) return undefined;
  return { offerId: m[1] as string, stars: Number(m[2]), userId: Number(m[3]) };
}
