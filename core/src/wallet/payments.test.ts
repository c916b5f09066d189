import { createDb, sumLedger } from '@mechta/db';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { testRedisUrl } from '@mechta/testing/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core.ts';
import { createCache } from '../platform/cache.ts';
import { encodePayload, type Offer } from './offers.ts';

let nextId = 7000;

async function newUser(t: TestCore, language = 'en') {
  const id = nextId++;
  const { user } = await t.core.users.registerFromTelegram({
    id,
    first_name: `Payer${id}`,
    language_code: language,
  });
  return user;
}

function offer(t: TestCore, id: string): Offer {
  const found = t.core.wallet.offers().find((o) => o.id === id);
  if (!found) throw new Error(`no offer ${id}`);
  return found;
}

function payment(t: TestCore, userId: number, offerId: string, chargeId: string) {
  const o = offer(t, offerId);
  return {
    userId,
    payload: encodePayload({ offerId: o.id, stars: o.stars, userId }),
    totalAmount: o.stars,
    telegramChargeId: chargeId,
    providerChargeId: null,
  };
}

describe('Stars payments', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore({ STARTING_TOKENS: '10', PRICE_VIDEO: '10' });
  });
  afterAll(() => t.close());

  const balanceOf = async (userId: number) => (await t.core.wallet.getBalance(userId)).balance;

  it('offers token packs and every configured pass duration', () => {
    expect(t.core.wallet.offers().map((o) => [o.id, o.stars])).toEqual([
      ['tokens_50', 50],
      ['tokens_150', 135],
      ['tokens_500', 400],
      ['pass_1h', 5],
      ['pass_12h', 25],
      ['pass_24h', 40],
      ['pass_168h', 150],
      ['pass_720h', 500],
    ]);
  });

  it('builds a localised Stars invoice whose payload passes pre-checkout', async () => {
    const user = await newUser(t, 'ru');
    const invoice = await t.core.wallet.invoice(user.id, 'pass_24h');
    expect(invoice).toMatchObject({ currency: 'XTR', prices: [{ amount: 40 }] });
    expect(invoice.title).toBe('Мечта Pro на 24 часа');
    const check = await t.core.wallet.validatePreCheckout(user.id, invoice.payload, 40, 'XTR');
    expect(check).toMatchObject({ ok: true, offer: { id: 'pass_24h', hours: 24 } });
  });

  it('pre-checkout refuses, in the user’s language, what no longer matches', async () => {
    const ru = await newUser(t, 'ru');
    const en = await newUser(t, 'en');
    const valid = encodePayload({ offerId: 'tokens_50', stars: 50, userId: ru.id });
    const check = (userId: number, payload: string, amount: number, currency = 'XTR') =>
      t.core.wallet.validatePreCheckout(userId, payload, amount, currency);

    const mismatch = await check(ru.id, valid, 49);
    expect(mismatch).toMatchObject({ ok: false, problem: 'price_mismatch' });
    expect(mismatch.ok === false && mismatch.reason).toMatch(/не совпадает/);
    expect(await check(ru.id, valid, 50, 'USD')).toMatchObject({ ok: false, problem: 'price_mismatch' });
    const changed = encodePayload({ offerId: 'tokens_50', stars: 45, userId: en.id });
    const changedResult = await check(en.id, changed, 45);
    expect(changedResult).toMatchObject({ ok: false, problem: 'offer_changed' });
    expect(changedResult.ok === false && changedResult.reason).toMatch(/price of this offer has changed/);
    const gone = encodePayload({ offerId: 'tokens_70', stars: 70, userId: en.id });
    expect(await check(en.id, gone, 70)).toMatchObject({ ok: false, problem: 'offer_unknown' });
    expect(await check(en.id, 'garbage', 70)).toMatchObject({ ok: false, problem: 'offer_unknown' });
    expect(await check(en.id, valid, 50)).toMatchObject({ ok: false, problem: 'other_user' });

    await t.core.users.setBlocked(en.id, true);
    const own = encodePayload({ offerId: 'tokens_50', stars: 50, userId: en.id });
    expect(await check(en.id, own, 50)).toMatchObject({ ok: false, problem: 'blocked' });
  });

  it('the same successful payment delivered 20 times at once is credited once', async () => {
    const user = await newUser(t);
    const input = payment(t, user.id, 'tokens_50', `charge-20x-${user.id}`);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.core.wallet.creditStarsPayment(input)),
    );
    expect(results.filter((r) => r.credited)).toHaveLength(1);
    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    expect(await balanceOf(user.id)).toBe(60);
    expect((await t.core.wallet.listPayments({ userId: user.id })).total).toBe(1);
    expect(await sumLedger(t.core.db, user.id)).toBe(60);
  });

  it('a refund takes back what is left of the tokens once, records the shortfall and refunds the Stars once', async () => {
    const user = await newUser(t);
    const { payment: paid } = await t.core.wallet.creditStarsPayment(
      payment(t, user.id, 'tokens_50', `charge-r-${user.id}`),
    );
    // The user spends 50 of their 60 tokens before the refund.
    for (let i = 0; i < 5; i++) {
      await t.core.wallet.charge({ userId: user.id, action: 'video', idempotencyKey: `vid:${user.id}:${i}` });
    }
    expect(await balanceOf(user.id)).toBe(10);

    const telegramRefunds: string[] = [];
    const refundStars = async (userId: number, chargeId: string) => {
      expect(userId).toBe(user.id);
      telegramRefunds.push(chargeId);
    };
    const results = await Promise.all([
      t.core.wallet.refundPayment(paid.id, { refundStars }),
      t.core.wallet.refundPayment(paid.id, { refundStars }),
    ]);
    expect(results.map((r) => r.refunded).sort()).toEqual([false, true]);
    const done = results.find((r) => r.refunded);
    expect(done).toMatchObject({ tokensTakenBack: 10, shortfall: 40 });
    expect(done?.payment).toMatchObject({ status: 'refunded', refundedTokens: 10, refundShortfall: 40 });
    expect(telegramRefunds).toEqual([`charge-r-${user.id}`]);
    expect(await balanceOf(user.id)).toBe(0);
    expect(await sumLedger(t.core.db, user.id)).toBe(0);

    expect((await t.core.wallet.refundPayment(paid.id, { refundStars })).refunded).toBe(false);
    expect(telegramRefunds).toHaveLength(1);
  });

  it('when Telegram refuses the refund, nothing changes', async () => {
    const user = await newUser(t);
    const { payment: paid } = await t.core.wallet.creditStarsPayment(
      payment(t, user.id, 'tokens_50', `charge-f-${user.id}`),
    );
    await expect(
      t.core.wallet.refundPayment(paid.id, {
        refundStars: async () => {
          throw Object.assign(new Error('Bad Request: CHARGE_NOT_FOUND'), {
            error_code: 400,
            description: 'Bad Request: CHARGE_NOT_FOUND',
          });
        },
      }),
    ).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { reason: 'telegram_refund_failed', telegram_error: 'Bad Request: CHARGE_NOT_FOUND' },
    });
    expect(await balanceOf(user.id)).toBe(60);
    expect((await t.core.wallet.getPayment(paid.id)).status).toBe('paid');
  });

  it('refunding a pass ends it, even while the plan is cached', async () => {
    const user = await newUser(t);
    const { payment: paid } = await t.core.wallet.creditStarsPayment(
      payment(t, user.id, 'pass_168h', `charge-p-${user.id}`),
    );
    expect((await t.core.wallet.getPlan(user.id)).plan).toBe('pro');
    await t.core.wallet.refundPayment(paid.id, { refundStars: async () => {} });
    expect(await t.core.wallet.getPlan(user.id)).toEqual({ plan: 'free', passExpiresAt: null });
  });

  it('refunding one of two stacked passes removes only its time', async () => {
    const user = await newUser(t);
    const first = await t.core.wallet.creditStarsPayment(
      payment(t, user.id, 'pass_24h', `charge-s1-${user.id}`),
    );
    await t.core.wallet.creditStarsPayment(payment(t, user.id, 'pass_12h', `charge-s2-${user.id}`));
    const before = (await t.core.wallet.getPlan(user.id)).passExpiresAt as Date;
    await t.core.wallet.refundPayment(first.payment.id, { refundStars: async () => {} });
    const after = await t.core.wallet.getPlan(user.id);
    expect(after.plan).toBe('pro');
    // The refunded 24 h pass had all but a moment left; the 12 h one remains.
    const removed = before.getTime() - (after.passExpiresAt as Date).getTime();
    expect(Math.abs(removed - 24 * 3600_000)).toBeLessThan(60_000);
  });

  it('admin stats count users, payments, revenue and token flow; payments page', async () => {
    const before = await t.core.wallet.getAdminStats();
    const user = await newUser(t);
    await t.core.wallet.creditStarsPayment(payment(t, user.id, 'tokens_150', `charge-st-${user.id}`));
    await t.core.wallet.charge({ userId: user.id, action: 'video', idempotencyKey: `stats:${user.id}` });
    const after = await t.core.wallet.getAdminStats();
    expect(after.users).toBe(before.users + 1);
    expect(after.activeToday).toBe(before.activeToday + 1);
    expect(after.payments).toBe(before.payments + 1);
    expect(after.starsRevenue).toBe(before.starsRevenue + 135);
    expect(after.tokensIssued).toBe(before.tokensIssued + 10 + 150);
    expect(after.tokensSpent).toBe(before.tokensSpent + 10);

    const page1 = await t.core.wallet.listPayments({ page: 1, pageSize: 2 });
    const page2 = await t.core.wallet.listPayments({ page: 2, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBe(page2.total);
    expect(page1.items[0]?.telegramChargeId).toBe(`charge-st-${user.id}`);
    expect(page2.items.map((p) => p.id)).not.toContain(page1.items[0]?.id);
    expect((await t.core.wallet.getUserWallet(user.id)).starsPaid).toBe(135);
  });
});

