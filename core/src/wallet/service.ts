import { randomUUID } from 'node:crypto';
import {
  addQuotaUsage,
  applyLedgerEntry,
  countReferrals,
  type Database,
  type Executor,
  endPasses,
  endRefundAttempt,
  findLedgerEntryByKey,
  findPassByPaymentId,
  findPaymentByChargeId,
  findPaymentById,
  findUserById,
  findWalletAccount,
  getQuotaUsage,
  insertPass,
  insertPaymentOnce,
  insertWalletAccount,
  type LedgerEntry,
  type LedgerKind,
  listLedgerEntries,
  listPayments,
  listStaleRefunds,
  lockPayment,
  lockWalletAccount,
  markPaymentRefunded,
  markPaymentRefunding,
  type Payment,
  type QuotaKind,
  setPassExpiry,
  sumLedger,
  type User,
  userPaymentTotals,
  type WalletAccount,
  walletTotals,
} from '@mechta/db';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Language, Translator } from '../i18n/index.ts';
import { escapeHtml } from '../lib/html.ts';
import type { Notifier } from '../notifier.ts';
import type { Cache } from '../platform/cache.ts';
import type { Logger } from '../platform/logger.ts';
import { type DayOwner, localDayOf } from '../time/localDay.ts';
import type { UsersService } from '../users/service.ts';
import { classifyRefundFailure, describeRefundFailure, type RefundStars } from './gateway.ts';
import { buildOffers, decodePayload, encodePayload, goodsOf, type Offer, STARS_CURRENCY } from './offers.ts';

/** An AI action that costs tokens. */
export type Action = keyof Config['prices'];
export type Plan = 'free' | 'pro';
export type { QuotaKind };

export interface PlanStatus {
  plan: Plan;
  passExpiresAt: Date | null;
}

export interface QuotaStatus {
  used: number;
  limit: number;
}

export interface BalanceView extends PlanStatus {
  balance: number;
  quotas: Record<QuotaKind, QuotaStatus>;
}

export interface ChargeInput {
  userId: number;
  action: Action;
  /** The job or update that causes the spend: charging the same key again charges nothing. */
  idempotencyKey: string;
  /** Counts one use of today's quota of this kind, checked together with the balance. */
  quota?: QuotaKind;
}

export interface ChargeResult {
  charged: number;
  alreadyCharged: boolean;
  /** True when this key's charge was already refunded: the work it paid for is closed. */
  refunded: boolean;
  balance: number;
}

export type PreCheckoutProblem =
  | 'blocked'
  | 'offer_unknown'
  | 'offer_changed'
  | 'price_mismatch'
  | 'other_user';

export type PreCheckoutResult =
  | { ok: true; offer: Offer }
  | {
      ok: false;
      problem: PreCheckoutProblem /** Localised, for answerPreCheckoutQuery's error_message. */;
      reason: string;
    };

export interface StarsPaymentInput {
  userId: number;
  payload: string;
  totalAmount: number;
  telegramChargeId: string;
  providerChargeId?: string | null;
  currency?: string;
}

export interface Invoice {
  title: string;
  description: string;
  payload: string;
  currency: typeof STARS_CURRENCY;
  prices: { label: string; amount: number }[];
  offer: Offer;
}

export interface RefundPaymentResult {
  /** True when this call finished the refund. */
  refunded: boolean;
  payment: Payment;
  /** Tokens taken back from the balance. */
  tokensTakenBack: number;
  /** Tokens the user had already spent and so could not be taken back. */
  shortfall: number;
}

export interface ReferralStats {
  code: string;
  link: string;
  joined: number;
  earned: number;
}

export interface AdminStats {
  users: number;
  /** Users seen in the last 24 hours. */
  activeToday: number;
  /** Users seen in the last 7 days. */
  activeWeek: number;
  payments: number;
  refundedPayments: number;
  starsRevenue: number;
  /** Tokens given out: welcome, purchases, referral bonuses and grants. */
  tokensIssued: number;
  /** Tokens spent on AI work, net of refunds. */
  tokensSpent: number;
  /** Tokens taken back by admins and payment refunds. */
  tokensRevoked: number;
  tokensByKind: Partial<Record<LedgerKind, number>>;
}

export interface Page {
  page?: number;
  pageSize?: number;
}

