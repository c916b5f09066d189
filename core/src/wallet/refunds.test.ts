import { type Payment, sumLedger } from '@mechta/db';
import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { encodePayload } from './offers.ts';

/*
 * A Stars refund is an intent recorded before Telegram is called and booked after: each test stops
 * it at one point (Telegram down, refused, already refunded, the booking failing after Telegram
 * refunded) and checks that it ends refunded exactly once, or back to paid, with balance and ledger
 * agreeing.
 */

let t: TestCore;
let nextId = 31_000;

beforeAll(async () => {
  t = await createTestCore({ STARTING_TOKENS: '10', PRICE_VIDEO: '10' });
});
afterAll(() => t.close());

/**
 * Telegram's side of refundStarPayment as the Bot API answers it: a charge refunds once, a second
 * time is 400 CHARGE_ALREADY_REFUNDED, an unknown charge 400 CHARGE_NOT_FOUND; while `down`, the
 * request never gets an answer (a network error, as grammY's HttpError carries no error_code).
 */
function telegram() {
  const charges = new Map<string, { userId: number; refunded: boolean }>();
  const calls: string[] = [];
  const badRequest = (description: string) =>
    Object.assign(new Error(`Call to 'refundStarPayment' failed! (400: ${description})`), {
      error_code: 400,
      description,
    });
  const tg = {
    down: false,
    calls,
    charges,
    async refundStarPayment(userId: number, chargeId: string): Promise<void> {
      calls.push(chargeId);
      if (tg.down) throw new Error("Network request for 'refundStarPayment' failed!");
      const charge = charges.get(chargeId);
      if (!charge || charge.userId !== userId) throw badRequest('Bad Request: CHARGE_NOT_FOUND');
      if (charge.refunded) throw badRequest('Bad Request: CHARGE_ALREADY_REFUNDED');
      charge.refunded = true;
    },
  };
  return tg;
}

let tg: ReturnType<typeof telegram>;
beforeAll(() => {
  tg = telegram();
});

async function paidUser(offerId = 'tokens_50') {
  const id = nextId++;
  await t.core.users.registerFromTelegram({ id, first_name: `Refundee${id}`, language_code: 'en' });
  const offer = t.core.wallet.offers().find((o) => o.id === offerId);
  if (!offer) throw new Error(`no offer ${offerId}`);
  const chargeId = `refund-charge-${id}`;
  const { payment } = await t.core.wallet.creditStarsPayment({
    userId: id,
    payload: encodePayload({ offerId, stars: offer.stars, userId: id }),
    totalAmount: offer.stars,
    telegramChargeId: chargeId,
  });
  tg.charges.set(chargeId, { userId: id, refunded: false });
  return { userId: id, payment, chargeId };
}

const refund = (paymentId: number) =>
  t.core.admin.refundPayment(paymentId, { actorId: TEST_ADMIN_ID, telegram: () => tg });

const errorOf = async (p: Promise<unknown>): Promise<AppError> => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

/** The balance, the sum of the ledger and the payment's reversal entries, which must agree. */
async function books(userId: number, paymentId: number) {
  const balance = (await t.core.wallet.getBalance(userId)).balance;
  const ledger = await sumLedger(t.core.db, userId);
  const reversals = (await t.core.wallet.ledger(userId, { pageSize: 100 })).items.filter(
    (e) => e.kind === 'purchase_refund' && e.paymentId === paymentId,
  );
  expect(ledger).toBe(balance);
  return { balance, reversals: reversals.map((e) => e.delta) };
}

const paymentOf = (id: number): Promise<Payment> => t.core.wallet.getPayment(id);

/** Moves the clock past the lease of an attempt whose process is taken for dead. */
const afterLease = () => t.clock.advance(5 * 60 + 1);

