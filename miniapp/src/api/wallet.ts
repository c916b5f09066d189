/**
 * The wallet and referrals part of `/api/v1` as the Mini App reads it; the shapes are the
 * generated ones (schema.gen.ts), named here.
 */
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];

export type Plan = Schemas['Plan'];
export type QuotaKind = keyof Schemas['Quotas'];
export type PriceAction = keyof Schemas['Prices'];
export type QuotaStatus = Schemas['Quotas'][QuotaKind];
/** Something Telegram Stars buy. */
export type Offer = Schemas['Offer'];
export type Wallet = Schemas['Wallet'];
export type LedgerKind = Schemas['LedgerEntry']['kind'];
export type LedgerEntry = Schemas['LedgerEntry'];
export type Invoice = Schemas['Invoice'];
export type ReferralStats = Schemas['Referrals'];

/** The order of the price table, cheapest habits first. */
export const PRICE_ACTIONS: readonly PriceAction[] = [
  'analysis',
  'image',
  'story',
  'photo',
  'reading',
  'video',
  'lora_training',
];
