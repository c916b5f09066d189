import type {
  LedgerEntry,
  LedgerKind,
  NewLedgerEntry,
  NewPayment,
  Payment,
  QuotaKind,
  WalletAccount,
  WalletPass,
} from '../schema.ts';
import type { Executor } from './users.ts';

/*
 * Wallet SQL. Balance changes go through `applyLedgerEntry`, which moves the balance and appends
 * the ledger row together; callers run it inside a transaction that has locked the account row
 * (`lockWalletAccount`), so a user's balance and ledger can never disagree or go negative.
 */

export function findWalletAccount(db: Executor, userId: number): Promise<WalletAccount | undefined> {
  return db.selectFrom('walletAccounts').selectAll().where('userId', '=', userId).executeTakeFirst();
}

/** Selects the account row FOR UPDATE: the caller's transaction then owns the user's balance until it ends. */
export function lockWalletAccount(db: Executor, userId: number): Promise<WalletAccount | undefined> {
  return db
    .selectFrom('walletAccounts')
    .selectAll()
    .where('userId', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** Creates an empty account; false when it already existed (a concurrent creator waits, then gets false). */
export async function insertWalletAccount(db: Executor, userId: number, at: Date): Promise<boolean> {
  const row = await db
    .insertInto('walletAccounts')
    .values({ userId, balance: 0, createdAt: at, updatedAt: at })
    .onConflict((oc) => oc.column('userId').doNothing())
    .returning('userId')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Moves the balance by `delta` and appends the matching ledger row. Returns undefined (and changes
 * nothing) when the balance would go negative. A reused idempotency key throws (unique violation).
 */
export async function applyLedgerEntry(
  db: Executor,
  entry: Omit<NewLedgerEntry, 'balanceAfter' | 'createdAt'> & { createdAt: Date },
): Promise<LedgerEntry | undefined> {
  const account = await db
    .updateTable('walletAccounts')
    .set((eb) => ({ balance: eb('balance', '+', entry.delta), updatedAt: entry.createdAt }))
    .where('userId', '=', entry.userId)
    .where((eb) => eb(eb('balance', '+', entry.delta), '>=', 0))
    .returning('balance')
    .executeTakeFirst();
  if (!account) return undefined;
  return db
    .insertInto('walletLedger')
    .values({ ...entry, balanceAfter: account.balance })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findLedgerEntryByKey(db: Executor, idempotencyKey: string): Promise<LedgerEntry | undefined> {
  return db
    .selectFrom('walletLedger')
    .selectAll()
    .where('idempotencyKey', '=', idempotencyKey)
    .executeTakeFirst();
}

/** A user's ledger, newest first. */
export async function listLedgerEntries(
  db: Executor,
  userId: number,
  page: { limit: number; offset: number },
): Promise<{ items: LedgerEntry[]; total: number }> {
  const [items, count] = await Promise.all([
    db
      .selectFrom('walletLedger')
      .selectAll()
      .where('userId', '=', userId)
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('walletLedger')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', userId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Sum of a user's ledger deltas, optionally of some kinds only. */
export async function sumLedger(db: Executor, userId: number, kinds?: LedgerKind[]): Promise<number> {
  let q = db
    .selectFrom('walletLedger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), eb.val(0)).as('total'))
    .where('userId', '=', userId);
  if (kinds) q = q.where('kind', 'in', kinds);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.total);
}

export async function getQuotaUsage(
  db: Executor,
  userId: number,
  day: string,
): Promise<Record<QuotaKind, number>> {
  const rows = await db
    .selectFrom('walletQuotaUsage')
    .select(['kind', 'used'])
    .where('userId', '=', userId)
    .where('day', '=', day)
    .execute();
  const usage: Record<QuotaKind, number> = { text: 0, image: 0 };
  for (const r of rows) usage[r.kind] = r.used;
  return usage;
}

/** Adds `delta` uses (negative gives them back, never below 0) to the user's count for that local day. */
export async function addQuotaUsage(
  db: Executor,
  userId: number,
  day: string,
  kind: QuotaKind,
  delta: number,
): Promise<void> {
  await db
    .insertInto('walletQuotaUsage')
    .values({ userId, day, kind, used: Math.max(delta, 0) })
    .onConflict((oc) =>
      oc.columns(['userId', 'day', 'kind']).doUpdateSet((eb) => ({
        used: eb.fn('greatest', [eb('walletQuotaUsage.used', '+', delta), eb.val(0)]),
      })),
    )
    .execute();
}

export async function setPassExpiry(
  db: Executor,
  userId: number,
  expiresAt: Date | null,
  at: Date,
): Promise<void> {
  await db
    .updateTable('walletAccounts')
    .set({ passExpiresAt: expiresAt, updatedAt: at })
    .where('userId', '=', userId)
    .execute();
}

export function insertPass(
  db: Executor,
  pass: {
    userId: number;
    paymentId: number | null;
    source: 'payment' | 'admin';
    hours: number;
    startsAt: Date;
    expiresAt: Date;
    createdAt: Date;
  },
): Promise<WalletPass> {
  return db.insertInto('walletPasses').values(pass).returningAll().executeTakeFirstOrThrow();
}

export function findPassByPaymentId(db: Executor, paymentId: number): Promise<WalletPass | undefined> {
  return db.selectFrom('walletPasses').selectAll().where('paymentId', '=', paymentId).executeTakeFirst();
}

/** Marks passes ended: one by id, or every unended pass of a user. */
export async function endPasses(
  db: Executor,
  where: { id: number } | { userId: number },
  at: Date,
): Promise<void> {
  let q = db.updateTable('walletPasses').set({ endedAt: at }).where('endedAt', 'is', null);
  q = 'id' in where ? q.where('id', '=', where.id) : q.where('userId', '=', where.userId);
  await q.execute();
}

/** Records the payment unless its Telegram charge id is already known; undefined means "already recorded". */
export function insertPaymentOnce(db: Executor, payment: NewPayment): Promise<Payment | undefined> {
  return db
    .insertInto('payments')
    .values(payment)
    .onConflict((oc) => oc.column('telegramChargeId').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findPaymentByChargeId(db: Executor, telegramChargeId: string): Promise<Payment | undefined> {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('telegramChargeId', '=', telegramChargeId)
    .executeTakeFirst();
}

export function findPaymentById(db: Executor, id: number): Promise<Payment | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockPayment(db: Executor, id: number): Promise<Payment | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Records the intent to refund a payment the caller has locked, or a new attempt at one already
 * recorded (the first asker stays on record): status `refunding`, the attempt starting `at`.
 */
export function markPaymentRefunding(
  db: Executor,
  id: number,
  intent: { requestedBy: number | null; at: Date },
): Promise<Payment> {
  return db
    .updateTable('payments')
    .set((eb) => ({
      status: 'refunding',
      refundRequestedBy: eb.fn.coalesce('refundRequestedBy', eb.val(intent.requestedBy)),
      refundRequestedAt: eb.fn.coalesce('refundRequestedAt', eb.val(intent.at)),
      refundAttemptedAt: intent.at,
      refundAttempts: eb('refundAttempts', '+', 1),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Ends a refund attempt that did not go through, keeping Telegram's answer: the payment goes back to
 * `paid` when Telegram refused for good, or stays `refunding` for the sweep to try again. Touches
 * only a payment still `refunding`; undefined otherwise.
 */
export function endRefundAttempt(
  db: Executor,
  id: number,
  outcome: { error: string; refused: boolean },
): Promise<Payment | undefined> {
  return db
    .updateTable('payments')
    .set({
      ...(outcome.refused ? { status: 'paid' as const } : {}),
      refundAttemptedAt: null,
      refundError: outcome.error,
    })
    .where('id', '=', id)
    .where('status', '=', 'refunding')
    .returningAll()
    .executeTakeFirst();
}

/** Refund intents with no attempt in flight, or whose attempt started before `before` (its process died). */
export function listStaleRefunds(db: Executor, opts: { before: Date; limit: number }): Promise<Payment[]> {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('status', '=', 'refunding')
    .where((eb) => eb.or([eb('refundAttemptedAt', 'is', null), eb('refundAttemptedAt', '<', opts.before)]))
    .orderBy('id')
    .limit(opts.limit)
    .execute();
}

export function markPaymentRefunded(
  db: Executor,
  id: number,
  refund: { refundedTokens: number | null; refundShortfall: number | null; at: Date },
): Promise<Payment> {
  return db
    .updateTable('payments')
    .set({
      status: 'refunded',
      refundedTokens: refund.refundedTokens,
      refundShortfall: refund.refundShortfall,
      refundedAt: refund.at,
      refundAttemptedAt: null,
      refundError: null,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Payments newest first, optionally of one user or one status. */
export async function listPayments(
  db: Executor,
  opts: { limit: number; offset: number; userId?: number; status?: Payment['status'] },
): Promise<{ items: Payment[]; total: number }> {
  let base = db.selectFrom('payments');
  if (opts.userId !== undefined) base = base.where('userId', '=', opts.userId);
  if (opts.status) base = base.where('status', '=', opts.status);
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** A user's payments: how many, and the Stars of those not refunded. */
export async function userPaymentTotals(
  db: Executor,
  userId: number,
): Promise<{ count: number; starsPaid: number }> {
  const r = await db
    .selectFrom('payments')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.coalesce(eb.fn.sum<number>('amount').filterWhere('status', '=', 'paid'), eb.val(0)).as('stars'),
    ])
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow();
  return { count: Number(r.count), starsPaid: Number(r.stars) };
}

/** How many users this user invited. */
export async function countReferrals(db: Executor, userId: number): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('referredBy', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface WalletTotals {
  users: number;
  activeSince: { day: number; week: number };
  payments: { paid: number; refunded: number; starsRevenue: number };
  /** Sum of ledger deltas per kind over all users. */
  tokensByKind: Partial<Record<LedgerKind, number>>;
}

/** Figures for the admin dashboard; "active" counts users seen since the given instants. */
export async function walletTotals(db: Executor, since: { day: Date; week: Date }): Promise<WalletTotals> {
  const [users, payments, kinds] = await Promise.all([
    db
      .selectFrom('users')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.countAll<number>().filterWhere('lastSeenAt', '>=', since.day).as('day'),
        eb.fn.countAll<number>().filterWhere('lastSeenAt', '>=', since.week).as('week'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('payments')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('status', '=', 'paid').as('paid'),
        eb.fn.countAll<number>().filterWhere('status', '=', 'refunded').as('refunded'),
        eb.fn
          .coalesce(eb.fn.sum<number>('amount').filterWhere('status', '=', 'paid'), eb.val(0))
          .as('revenue'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('walletLedger')
      .select((eb) => ['kind', eb.fn.sum<number>('delta').as('total')])
      .groupBy('kind')
      .execute(),
  ]);
  const tokensByKind: Partial<Record<LedgerKind, number>> = {};
  for (const k of kinds) tokensByKind[k.kind] = Number(k.total);
  return {
    users: Number(users.total),
    activeSince: { day: Number(users.day), week: Number(users.week) },
    payments: {
      paid: Number(payments.paid),
      refunded: Number(payments.refunded),
      starsRevenue: Number(payments.revenue),
    },
    tokensByKind,
  };
}
