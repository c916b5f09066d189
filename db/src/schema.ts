import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types, written by hand in one place (no codegen). Property names are camelCase:
 * the connection uses Kysely's CamelCasePlugin, the columns themselves are snake_case.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export interface NotificationSettings {
  morning: boolean;
  rituals: boolean;
  weekly: boolean;
  generations: boolean;
  resonances: boolean;
}

export interface UsersTable {
  id: number; // the Telegram user id
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null; // as Telegram reported it
  language: 'ru' | 'en';
  timezone: Generated<string>;
  reminderTime: string | null; // 'HH:MM' local time
  birthDate: ColumnType<string | null, string | null | undefined, string | null>; // 'YYYY-MM-DD'
  notifications: Json<NotificationSettings>;
  isBlocked: Generated<boolean>;
  referralCode: string;
  referredBy: number | null;
  startPayload: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  lastSeenAt: Timestamp;
}

export interface ApiSessionsTable {
  id: Generated<string>;
  userId: number;
  refreshHash: string;
  userAgent: string | null;
  createdAt: Timestamp;
  lastUsedAt: Timestamp;
  expiresAt: Timestamp;
  revokedAt: Timestamp | null;
}

export interface ProcessedUpdatesTable {
  updateId: number;
  processedAt: Timestamp;
}

export interface BotSessionsTable {
  key: string;
  value: Json<unknown>;
  updatedAt: Timestamp;
}

export interface DB {
  users: UsersTable;
  apiSessions: ApiSessionsTable;
  processedUpdates: ProcessedUpdatesTable;
  botSessions: BotSessionsTable;
  walletAccounts: WalletAccountsTable;
  walletLedger: WalletLedgerTable;
  walletQuotaUsage: WalletQuotaUsageTable;
  walletPasses: WalletPassesTable;
  payments: PaymentsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type ApiSession = Selectable<ApiSessionsTable>;

// Wallet: balances, the append-only ledger, daily quota use, pro passes and Stars payments.
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
export type QuotaKind = 'text' | 'image';

export interface WalletAccountsTable {
  userId: number;
  /** Always the sum of the user's ledger deltas; never negative (CHECK). */
  balance: number;
  passExpiresAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface WalletLedgerTable {
  id: Generated<number>;
  userId: number;
  delta: number;
  balanceAfter: number;
  kind: LedgerKind;
  action: string | null;
  quotaKind: QuotaKind | null;
  /** The user's local day the quota use was counted on ('YYYY-MM-DD'). */
  quotaDay: ColumnType<string | null, string | null | undefined, string | null>;
  idempotencyKey: string;
  reason: string | null;
  paymentId: number | null;
  createdAt: Timestamp;
}

export interface WalletQuotaUsageTable {
  userId: number;
  day: ColumnType<string, string, string>;
  kind: QuotaKind;
  used: number;
}

export interface WalletPassesTable {
  id: Generated<number>;
  userId: number;
  paymentId: number | null;
  source: 'payment' | 'admin';
  hours: number;
  startsAt: Timestamp;
  expiresAt: Timestamp;
  endedAt: Timestamp | null;
  createdAt: Timestamp;
}

export interface PaymentsTable {
  id: Generated<number>;
  /** No foreign key: a payment record outlives its user so that it can still be refunded. */
  userId: number;
  offerId: string;
  kind: 'tokens' | 'pass';
  tokens: number | null;
  passHours: number | null;
  amount: number;
  currency: string;
  payload: string;
  telegramChargeId: string;
  providerChargeId: string | null;
  status: 'paid' | 'refunded';
  refundedTokens: number | null;
  refundShortfall: number | null;
  createdAt: Timestamp;
  refundedAt: Timestamp | null;
}

export type WalletAccount = Selectable<WalletAccountsTable>;
export type LedgerEntry = Selectable<WalletLedgerTable>;
export type NewLedgerEntry = Insertable<WalletLedgerTable>;
export type WalletPass = Selectable<WalletPassesTable>;
export type Payment = Selectable<PaymentsTable>;
export type NewPayment = Insertable<PaymentsTable>;
