import { type Database, dailyFigures, type Payment, searchUsers, type User } from '@mechta/db';
import { AppError } from '../errors.ts';
import type { Translator } from '../i18n/index.ts';
import type { Notifier } from '../notifier.ts';
import type { Logger } from '../platform/logger.ts';
import type { UsersService } from '../users/service.ts';
import type { TelegramGateway } from '../wallet/gateway.ts';
import type { AdminStats, PlanStatus, RefundPaymentResult, WalletService } from '../wallet/service.ts';

export interface AdminDeps {
  db: Database;
  users: UsersService;
  wallet: WalletService;
  translator: Translator;
  logger: Logger;
  /** The bot's notifier is plugged in after core is built, hence a getter. */
  notifier: () => Notifier;
  now: () => Date;
}

export interface DailyPoint {
  /** 'YYYY-MM-DD', UTC. */
  day: string;
  newUsers: number;
  /** Payments made that day, including any refunded since. */
  payments: number;
  /** Stars of that day's payments that have not been refunded. */
  starsRevenue: number;
}

export interface AdminDashboard extends AdminStats {
  /** One point per UTC day, oldest first, today last; days without activity are zeros. */
  series: DailyPoint[];
}

const DAY_MS = 86_400_000;

/**
 * What admins do outside the bot's menus and the Mini App's dashboard alike: figures, finding and
 * blocking users, moving tokens and plans, refunding payments. Callers check that the actor is an
 * admin (ADMIN_IDS) before calling.
 */