export interface WalletDeps {
  db: Database;
  config: Config;
  cache: Cache;
  translator: Translator;
  logger: Logger;
  users: UsersService;
  now: () => Date;
  /** The bot's notifier is plugged in after core is built, hence a getter. */
  notifier: () => Notifier;
}

const PLAN_CACHE_TTL_SECONDS = 300;
// A free plan can only become pro through a purchase or an admin, both of which invalidate the key;
// the shorter TTL bounds what a racing reader could leave behind.
const FREE_PLAN_CACHE_TTL_SECONDS = 60;
const HOUR_MS = 3_600_000;
// A refund attempt whose Telegram call started longer ago than this is taken for dead (its process
// stopped); another caller or the sweep then takes the intent over. Far above any Bot API timeout.
const REFUND_ATTEMPT_LEASE_MS = 5 * 60_000;

const planKey = (userId: number) => `wallet:plan:${userId}`;
const isPro = (account: Pick<WalletAccount, 'passExpiresAt'> | undefined, at: Date) =>
  Boolean(account?.passExpiresAt && account.passExpiresAt.getTime() > at.getTime());
const planStatusOf = (account: WalletAccount | undefined, at: Date): PlanStatus =>
  isPro(account, at)
    ? { plan: 'pro', passExpiresAt: account?.passExpiresAt ?? null }
    : { plan: 'free', passExpiresAt: null };

