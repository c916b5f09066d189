import type { LedgerEntry, LedgerKind, Payment } from '@mechta/db';
import type { Language, Translator } from '../i18n/index.ts';
import type { Offer } from './offers.ts';
import type { BalanceView } from './service.ts';

// A record, so a kind added to the database type without a place here fails to compile.
const LEDGER_KIND_SET: Record<LedgerKind, true> = {
  welcome: true,
  spend: true,
  refund: true,
  purchase: true,
  purchase_refund: true,
  referral_inviter: true,
  referral_invitee: true,
  grant: true,
  revoke: true,
};

/** Every kind of ledger entry, for the API's enum. */
export const LEDGER_KINDS = Object.keys(LEDGER_KIND_SET) as LedgerKind[];

export type { LedgerKind };

/** A ledger entry as the API returns it, its kind named in the reader's language. */
export function toLedgerEntryView(entry: LedgerEntry, translator: Translator, language: Language) {
  return {
    id: entry.id,
    kind: entry.kind,
    delta: entry.delta,
    balance_after: entry.balanceAfter,
    reason: entry.reason,
    action: entry.action,
    label: translator.t(language, `wallet-kind-${entry.kind}`),
    created_at: entry.createdAt.toISOString(),
  };
}

/** An offer as the Mini App lists it, titled in the reader's language. */
export function toOfferView(offer: Offer, translator: Translator, language: Language) {
  const args: Record<string, number> =
    offer.kind === 'tokens' ? { tokens: offer.tokens } : { hours: offer.hours };
  return { ...offer, title: translator.t(language, `wallet-invoice-${offer.kind}-title`, args) };
}

/** Balance, plan and quotas as the API returns them. */
export function toBalanceView(balance: BalanceView) {
  return {
    balance: balance.balance,
    plan: balance.plan,
    pass_expires_at: balance.passExpiresAt?.toISOString() ?? null,
    quotas: balance.quotas,
  };
}

/** A Stars payment as the admin screens show it. */
export function toPaymentView(p: Payment) {
  return {
    id: p.id,
    user_id: p.userId,
    offer_id: p.offerId,
    kind: p.kind,
    tokens: p.tokens,
    pass_hours: p.passHours,
    amount: p.amount,
    currency: p.currency,
    status: p.status,
    telegram_charge_id: p.telegramChargeId,
    refunded_tokens: p.refundedTokens,
    refund_shortfall: p.refundShortfall,
    created_at: p.createdAt.toISOString(),
    refunded_at: p.refundedAt?.toISOString() ?? null,
  };
}
