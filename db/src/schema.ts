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
  /** Where the zone came from: null never set, 'auto' detected by the Mini App, 'user' chosen. */
  timezoneSource: 'auto' | 'user' | null;
  /** 'HH:MM' local time at which the user's day (quotas, streaks, journal dates) starts. */
  dayStartsAt: Generated<string>;
  reminderTime: string | null; // 'HH:MM' local time; whether it fires is notifications.morning
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
  dreams: DreamsTable;
  media: MediaTable;
  dreamViews: DreamViewsTable;
  dreamReadings: DreamReadingsTable;
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

export type PaymentStatus = 'paid' | 'refunding' | 'refunded';

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
  /** `refunding`: a refund was asked for and Telegram's answer is not yet booked. */
  status: PaymentStatus;
  refundedTokens: number | null;
  refundShortfall: number | null;
  createdAt: Timestamp;
  refundedAt: Timestamp | null;
  /** The admin who asked for the refund. */
  refundRequestedBy: number | null;
  refundRequestedAt: Timestamp | null;
  /** When the Telegram call in flight started; null when none is. */
  refundAttemptedAt: Timestamp | null;
  refundAttempts: Generated<number>;
  /** Telegram's last answer when a refund attempt failed. */
  refundError: string | null;
}

export type WalletAccount = Selectable<WalletAccountsTable>;
export type LedgerEntry = Selectable<WalletLedgerTable>;
export type NewLedgerEntry = Insertable<WalletLedgerTable>;
export type WalletPass = Selectable<WalletPassesTable>;
export type Payment = Selectable<PaymentsTable>;
export type NewPayment = Insertable<PaymentsTable>;

// Dreams: the journal, analyses, generated media, sharing to the public feed.
export type DreamAnalysisStatus = 'pending' | 'done' | 'failed' | 'waiting_quota' | 'skipped';
export type DreamImageStatus = 'none' | 'pending' | 'done' | 'failed';
export type DreamVideoStatus = 'pending' | 'processing' | 'completed' | 'failed';

/** The structured analysis as stored (jsonb); core validates it before saving. */
export interface StoredDreamAnalysis {
  title: string;
  themes: string[];
  emotions: string[];
  symbols: string[];
  narrative: string;
  tags: string[];
  category: string;
  confidence: number;
  visual_prompt: string;
  video_prompt: string;
}

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface DreamsTable {
  id: string;
  userId: number;
  text: string;
  title: string | null;
  lucid: Generated<boolean>;
  mood: number | null;
  /** Mood on waking, 1..5 like `mood` (before sleep). */
  moodOnWaking: Generated<number | null>;
  language: 'ru' | 'en';
  source: 'bot' | 'api';
  analysis: Json<StoredDreamAnalysis> | null;
  analysisStatus: Generated<DreamAnalysisStatus>;
  category: string | null;
  emotions: TextArray;
  tags: TextArray;
  symbols: TextArray;
  provider: string | null;
  model: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  processingMs: number | null;
  imageMediaId: string | null;
  imageStatus: Generated<DreamImageStatus>;
  imageOffline: Generated<boolean>;
  imageSkipReason: string | null;
  videoStatus: DreamVideoStatus | null;
  videoProgress: Generated<number>;
  videoAttempts: Generated<number>;
  /** Re-analyses asked for; the one in flight is charged under `dream:<id>:reanalysis:<n>`. */
  reanalyses: Generated<number>;
  videoExternalId: string | null;
  videoMediaId: string | null;
  videoError: string | null;
  /** The voice note the dream was told in (media kind `audio`); null for a typed dream. */
  voiceMediaId: Generated<string | null>;
  visibility: Generated<'private' | 'public'>;
  anonymous: Generated<boolean>;
  sharedAt: Timestamp | null;
  publicUntil: Timestamp | null;
  hiddenAt: Timestamp | null;
  views: Generated<number>;
  /** 'YYYY-MM-DD': the writer's local day when it was written (core/src/time); null on older rows. */
  dreamDate: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** Generated by PostgreSQL (title + text + narrative, Russian and English); never written. */
  search: ColumnType<string, never, never>;
}

export type MediaKind = 'image' | 'video' | 'audio' | 'file';

export interface MediaTable {
  id: Generated<string>;
  userId: number;
  dreamId: string | null;
  kind: MediaKind;
  mime: string;
  /** Relative to DATA_DIR. */
  path: string;
  bytes: number;
  createdAt: Timestamp;
}

export interface DreamViewsTable {
  dreamId: string;
  viewerId: number;
  viewedAt: Timestamp;
}

export type Dream = Omit<Selectable<DreamsTable>, 'search'>;
export type NewDream = Insertable<DreamsTable>;
export type DreamUpdate = Updateable<DreamsTable>;
export type Media = Selectable<MediaTable>;
export type NewMedia = Insertable<MediaTable>;

export type ReadingLens = 'jung' | 'cognitive' | 'folk';
export type ReadingVerdict = 'fits' | 'does_not_fit';

/** A lens reading of a dream, one per dream and lens. */
export interface DreamReadingsTable {
  id: Generated<string>;
  dreamId: string;
  userId: number;
  lens: ReadingLens;
  text: string;
  offline: boolean;
  verdict: ReadingVerdict | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type DreamReading = Selectable<DreamReadingsTable>;
export type NewDreamReading = Insertable<DreamReadingsTable>;