describe.skipIf(!testRedisUrl())('Stars payments across two instances (Redis)', () => {
  let t: TestCore;
  let second: ReturnType<typeof createCore>;
  let closeSecond: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestCore({ STARTING_TOKENS: '10' }, { useRedis: true });
    // A second instance: its own pool and Redis connection, the same database and key prefix.
    const db = createDb(t.database.url, 5);
    const cache = createCache(testRedisUrl(), t.core.cache.redis?.options.keyPrefix);
    second = createCore({ ...t.core, db, cache, now: t.core.now });
    closeSecond = async () => {
      await cache.close();
      await db.destroy();
    };
  });
  afterAll(async () => {
    await closeSecond();
    await t.close();
  });

  it('a payment delivered to both instances 20 times is credited once', async () => {
    const user = await newUser(t);
    const input = payment(t, user.id, 'tokens_500', `charge-2i-${user.id}`);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? second : t.core).wallet.creditStarsPayment(input)),
    );
    expect(results.filter((r) => r.credited)).toHaveLength(1);
    expect((await second.wallet.getBalance(user.id)).balance).toBe(510);
  });

  it('a pass bought through one instance is seen as pro by the other at once', async () => {
    const user = await newUser(t);
    expect((await second.wallet.getPlan(user.id)).plan).toBe('free'); // now cached in Redis
    await t.core.wallet.creditStarsPayment(payment(t, user.id, 'pass_1h', `charge-2p-${user.id}`));
    expect((await second.wallet.getPlan(user.id)).plan).toBe('pro');
  });
});