describe('Stars refunds as a recorded intent', () => {
  it('records who asked, refunds the Stars and reverses the credit once', async () => {
    const { userId, payment, chargeId } = await paidUser();
    const result = await refund(payment.id);
    expect(result).toMatchObject({ refunded: true, tokensTakenBack: 50, shortfall: 0 });
    expect(await paymentOf(payment.id)).toMatchObject({
      status: 'refunded',
      refundRequestedBy: TEST_ADMIN_ID,
      refundRequestedAt: expect.any(Date),
      refundAttempts: 1,
      refundAttemptedAt: null,
      refundError: null,
    });
    expect(tg.charges.get(chargeId)?.refunded).toBe(true);
    expect(await books(userId, payment.id)).toEqual({ balance: 10, reversals: [-50] });
    const again = await errorOf(refund(payment.id));
    expect(again).toMatchObject({ code: 'CONFLICT', details: { status: 'refunded' } });
  });

  it('a commit that fails after Telegram refunded leaves an intent the sweep finishes once', async () => {
    const { userId, payment, chargeId } = await paidUser();
    // The booking transaction fails inside PostgreSQL, after Telegram has returned the Stars.
    await sql`create function fail_refund_booking() returns trigger language plpgsql as $$
      begin raise exception 'injected commit failure'; end $$`.execute(t.core.db);
    await sql`create trigger fail_refund_booking before update on payments for each row
      when (new.status = 'refunded' and new.id = ${sql.lit(payment.id)})
      execute function fail_refund_booking()`.execute(t.core.db);
    try {
      const err = await errorOf(refund(payment.id));
      expect(err).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'refund_pending' } });
      expect(tg.charges.get(chargeId)?.refunded).toBe(true);
      expect((await paymentOf(payment.id)).status).toBe('refunding');
      expect(await books(userId, payment.id)).toEqual({ balance: 60, reversals: [] });
      // While the attempt's lease runs, a second press does not call Telegram again.
      expect(await errorOf(refund(payment.id))).toMatchObject({
        code: 'CONFLICT',
        details: { status: 'refunding' },
      });
      expect(tg.calls.filter((c) => c === chargeId)).toHaveLength(1);
    } finally {
      await sql`drop trigger fail_refund_booking on payments`.execute(t.core.db);
      await sql`drop function fail_refund_booking()`.execute(t.core.db);
    }
    expect(await t.core.wallet.resumeRefunds(tg.refundStarPayment)).toEqual({ refunded: 0, pending: 0 });
    afterLease();
    // Two sweeps at once (two instances): Telegram answers "already refunded", one reversal.
    const sweeps = await Promise.all([
      t.core.wallet.resumeRefunds(tg.refundStarPayment),
      t.core.wallet.resumeRefunds(tg.refundStarPayment),
    ]);
    expect(sweeps.reduce((n, s) => n + s.refunded, 0)).toBe(1);
    expect(await paymentOf(payment.id)).toMatchObject({
      status: 'refunded',
      refundRequestedBy: TEST_ADMIN_ID,
      refundedTokens: 50,
    });
    expect(await books(userId, payment.id)).toEqual({ balance: 10, reversals: [-50] });
  });

  it('a process that dies right after Telegram refunded is finished by the next sweep', async () => {
    const { userId, payment, chargeId } = await paidUser();
    const err = await errorOf(
      t.core.admin.refundPayment(payment.id, {
        actorId: TEST_ADMIN_ID,
        telegram: () => ({
          async refundStarPayment(user, charge) {
            await tg.refundStarPayment(user, charge);
            throw new Error('socket hang up');
          },
        }),
      }),
    );
    expect(err.details).toMatchObject({ reason: 'refund_pending', telegram_error: 'socket hang up' });
    expect(tg.charges.get(chargeId)?.refunded).toBe(true);
    expect(await paymentOf(payment.id)).toMatchObject({ status: 'refunding', refundError: 'socket hang up' });
    expect(await t.core.wallet.resumeRefunds(tg.refundStarPayment)).toEqual({ refunded: 1, pending: 0 });
    expect(await paymentOf(payment.id)).toMatchObject({
      status: 'refunded',
      refundAttempts: 2,
      refundError: null,
    });
    expect(await books(userId, payment.id)).toEqual({ balance: 10, reversals: [-50] });
  });

  it('Telegram down: the intent stays, the tokens stay, and the sweep refunds once Telegram is back', async () => {
    const { userId, payment, chargeId } = await paidUser();
    tg.down = true;
    try {
      const err = await errorOf(refund(payment.id));
      expect(err).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'refund_pending' } });
      expect(await paymentOf(payment.id)).toMatchObject({
        status: 'refunding',
        refundError: expect.stringContaining('Network request'),
      });
      expect(await books(userId, payment.id)).toEqual({ balance: 60, reversals: [] });
      expect(await t.core.wallet.resumeRefunds(tg.refundStarPayment)).toEqual({ refunded: 0, pending: 1 });
    } finally {
      tg.down = false;
    }
    expect(await t.core.wallet.resumeRefunds(tg.refundStarPayment)).toEqual({ refunded: 1, pending: 0 });
    expect(tg.charges.get(chargeId)?.refunded).toBe(true);
    expect(await paymentOf(payment.id)).toMatchObject({ status: 'refunded', refundAttempts: 3 });
    expect(await books(userId, payment.id)).toEqual({ balance: 10, reversals: [-50] });
  });

  it('Telegram saying the charge is already refunded counts as refunded', async () => {
    const { userId, payment, chargeId } = await paidUser();
    // Refunded on Telegram's side already (an earlier attempt whose record was lost).
    await tg.refundStarPayment(userId, chargeId);
    const result = await refund(payment.id);
    expect(result).toMatchObject({ refunded: true, tokensTakenBack: 50 });
    expect((await paymentOf(payment.id)).status).toBe('refunded');
    expect(await books(userId, payment.id)).toEqual({ balance: 10, reversals: [-50] });
  });

  it('a definite refusal puts the payment back to paid with Telegram’s words; the sweep leaves it', async () => {
    const { userId, payment, chargeId } = await paidUser();
    tg.charges.delete(chargeId);
    const err = await errorOf(refund(payment.id));
    expect(err).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { reason: 'telegram_refund_failed', telegram_error: 'Bad Request: CHARGE_NOT_FOUND' },
    });
    expect(await paymentOf(payment.id)).toMatchObject({
      status: 'paid',
      refundError: 'Bad Request: CHARGE_NOT_FOUND',
      refundAttemptedAt: null,
    });
    afterLease();
    expect(await t.core.wallet.resumeRefunds(tg.refundStarPayment)).toEqual({ refunded: 0, pending: 0 });
    expect(await books(userId, payment.id)).toEqual({ balance: 60, reversals: [] });
    // It can be asked again once Telegram knows the charge.
    tg.charges.set(chargeId, { userId, refunded: false });
    expect((await refund(payment.id)).refunded).toBe(true);
    expect(await books(userId, payment.id)).toEqual({ balance: 10, reversals: [-50] });
  });

  it('five refunds of one payment at once: one Telegram call, one reversal', async () => {
    const { userId, payment, chargeId } = await paidUser();
    // The user spends 50 of their 60 tokens first: what is left is taken back, the rest recorded.
    for (let i = 0; i < 5; i++) {
      await t.core.wallet.charge({ userId, action: 'video', idempotencyKey: `spent:${userId}:${i}` });
    }
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => refund(payment.id)));
    const done = results.filter((r) => r.status === 'fulfilled');
    expect(done).toHaveLength(1);
    expect(done[0]?.status === 'fulfilled' && done[0].value).toMatchObject({
      tokensTakenBack: 10,
      shortfall: 40,
    });
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    }
    expect(tg.calls.filter((c) => c === chargeId)).toHaveLength(1);
    expect(await paymentOf(payment.id)).toMatchObject({ refundedTokens: 10, refundShortfall: 40 });
    expect(await books(userId, payment.id)).toEqual({ balance: 0, reversals: [-10] });
  });

  it('holds no lock while Telegram answers: the payment row and the balance stay free', async () => {
    const { userId, payment } = await paidUser();
    let seen: { status: string; charged: number } | undefined;
    await t.core.admin.refundPayment(payment.id, {
      actorId: TEST_ADMIN_ID,
      telegram: () => ({
        async refundStarPayment(user, charge) {
          // NOWAIT fails at once if the refund's own transaction still held the payment row.
          const row = await t.core.db
            .transaction()
            .execute((trx) =>
              trx
                .selectFrom('payments')
                .select('status')
                .where('id', '=', payment.id)
                .forUpdate()
                .noWait()
                .executeTakeFirstOrThrow(),
            );
          const spend = await t.core.wallet.charge({
            userId,
            action: 'video',
            idempotencyKey: `during:${userId}`,
          });
          seen = { status: row.status, charged: spend.charged };
          await tg.refundStarPayment(user, charge);
        },
      }),
    });
    expect(seen).toEqual({ status: 'refunding', charged: 10 });
    // The booking sees the balance after that spend: 50 of 60 left, all 50 bought tokens taken back.
    expect(await paymentOf(payment.id)).toMatchObject({
      status: 'refunded',
      refundedTokens: 50,
      refundShortfall: 0,
    });
    expect(await books(userId, payment.id)).toEqual({ balance: 0, reversals: [-50] });
  });

  it('without a bot a refund is refused before anything is recorded', async () => {
    const { payment } = await paidUser();
    const err = await errorOf(
      t.core.admin.refundPayment(payment.id, {
        actorId: TEST_ADMIN_ID,
        telegram: () => {
          throw new AppError('SERVICE_UNAVAILABLE', 'no bot', {
            details: { reason: 'telegram_unavailable' },
          });
        },
      }),
    );
    expect(err.details).toMatchObject({ reason: 'telegram_unavailable' });
    expect(await paymentOf(payment.id)).toMatchObject({ status: 'paid', refundRequestedBy: null });
  });
});