function pageOf(p: Page): { page: number; pageSize: number; limit: number; offset: number } {
  const page = Math.max(1, Math.floor(p.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(p.pageSize ?? 20)));
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/**
 * Tokens, quotas, pro passes, Telegram Stars payments and referral bonuses. Every balance change is a
 * ledger entry written in the same transaction as the balance, under a lock on the user's account row.
 */
export function createWalletService(deps: WalletDeps) {
  const { db, config, cache, translator, logger, now } = deps;
  const offerList = () => buildOffers(config);
  const languageOf = (user: User | undefined): Language => user?.language ?? 'en';

  /** Locks the user's account, opening it (with the welcome tokens) on first use. */
  async function lockAccount(trx: Executor, userId: number): Promise<WalletAccount> {
    const found = await lockWalletAccount(trx, userId);
    if (found) return found;
    if (!(await findUserById(trx, userId))) throw new AppError('NOT_FOUND', 'user not found');
    const at = now();
    if ((await insertWalletAccount(trx, userId, at)) && config.limits.startingTokens > 0) {
      await applyLedgerEntry(trx, {
        userId,
        delta: config.limits.startingTokens,
        kind: 'welcome',
        idempotencyKey: `welcome:${userId}`,
        createdAt: at,
      });
    }
    const account = await lockWalletAccount(trx, userId);
    if (!account) throw new AppError('INTERNAL', 'wallet account vanished');
    return account;
  }

  /** Adds a ledger entry unless its key is already there; the caller holds the account lock. */
  async function creditOnce(
    trx: Executor,
    entry: {
      userId: number;
      delta: number;
      kind: LedgerKind;
      idempotencyKey: string;
      reason?: string;
      paymentId?: number;
    },
  ): Promise<LedgerEntry | undefined> {
    if (await findLedgerEntryByKey(trx, entry.idempotencyKey)) return undefined;
    return applyLedgerEntry(trx, { ...entry, createdAt: now() });
  }

  /** Told when a user's allowance grew (tokens bought or granted, a pass): waiting work may start. */
  const allowanceListeners: Array<(userId: number) => Promise<unknown>> = [];
  async function allowanceGrew(userId: number): Promise<void> {
    for (const listener of allowanceListeners) {
      try {
        await listener(userId);
      } catch (err) {
        // The purchase is booked whatever a listener does; the sweep retries the waiting work later.
        logger.warn({ err, userId }, 'allowance listener failed');
      }
    }
  }

  async function invalidatePlan(userId: number): Promise<void> {
    try {
      await cache.del(planKey(userId));
    } catch (err) {
      logger.warn({ err, userId }, 'plan cache invalidation failed');
    }
  }

  /** Extends the pass from max(now, current expiry); the caller holds the account lock. */
  async function extendPass(
    trx: Executor,
    account: WalletAccount,
    hours: number,
    source: 'payment' | 'admin',
    paymentId: number | null,
  ): Promise<Date> {
    const at = now();
    const current = account.passExpiresAt?.getTime() ?? 0;
    const startsAt = new Date(Math.max(at.getTime(), current));
    const expiresAt = new Date(startsAt.getTime() + hours * HOUR_MS);
    await insertPass(trx, {
      userId: account.userId,
      paymentId,
      source,
      hours,
      startsAt,
      expiresAt,
      createdAt: at,
    });
    await setPassExpiry(trx, account.userId, expiresAt, at);
    return expiresAt;
  }

  async function quotaStatus(userId: number, account: WalletAccount | undefined, user: DayOwner) {
    const at = now();
    const plan = planStatusOf(account, at).plan;
    const used = await getQuotaUsage(db, userId, localDayOf(user, at).date);
    const limits = config.limits.quotas[plan];
    return {
      text: { used: used.text, limit: limits.text },
      image: { used: used.image, limit: limits.image },
    };
  }

  /** The charge's work inside `trx`, which must be a transaction. */
  async function chargeIn(trx: Executor, input: ChargeInput, price: number): Promise<ChargeResult> {
    const account = await lockAccount(trx, input.userId);
    const previous = await findLedgerEntryByKey(trx, input.idempotencyKey);
    if (previous) {
      if (previous.userId !== input.userId || previous.kind !== 'spend') {
        throw new AppError('CONFLICT', 'idempotency key already used for something else');
      }
      const refunded = Boolean(await findLedgerEntryByKey(trx, `refund:${input.idempotencyKey}`));
      return { charged: -previous.delta, alreadyCharged: true, refunded, balance: account.balance };
    }
    const at = now();
    let day: string | undefined;
    if (input.quota) {
      const user = await findUserById(trx, input.userId);
      day = localDayOf(user ?? { timezone: 'UTC' }, at).date;
      const limit = config.limits.quotas[planStatusOf(account, at).plan][input.quota];
      const used = (await getQuotaUsage(trx, input.userId, day))[input.quota];
      if (used >= limit) {
        throw new AppError('QUOTA_EXCEEDED', `daily ${input.quota} quota used up`, {
          args: { kind: input.quota, limit },
          details: { kind: input.quota, limit, used },
        });
      }
    }
    const insufficient = () =>
      new AppError('INSUFFICIENT_TOKENS', 'not enough tokens', {
        args: { price, balance: account.balance },
        details: { price, balance: account.balance },
      });
    if (account.balance < price) throw insufficient();
    const entry = await applyLedgerEntry(trx, {
      userId: input.userId,
      delta: -price,
      kind: 'spend',
      action: input.action,
      quotaKind: input.quota ?? null,
      quotaDay: day ?? null,
      idempotencyKey: input.idempotencyKey,
      createdAt: at,
    });
    if (!entry) throw insufficient();
    if (input.quota && day) await addQuotaUsage(trx, input.userId, day, input.quota, 1);
    return { charged: price, alreadyCharged: false, refunded: false, balance: entry.balanceAfter };
  }

  /** Telegram's part of a claimed refund, then the booking; see `refundPayment`. */
  async function driveRefund(payment: Payment, refundStars: RefundStars): Promise<RefundPaymentResult> {
    try {
      await refundStars(payment.userId, payment.telegramChargeId);
    } catch (err) {
      const kind = classifyRefundFailure(err);
      if (kind !== 'already_refunded') {
        const error = describeRefundFailure(err);
        const refused = kind === 'refused';
        await endRefundAttempt(db, payment.id, { error, refused }).catch((e) =>
          // The attempt's lease runs out by itself and the sweep takes the intent over.
          logger.error({ err: e, paymentId: payment.id }, 'could not record a failed refund attempt'),
        );
        logger.warn({ err, paymentId: payment.id, refused }, 'Telegram did not refund the Stars');
        throw new AppError('SERVICE_UNAVAILABLE', 'Telegram did not refund the Stars', {
          details: { reason: refused ? 'telegram_refund_failed' : 'refund_pending', telegram_error: error },
          cause: err,
        });
      }
    }
    let result: RefundPaymentResult;
    try {
      result = await bookRefund(payment.id);
    } catch (err) {
      // The Stars are back with the user; the sweep books the rest (Telegram then says "already refunded").
      logger.error({ err, paymentId: payment.id }, 'a Stars refund went through but could not be booked');
      throw new AppError('SERVICE_UNAVAILABLE', 'the refund could not be booked yet', {
        details: { reason: 'refund_pending' },
        cause: err,
      });
    }
    if (result.refunded && result.payment.kind === 'pass') await invalidatePlan(result.payment.userId);
    return result;
  }

  /**
   * Takes back what a payment Telegram has refunded bought, once: the tokens that are left (the
   * rest is the shortfall; the user may have spent them) or what is left of the pass.
   */
  function bookRefund(paymentId: number): Promise<RefundPaymentResult> {
    return db.transaction().execute(async (trx): Promise<RefundPaymentResult> => {
      const payment = await lockPayment(trx, paymentId);
      if (!payment) throw new AppError('NOT_FOUND', 'payment not found');
      // Another attempt booked it first. Any other status is booked: Telegram has just said the Stars are back.
      if (payment.status === 'refunded')
        return { refunded: false, payment, tokensTakenBack: 0, shortfall: 0 };
      const at = now();
      const userExists = Boolean(await findUserById(trx, payment.userId));
      let taken = 0;
      let shortfall = 0;
      if (payment.kind === 'tokens') {
        const owed = payment.tokens ?? 0;
        if (userExists) {
          const account = await lockAccount(trx, payment.userId);
          taken = Math.min(account.balance, owed);
          shortfall = owed - taken;
          await creditOnce(trx, {
            userId: payment.userId,
            delta: -taken,
            kind: 'purchase_refund',
            idempotencyKey: `payment-refund:${payment.id}`,
            paymentId: payment.id,
            reason: shortfall > 0 ? `refund; ${shortfall} tokens already spent` : 'refund',
          });
        } else {
          shortfall = owed;
        }
      } else if (userExists) {
        const account = await lockAccount(trx, payment.userId);
        const pass = await findPassByPaymentId(trx, payment.id);
        if (pass && !pass.endedAt && account.passExpiresAt) {
          // Remove what is left of this pass; passes bought after it move earlier by as much.
          const unused = Math.max(
            0,
            pass.expiresAt.getTime() - Math.max(pass.startsAt.getTime(), at.getTime()),
          );
          const expiry = new Date(Math.max(at.getTime(), account.passExpiresAt.getTime() - unused));
          await setPassExpiry(trx, payment.userId, expiry, at);
          await endPasses(trx, { id: pass.id }, at);
        }
      }
      const updated = await markPaymentRefunded(trx, payment.id, {
        refundedTokens: payment.kind === 'tokens' ? taken : null,
        refundShortfall: payment.kind === 'tokens' ? shortfall : null,
        at,
      });
      return { refunded: true, payment: updated, tokensTakenBack: taken, shortfall };
    });
  }

  const wallet = {
    /** Registers a listener for "this user may now afford more" (a purchase, a grant, a pro plan). */
    onAllowanceGrew(listener: (userId: number) => Promise<unknown>): void {
      allowanceListeners.push(listener);
    },
    /** Tokens each AI action costs. */
    prices(): Record<Action, number> {
      return { ...config.prices };
    },

    offers(): Offer[] {
      return offerList();
    },

    /** Balance, plan and today's quota use (the day is the user's local day). */
    async getBalance(userId: number): Promise<BalanceView> {
      const user = await findUserById(db, userId);
      if (!user) throw new AppError('NOT_FOUND', 'user not found');
      let account = await findWalletAccount(db, userId);
      if (!account) account = await db.transaction().execute((trx) => lockAccount(trx, userId));
      const status = planStatusOf(account, now());
      return {
        balance: account.balance,
        ...status,
        quotas: await quotaStatus(userId, account, user),
      };
    },

    /**
     * Spends the action's price (and one use of `quota` when given) atomically. Throws
     * QUOTA_EXCEEDED {kind, limit} or INSUFFICIENT_TOKENS {price, balance}; nothing is taken then.
     * Given `trx`, the charge joins the caller's transaction and commits (or rolls back) with what
     * it pays for; otherwise it runs in its own.
     */
    async charge(input: ChargeInput, trx?: Executor): Promise<ChargeResult> {
      const price = config.prices[input.action];
      if (price === undefined) throw new AppError('BAD_REQUEST', `unknown action ${input.action}`);
      if (!input.idempotencyKey) throw new AppError('BAD_REQUEST', 'an idempotency key is required');
      if (trx) return chargeIn(trx, input, price);
      return db.transaction().execute((own) => chargeIn(own, input, price));
    },

    /**
     * Gives back what the charge with this key took, and its quota use; once. Refunding closes the
     * key: a later charge with it reports `alreadyCharged` and takes nothing, so refund only when
     * the work is given up for good (after the last retry).
     */
    async refund(idempotencyKey: string, reason: string): Promise<{ refunded: number }> {
      const spend = await findLedgerEntryByKey(db, idempotencyKey);
      if (spend?.kind !== 'spend') return { refunded: 0 };
      return db.transaction().execute(async (trx) => {
        await lockAccount(trx, spend.userId);
        const entry = await creditOnce(trx, {
          userId: spend.userId,
          delta: -spend.delta,
          kind: 'refund',
          idempotencyKey: `refund:${idempotencyKey}`,
          reason,
        });
        if (!entry) return { refunded: 0 };
        if (spend.quotaKind && spend.quotaDay) {
          await addQuotaUsage(trx, spend.userId, spend.quotaDay, spend.quotaKind, -1);
        }
        return { refunded: entry.delta };
      });
    },

    /** The user's ledger, newest first. */
    async ledger(userId: number, page: Page = {}): Promise<{ items: LedgerEntry[]; total: number }> {
      return listLedgerEntries(db, userId, pageOf(page));
    },

    /** Plan status through the cache (Redis when configured) in front of PostgreSQL. */
    async getPlan(userId: number): Promise<PlanStatus> {
      const at = now();
      const key = planKey(userId);
      try {
        const hit = await cache.get(key);
        if (hit) {
          const parsed = JSON.parse(hit) as { plan: Plan; passExpiresAt: string | null };
          const expires = parsed.passExpiresAt ? new Date(parsed.passExpiresAt) : null;
          // The TTL ends at the expiry instant, but a clock that runs ahead of the cache's must not see pro.
          if (parsed.plan === 'free' || (expires && expires.getTime() > at.getTime())) {
            return { plan: parsed.plan, passExpiresAt: parsed.plan === 'pro' ? expires : null };
          }
          await cache.del(key);
        }
      } catch (err) {
        logger.warn({ err, userId }, 'plan cache read failed');
      }
      const status = planStatusOf(await findWalletAccount(db, userId), at);
      const ttl =
        status.plan === 'pro' && status.passExpiresAt
          ? Math.min(
              PLAN_CACHE_TTL_SECONDS,
              Math.floor((status.passExpiresAt.getTime() - at.getTime()) / 1000),
            )
          : FREE_PLAN_CACHE_TTL_SECONDS;
      if (ttl >= 1) {
        await cache
          .set(key, JSON.stringify(status), ttl)
          .catch((err) => logger.warn({ err, userId }, 'plan cache write failed'));
      }
      return status;
    },

    /** The title, description, payload and price for a Stars invoice of this offer. */
    async invoice(userId: number, offerId: string): Promise<Invoice> {
      const offer = offerList().find((o) => o.id === offerId);
      if (!offer) throw new AppError('NOT_FOUND', 'unknown offer');
      const user = await findUserById(db, userId);
      if (!user) throw new AppError('NOT_FOUND', 'user not found');
      if (user.isBlocked) throw new AppError('USER_BLOCKED', 'user is blocked');
      const lang = languageOf(user);
      const args: Record<string, number> =
        offer.kind === 'tokens' ? { tokens: offer.tokens } : { hours: offer.hours };
      const title = translator.t(lang, `wallet-invoice-${offer.kind}-title`, args);
      return {
        title: title.slice(0, 32),
        description: translator.t(lang, `wallet-invoice-${offer.kind}-description`, args).slice(0, 255),
        payload: encodePayload({ offerId: offer.id, stars: offer.stars, userId }),
        currency: STARS_CURRENCY,
        prices: [{ label: title.slice(0, 32), amount: offer.stars }],
        offer,
      };
    },

    /** Answers Telegram's pre_checkout_query: the offer and price must still be what the invoice said. */
    async validatePreCheckout(
      userId: number,
      payload: string,
      totalAmount: number,
      currency: string,
    ): Promise<PreCheckoutResult> {
      const user = await findUserById(db, userId);
      const fail = (problem: PreCheckoutProblem): PreCheckoutResult => ({
        ok: false,
        problem,
        reason: translator.t(languageOf(user), `wallet-precheckout-${problem.replace('_', '-')}`),
      });
      if (user?.isBlocked) return fail('blocked');
      const decoded = decodePayload(payload);
      if (!decoded) return fail('offer_unknown');
      if (decoded.userId !== userId) return fail('other_user');
      const offer = offerList().find((o) => o.id === decoded.offerId);
      if (!offer) return fail('offer_unknown');
      if (offer.stars !== decoded.stars) return fail('offer_changed');
      if (currency !== STARS_CURRENCY || totalAmount !== offer.stars) return fail('price_mismatch');
      return { ok: true, offer };
    },

    /**
     * Delivers a successful_payment: tokens or a pass, exactly once per Telegram charge id, however
     * many times (or on however many instances) the update arrives.
     */
    async creditStarsPayment(input: StarsPaymentInput): Promise<{ credited: boolean; payment: Payment }> {
      const decoded = decodePayload(input.payload);
      const goods = decoded && goodsOf(decoded.offerId);
      if (!decoded || !goods) {
        logger.error({ input }, 'successful payment with a payload we did not issue');
        throw new AppError('BAD_REQUEST', 'unknown invoice payload');
      }
      const result = await db.transaction().execute(async (trx) => {
        const at = now();
        const payment = await insertPaymentOnce(trx, {
          userId: input.userId,
          offerId: decoded.offerId,
          kind: goods.kind,
          tokens: goods.kind === 'tokens' ? goods.tokens : null,
          passHours: goods.kind === 'pass' ? goods.hours : null,
          amount: input.totalAmount,
          currency: input.currency ?? STARS_CURRENCY,
          payload: input.payload,
          telegramChargeId: input.telegramChargeId,
          providerChargeId: input.providerChargeId ?? null,
          status: 'paid',
          createdAt: at,
        });
        if (!payment) {
          const existing = await findPaymentByChargeId(trx, input.telegramChargeId);
          if (!existing) throw new AppError('INTERNAL', 'payment vanished');
          return { credited: false, payment: existing };
        }
        const account = await lockAccount(trx, input.userId);
        if (goods.kind === 'tokens') {
          await creditOnce(trx, {
            userId: input.userId,
            delta: goods.tokens,
            kind: 'purchase',
            idempotencyKey: `payment:${payment.id}`,
            paymentId: payment.id,
            reason: decoded.offerId,
          });
        } else {
          await extendPass(trx, account, goods.hours, 'payment', payment.id);
        }
        return { credited: true, payment };
      });
      if (result.credited && goods.kind === 'pass') await invalidatePlan(input.userId);
      if (result.credited) await allowanceGrew(input.userId);
      return result;
    },

    /**
     * Refunds a Stars payment once, in three steps each safe to stop after: a short transaction
     * records the intent (`refunding`, who asked), Telegram is called outside any transaction, and a
     * second transaction takes back the tokens (as many as are left then; the rest is the
     * shortfall) or ends the pass, and marks the payment `refunded`. Telegram saying the charge is
     * already refunded counts as done. A definite refusal puts the payment back to `paid` and throws
     * SERVICE_UNAVAILABLE `telegram_refund_failed`; no answer (or a failed booking) leaves the intent
     * for `resumeRefunds` and throws SERVICE_UNAVAILABLE `refund_pending`. `refunded` is false when
     * the payment was already refunded, or another attempt is in flight (its status says which).
     */
    async refundPayment(
      paymentId: number,
      opts: { refundStars: RefundStars; requestedBy?: number | null },
    ): Promise<RefundPaymentResult> {
      const claim = await db.transaction().execute(async (trx) => {
        const payment = await lockPayment(trx, paymentId);
        if (!payment) throw new AppError('NOT_FOUND', 'payment not found');
        const at = now();
        const inFlight =
          payment.status === 'refunding' &&
          payment.refundAttemptedAt !== null &&
          payment.refundAttemptedAt.getTime() > at.getTime() - REFUND_ATTEMPT_LEASE_MS;
        if (payment.status === 'refunded' || inFlight) return { claimed: false as const, payment };
        const claimed = await markPaymentRefunding(trx, paymentId, {
          requestedBy: opts.requestedBy ?? null,
          at,
        });
        return { claimed: true as const, payment: claimed };
      });
      if (!claim.claimed)
        return { refunded: false, payment: claim.payment, tokensTakenBack: 0, shortfall: 0 };
      return driveRefund(claim.payment, opts.refundStars);
    },

    /**
     * Finishes refund intents left `refunding` by a crash or an unreachable Telegram: asks Telegram
     * again (idempotent through its "already refunded" answer) and books the outcome. Returns how
     * many were finished and how many are still pending.
     */
    async resumeRefunds(
      refundStars: RefundStars,
      limit = 20,
    ): Promise<{ refunded: number; pending: number }> {
      const stale = await listStaleRefunds(db, {
        before: new Date(now().getTime() - REFUND_ATTEMPT_LEASE_MS),
        limit,
      });
      let refunded = 0;
      let pending = 0;
      for (const intent of stale) {
        try {
          const result = await wallet.refundPayment(intent.id, { refundStars });
          if (result.refunded) refunded++;
        } catch (err) {
          // A definite refusal has already put the payment back to `paid`; anything else waits for the next run.
          const reason = err instanceof AppError ? err.details?.reason : undefined;
          if (reason !== 'telegram_refund_failed') pending++;
          logger.warn({ err, paymentId: intent.id }, 'resuming a refund failed');
        }
      }
      return { refunded, pending };
    },

    /** The user's referral link and how many joined through it and what it earned them. */
    async getReferralStats(userId: number, botUsername: string): Promise<ReferralStats> {
      const user = await findUserById(db, userId);
      if (!user) throw new AppError('NOT_FOUND', 'user not found');
      const [joined, earned] = await Promise.all([
        countReferrals(db, userId),
        sumLedger(db, userId, ['referral_inviter']),
      ]);
      return {
        code: user.referralCode,
        link: `https://t.me/${botUsername.replace(/^@/, '')}?start=ref_${user.referralCode}`,
        joined,
        earned,
      };
    },

    /** Admin: adds tokens with a reason, as a ledger entry. */
    async grant(
      userId: number,
      amount: number,
      reason: string,
      opts: { idempotencyKey?: string } = {},
    ): Promise<{ granted: number; balance: number }> {
      if (!Number.isInteger(amount) || amount <= 0)
        throw new AppError('BAD_REQUEST', 'amount must be a positive integer');
      const granted = await db.transaction().execute(async (trx) => {
        const account = await lockAccount(trx, userId);
        const entry = await creditOnce(trx, {
          userId,
          delta: amount,
          kind: 'grant',
          idempotencyKey: opts.idempotencyKey ?? `grant:${randomUUID()}`,
          reason,
        });
        return { granted: entry?.delta ?? 0, balance: entry?.balanceAfter ?? account.balance };
      });
      if (granted.granted) await allowanceGrew(userId);
      return granted;
    },

    /** Admin: takes tokens away with a reason; never below 0 (takes what is there). */
    async revoke(
      userId: number,
      amount: number,
      reason: string,
      opts: { idempotencyKey?: string } = {},
    ): Promise<{ revoked: number; balance: number }> {
      if (!Number.isInteger(amount) || amount <= 0)
        throw new AppError('BAD_REQUEST', 'amount must be a positive integer');
      return db.transaction().execute(async (trx) => {
        const account = await lockAccount(trx, userId);
        const take = Math.min(account.balance, amount);
        if (take === 0) return { revoked: 0, balance: account.balance };
        const entry = await creditOnce(trx, {
          userId,
          delta: -take,
          kind: 'revoke',
          idempotencyKey: opts.idempotencyKey ?? `revoke:${randomUUID()}`,
          reason,
        });
        return { revoked: entry ? take : 0, balance: entry?.balanceAfter ?? account.balance };
      });
    },

    /** Admin: `pro` grants a pass of `hours` (extending any current one); `free` ends the pass now. */
    async setPlan(
      userId: number,
      change: { plan: 'pro'; hours: number } | { plan: 'free' },
    ): Promise<PlanStatus> {
      if (change.plan === 'pro' && (!Number.isInteger(change.hours) || change.hours <= 0)) {
        throw new AppError('BAD_REQUEST', 'hours must be a positive integer');
      }
      const status = await db.transaction().execute(async (trx) => {
        const account = await lockAccount(trx, userId);
        const at = now();
        if (change.plan === 'pro') {
          const expiresAt = await extendPass(trx, account, change.hours, 'admin', null);
          return { plan: 'pro' as const, passExpiresAt: expiresAt };
        }
        if (isPro(account, at)) await setPassExpiry(trx, userId, at, at);
        await endPasses(trx, { userId }, at);
        return { plan: 'free' as const, passExpiresAt: null };
      });
      await invalidatePlan(userId);
      if (status.plan === 'pro') await allowanceGrew(userId);
      return status;
    },

    /** Admin: a user's wallet at a glance. */
    async getUserWallet(
      userId: number,
    ): Promise<BalanceView & { payments: number; starsPaid: number; referrals: number }> {
      const [view, payments, referrals] = await Promise.all([
        wallet.getBalance(userId),
        userPaymentTotals(db, userId),
        countReferrals(db, userId),
      ]);
      return { ...view, payments: payments.count, starsPaid: payments.starsPaid, referrals };
    },

    /** Admin dashboard figures; other features add their own counts next to these. */
    async getAdminStats(): Promise<AdminStats> {
      const at = now().getTime();
      const t = await walletTotals(db, {
        day: new Date(at - 86_400_000),
        week: new Date(at - 7 * 86_400_000),
      });
      const k = (kind: LedgerKind) => t.tokensByKind[kind] ?? 0;
      return {
        users: t.users,
        activeToday: t.activeSince.day,
        activeWeek: t.activeSince.week,
        payments: t.payments.paid,
        refundedPayments: t.payments.refunded,
        starsRevenue: t.payments.starsRevenue,
        tokensIssued:
          k('welcome') + k('purchase') + k('referral_inviter') + k('referral_invitee') + k('grant'),
        tokensSpent: -(k('spend') + k('refund')),
        tokensRevoked: -(k('revoke') + k('purchase_refund')),
        tokensByKind: t.tokensByKind,
      };
    },

    /** Admin: payments newest first. */
    async listPayments(
      opts: Page & { userId?: number; status?: Payment['status'] } = {},
    ): Promise<{ items: Payment[]; total: number }> {
      const p = pageOf(opts);
      return listPayments(db, { limit: p.limit, offset: p.offset, userId: opts.userId, status: opts.status });
    },

    async getPayment(paymentId: number): Promise<Payment> {
      const payment = await findPaymentById(db, paymentId);
      if (!payment) throw new AppError('NOT_FOUND', 'payment not found');
      return payment;
    },
  };

  // New users get the welcome tokens; invited ones also the referral bonuses, both sides, once.
  deps.users.onUserCreated(async (user, ctx) => {
    const referrer = ctx.referrer && ctx.referrer.id !== user.id ? ctx.referrer : undefined;
    const { inviter, invitee } = config.limits.referralBonus;
    let inviterCredited = false;
    try {
      await db.transaction().execute(async (trx) => {
        await lockAccount(trx, user.id);
        if (!referrer) return;
        if (invitee > 0) {
          await creditOnce(trx, {
            userId: user.id,
            delta: invitee,
            kind: 'referral_invitee',
            idempotencyKey: `referral:${user.id}:invitee`,
            reason: `invited by ${referrer.id}`,
          });
        }
        await lockAccount(trx, referrer.id);
        if (inviter > 0) {
          inviterCredited = Boolean(
            await creditOnce(trx, {
              userId: referrer.id,
              delta: inviter,
              kind: 'referral_inviter',
              idempotencyKey: `referral:${user.id}:inviter`,
              reason: `invited ${user.id}`,
            }),
          );
        }
      });
    } catch (err) {
      // Registration must not fail over the wallet; the account still opens lazily on first use.
      logger.error({ err, userId: user.id }, 'wallet setup for a new user failed');
      return;
    }
    if (referrer && inviterCredited) {
      const text = translator.t(referrer.language, 'wallet-referral-joined', {
        // The notice goes out as HTML; the name is whatever the invited user typed into Telegram.
        name: escapeHtml(user.firstName),
        bonus: inviter,
      });
      await deps
        .notifier()
        .text(referrer.id, text)
        .catch((err) => logger.warn({ err, userId: referrer.id }, 'referral notification failed'));
    }
  });

  return wallet;
}

export type WalletService = ReturnType<typeof createWalletService>;
