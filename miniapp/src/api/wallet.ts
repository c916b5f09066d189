/**
 * The wallet and referrals part of `/api/v1` as the Mini App reads it (core/src/wallet/service.ts
 * and api/src/routes/wallet.ts are the source of truth).
 */

export type Plan = 'free' | 'pro';
export type QuotaKind = 'text' | 'image';
export type PriceAction = 'analysis' | 'image' | 'video' | 'story' | 'lora_training' | 'photo';

export interface QuotaStatus {
  used: number;
  limit: number;
}

/** Something Telegram Stars buy. */
export type Offer =
  | { id: string; kind: 'tokens'; tokens: number; stars: number; title: string }
  | { id: string; kind: 'pass'; hours: number; stars: number; title: string };

export interface Wallet {
  balance: number;
  plan: Plan;
  /** ISO instant; null on the free plan. */
  pass_expires_at: string | null;
  quotas: Record<QuotaKind, QuotaStatus>;
  prices: Record<PriceAction, number>;
  offers: Offer[];
  /** When today's quotas start over (the user's next local midnight). */
  quota_resets_at: string;
}

export type LedgerKind =
  | 'welcome'
  | 'spend'
  | 'refund'
  | 'purchase'
  | 'purchase_refund'
  | 'referral_inviter'
  | 'referral_invitee'
  | 'grant'
  | 'revoke';

export interface LedgerEntry {
  id: number | string;
  kind: LedgerKind;
  /** Positive for tokens in, negative for tokens out. */
  delta: number;
  balance_after: number;
  /** The AI action a spend or refund was for. */
  action: PriceAction | string | null;
  reason: string | null;
  /** The kind in the user's language, for kinds this build has no words for. */
  label: string;
  created_at: string;
}

export interface Invoice {
  invoice_link: string;
}

export interface ReferralStats {
  code: string;
  /** `https://t.me/<bot>?start=ref_<code>`; null while the server does not know its bot. */
  link: string | null;
  joined: number;
  earned: number;
  /** Tokens each side gets when an invited user joins. */
  bonus: { inviter: number; invitee: number };
}

/** The order of the price table, cheapest habits first. */
export const PRICE_ACTIONS: readonly PriceAction[] = [
  'analysis',
  'image',
  'story',
  'photo',
  'video',
  'lora_training',
];

export function ledgerPath(page: number, pageSize: number): string {
  return `/wallet/ledger?page=${page}&page_size=${pageSize}`;
}
