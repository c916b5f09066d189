import type { BalanceView, Language, Offer, WalletService } from '@mechta/core';
import { nextLocalMidnight } from '@mechta/core/wallet/day';
import type { BotContext, User } from '../../context.ts';

/** A ledger entry as core returns it. */
export type LedgerEntry = Awaited<ReturnType<WalletService['ledger']>>['items'][number];
/** A payment row as core returns it. */
export type Payment = Awaited<ReturnType<WalletService['getPayment']>>;

/** Translation in some language: `ctx.t` for the sender, the core translator for anyone else. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

/** The sender's translations as a plain function. */
export const tr =
  (ctx: BotContext): Translate =>
  (key, args) =>
    ctx.t(key, args);

const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `12 Mar, 14:05` in the reader's language and time zone (UTC if the zone is unknown). */
export function formatDateTime(language: Language, timeZone: string, at: Date, withYear = false): string {
  const key = `${language}|${timeZone}|${withYear}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(withYear ? { year: 'numeric' } : {}),
    };
    const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, f);
  }
  return f.format(at);
}

/** The reader's way of writing a moment: their language, their time zone. */
export function formatFor(user: Pick<User, 'language' | 'timezone'>, at: Date, withYear = false): string {
  return formatDateTime(user.language, user.timezone, at, withYear);
}

/** `24 hours`, or whole days for 168 and 720 hours (`7 days`, `30 days`). */
export function describeDuration(t: Translate, hours: number): string {
  return hours >= 48 && hours % 24 === 0
    ? t('bot-duration-days', { days: hours / 24 })
    : t('bot-duration-hours', { hours });
}

/** What a payment or an offer delivers: `150 tokens`, `Pro for 7 days`. */
export function describeGoods(t: Translate, payment: Pick<Payment, 'kind' | 'tokens' | 'passHours'>): string {
  return payment.kind === 'tokens'
    ? t('bot-goods-tokens', { tokens: payment.tokens ?? 0 })
    : t('bot-goods-pass', { duration: describeDuration(t, payment.passHours ?? 0) });
}

/** The label of an offer's button in /buy. */
export function offerLabel(t: Translate, offer: Offer): string {
  return offer.kind === 'tokens'
    ? t('bot-buy-offer-tokens', { tokens: t('bot-tokens', { count: offer.tokens }), stars: offer.stars })
    : t('bot-buy-offer-pass', { duration: describeDuration(t, offer.hours), stars: offer.stars });
}

function ledgerLine(ctx: BotContext, user: User, entry: LedgerEntry): string {
  // A real minus sign: a hyphen reads as a dash next to the separators.
  const amount = entry.delta >= 0 ? `+${entry.delta}` : `−${-entry.delta}`;
  const kind = ctx.t(`wallet-kind-${entry.kind}`);
  const action = entry.action ? ` (${ctx.t(`wallet-action-${entry.action}`)})` : '';
  return `${amount} · ${kind}${action} · ${formatFor(user, entry.createdAt)}`;
}

/** `5 h 12 min` until `to`, never negative. */
function timeLeft(ctx: BotContext, from: Date, to: Date): string {
  const minutes = Math.max(0, Math.ceil((to.getTime() - from.getTime()) / MINUTE_MS));
  return ctx.t('bot-time-left', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * The /balance card: tokens, plan and pass expiry, today's quota use and when it resets (the user's
 * local midnight, the same day boundary core counts quotas by), and the latest ledger entries.
 */
export function renderBalance(
  ctx: BotContext,
  user: User,
  view: BalanceView,
  ledger: LedgerEntry[],
  now: Date,
): string {
  const reset = nextLocalMidnight(now, user.timezone, user.dayStartsAt);
  const { quotas } = ctx.core.config.limits;
  const prices = ctx.core.wallet.prices();
  const left = (q: { used: number; limit: number }) => Math.max(0, q.limit - q.used);
  const lines = [
    ctx.t('bot-balance-title'),
    ctx.t('bot-balance-tokens', { balance: view.balance }),
    view.plan === 'pro' && view.passExpiresAt
      ? ctx.t('bot-balance-plan-pro', { until: formatFor(user, view.passExpiresAt, true) })
      : ctx.t('bot-balance-plan-free'),
    '',
    ctx.t('bot-balance-quotas', {
      textLeft: left(view.quotas.text),
      textLimit: view.quotas.text.limit,
      imageLeft: left(view.quotas.image),
      imageLimit: view.quotas.image.limit,
    }),
    ctx.t('bot-balance-quotas-reset', { at: formatFor(user, reset), left: timeLeft(ctx, now, reset) }),
    // Tokens and quotas both limit a paying user: say which is which, and what Pro changes.
    ctx.t('bot-balance-explain', {
      plan: view.plan,
      analysis: prices.analysis,
      image: prices.image,
      video: prices.video,
      proText: quotas.pro.text,
      proImage: quotas.pro.image,
      freeText: quotas.free.text,
      freeImage: quotas.free.image,
    }),
    '',
    ctx.t('bot-balance-ledger-title'),
    ...(ledger.length ? ledger.map((e) => ledgerLine(ctx, user, e)) : [ctx.t('bot-balance-ledger-empty')]),
  ];
  return lines.join('\n');
}