export function createAdminService(deps: AdminDeps) {
  const { db, users, wallet, translator, logger, now } = deps;

  /**
   * Tells the user what an admin changed on their account, in their language. A message that does
   * not go out must not undo the change, so failures are only logged.
   */
  const tell = async (userId: number, key: string, args: Record<string, string | number>) => {
    try {
      const user = await users.requireUser(userId);
      await deps.notifier().text(userId, translator.t(user.language, key, args));
    } catch (err) {
      logger.warn({ err, userId, key }, 'admin change notification failed');
    }
  };
  const untilFor = (user: Pick<User, 'language' | 'timezone'>, at: Date) => {
    const locale = user.language === 'ru' ? 'ru-RU' : 'en-GB';
    // No year: "до 11 декабря 2026 г." would end the sentence with two full stops.
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' };
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: user.timezone }).format(at);
    } catch {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(at);
    }
  };

  return {
    /** The wallet's figures plus a daily series of the last `days` days for charts. */
    async dashboard(days = 30): Promise<AdminDashboard> {
      const today = new Date(now().toISOString().slice(0, 10));
      const since = new Date(today.getTime() - (days - 1) * DAY_MS);
      const [stats, figures] = await Promise.all([wallet.getAdminStats(), dailyFigures(db, since)]);
      const byDay = new Map(figures.map((f) => [f.day, f]));
      const series: DailyPoint[] = [];
      for (let i = 0; i < days; i++) {
        const day = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10);
        const f = byDay.get(day);
        series.push({
          day,
          newUsers: f?.newUsers ?? 0,
          payments: f?.payments ?? 0,
          starsRevenue: f?.starsRevenue ?? 0,
        });
      }
      return { ...stats, series };
    },

    /** Users by Telegram id, @username or first name, newest first. */
    async findUsers(opts: { q?: string; page: number; pageSize: number }) {
      return searchUsers(db, {
        q: opts.q,
        limit: opts.pageSize,
        offset: (opts.page - 1) * opts.pageSize,
      });
    },

    /** One user with their wallet. */
    async userDetails(userId: number) {
      const user = await users.requireUser(userId);
      return { user, wallet: await wallet.getUserWallet(userId) };
    },

    /** Blocks or unblocks; admins cannot be blocked, or they would lock themselves out of this very screen. */
    async setBlocked(userId: number, blocked: boolean): Promise<User> {
      if (blocked && users.isAdmin(userId)) throw new AppError('FORBIDDEN', 'admins cannot be blocked');
      return users.setBlocked(userId, blocked);
    },

    /**
     * Grants (positive) or revokes (negative) tokens with a reason; a revoke takes at most what is
     * there. `change` is what actually moved.
     */
    async adjustTokens(
      userId: number,
      amount: number,
      reason: string,
      idempotencyKey?: string,
    ): Promise<{ change: number; balance: number }> {
      if (!Number.isInteger(amount) || amount === 0) {
        throw new AppError('VALIDATION_FAILED', 'amount must be a non-zero integer', {
          fields: { amount: 'validation-token-amount' },
        });
      }
      await users.requireUser(userId);
      if (amount > 0) {
        const r = await wallet.grant(userId, amount, reason, { idempotencyKey });
        // A replayed idempotency key moves nothing and so tells nothing again.
        if (r.granted > 0)
          await tell(userId, 'admin-notice-granted', { amount: r.granted, balance: r.balance });
        return { change: r.granted, balance: r.balance };
      }
      const r = await wallet.revoke(userId, -amount, reason, { idempotencyKey });
      if (r.revoked > 0)
        await tell(userId, 'admin-notice-revoked', { amount: r.revoked, balance: r.balance });
      return { change: -r.revoked, balance: r.balance };
    },

    /**
     * Refunds a Stars payment through Telegram and takes back what it bought, recording first who
     * asked (see `wallet.refundPayment` for the steps and what survives a crash). Already refunded,
     * or a refund of it in flight, is a CONFLICT (`details.status` says which). Telegram refusing is
     * SERVICE_UNAVAILABLE `telegram_refund_failed` with Telegram's words, and the payment stays
     * paid; no answer from Telegram is SERVICE_UNAVAILABLE `refund_pending`, finished later by the
     * sweep. `telegram` is asked for only once the payment is known to be refundable, so a missing
     * or refunded payment is reported as such even without a bot.
     */
    async refundPayment(
      paymentId: number,
      opts: { actorId: number; telegram: () => Pick<TelegramGateway, 'refundStarPayment'> },
    ): Promise<RefundPaymentResult> {
      const conflict = (payment: Payment) =>
        new AppError(
          'CONFLICT',
          `payment ${payment.status === 'refunded' ? 'already refunded' : 'being refunded'}`,
          {
            details: { payment_id: paymentId, status: payment.status },
          },
        );
      const payment = await wallet.getPayment(paymentId);
      if (payment.status === 'refunded') throw conflict(payment);
      const gateway = opts.telegram();
      const result = await wallet.refundPayment(paymentId, {
        requestedBy: opts.actorId,
        refundStars: (userId, chargeId) => gateway.refundStarPayment(userId, chargeId),
      });
      if (!result.refunded) throw conflict(result.payment);
      await tell(result.payment.userId, 'admin-notice-refunded', {
        id: result.payment.id,
        stars: result.payment.amount,
        tokens: result.tokensTakenBack,
      });
      return result;
    },

    /** `pro` grants a pass of `hours` (extending any current one); `free` ends the pass now. */
    async setPlan(
      userId: number,
      change: { plan: 'pro'; hours: number } | { plan: 'free' },
    ): Promise<PlanStatus> {
      const user = await users.requireUser(userId);
      const status = await wallet.setPlan(userId, change);
      if (status.plan === 'pro' && status.passExpiresAt) {
        await tell(userId, 'admin-notice-plan-pro', { until: untilFor(user, status.passExpiresAt) });
      } else {
        await tell(userId, 'admin-notice-plan-free', {});
      }
      return status;
    },

    /** The wallet's figures without the daily series (the bot's stats screen). */
    stats(): Promise<AdminStats> {
      return wallet.getAdminStats();
    },

    listPayments(opts: { page: number; pageSize: number; status?: Payment['status']; userId?: number }) {
      return wallet.listPayments(opts);
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
