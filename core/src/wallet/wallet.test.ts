import { sumLedger } from '@mechta/db';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { encodePayload } from './offers.ts';

let t: TestCore;
let nextId = 5000;

beforeAll(async () => {
  t = await createTestCore({
    STARTING_TOKENS: '10',
    PRICE_ANALYSIS: '1',
    PRICE_IMAGE: '2',
    REFERRAL_BONUS_INVITER: '10',
    REFERRAL_BONUS_INVITEE: '5',
  });
});
afterAll(() => t.close());

async function newUser(opts: { payload?: string; language?: string } = {}) {
  const id = nextId++;
  const { user } = await t.core.users.registerFromTelegram(
    { id, first_name: `User${id}`, language_code: opts.language ?? 'en' },
    opts.payload,
  );
  return user;
}

const balanceOf = async (userId: number) => (await t.core.wallet.getBalance(userId)).balance;

/** The invariant every test ends on: the balance is exactly the ledger's sum. */
async function expectLedgerMatches(userId: number) {
  expect(await sumLedger(t.core.db, userId)).toBe(await balanceOf(userId));
}

const codeOf = (err: unknown) => (err instanceof AppError ? err.code : String(err));

describe('spending tokens', () => {
  it('a new user starts with STARTING_TOKENS, shown in the ledger', async () => {
    const user = await newUser();
    const view = await t.core.wallet.getBalance(user.id);
    expect(view).toMatchObject({ balance: 10, plan: 'free', passExpiresAt: null });
    expect(view.quotas).toEqual({ text: { used: 0, limit: 5 }, image: { used: 0, limit: 1 } });
    const ledger = await t.core.wallet.ledger(user.id);
    expect(ledger.total).toBe(1);
    expect(ledger.items[0]).toMatchObject({ kind: 'welcome', delta: 10, balanceAfter: 10 });
  });

  it('1,000 concurrent spends of 1 token on a balance of 10: exactly 10 succeed and the balance ends at 0', async () => {
    const user = await newUser();
    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, (_, i) =>
        t.core.wallet.charge({ userId: user.id, action: 'analysis', idempotencyKey: `load:${user.id}:${i}` }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(new Set(failed.map((r) => codeOf(r.reason)))).toEqual(new Set(['INSUFFICIENT_TOKENS']));
    expect(await balanceOf(user.id)).toBe(0);
    await expectLedgerMatches(user.id);
  });

  it('too few tokens: INSUFFICIENT_TOKENS with the price and the balance, nothing taken', async () => {
    const user = await newUser();
    await t.core.wallet.revoke(user.id, 9, 'test');
    const err = await t.core.wallet
      .charge({ userId: user.id, action: 'image', idempotencyKey: `poor:${user.id}` })
      .catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('INSUFFICIENT_TOKENS');
    expect(err.args).toEqual({ price: 2, balance: 1 });
    expect(await balanceOf(user.id)).toBe(1);
  });

  it('a retried charge with the same key is charged once; a failed job refunds once, with its quota use', async () => {
    const user = await newUser();
    const charge = () =>
      t.core.wallet.charge({
        userId: user.id,
        action: 'image',
        idempotencyKey: `job:${user.id}:img`,
        quota: 'image',
      });
    const [a, b] = await Promise.all([charge(), charge()]);
    expect([a.alreadyCharged, b.alreadyCharged].sort()).toEqual([false, true]);
    expect(a.charged).toBe(2);
    expect(b.charged).toBe(2);
    const retried = await charge();
    expect(retried).toMatchObject({ charged: 2, alreadyCharged: true, refunded: false });
    let view = await t.core.wallet.getBalance(user.id);
    expect(view.balance).toBe(8);
    expect(view.quotas.image).toEqual({ used: 1, limit: 1 });

    const refunds = await Promise.all([
      t.core.wallet.refund(`job:${user.id}:img`, 'generation failed'),
      t.core.wallet.refund(`job:${user.id}:img`, 'generation failed'),
    ]);
    expect(refunds.map((r) => r.refunded).sort()).toEqual([0, 2]);
    expect((await t.core.wallet.refund(`job:${user.id}:img`, 'again')).refunded).toBe(0);
    view = await t.core.wallet.getBalance(user.id);
    expect(view.balance).toBe(10);
    expect(view.quotas.image.used).toBe(0);
    // The refunded key is closed: charging it again takes nothing.
    expect(await charge()).toMatchObject({ alreadyCharged: true, refunded: true });
    expect(await balanceOf(user.id)).toBe(10);
    await expectLedgerMatches(user.id);
  });

  it('refunding a key that was never charged gives nothing', async () => {
    expect(await t.core.wallet.refund('never-charged', 'x')).toEqual({ refunded: 0 });
  });
});

describe('daily quotas', () => {
  it('the free text quota runs out, then resets at the user’s day start (04:00 local), not midnight', async () => {
    const user = await newUser();
    await t.core.users.updateSettings(user.id, { timezone: 'Asia/Tokyo' });
    await t.core.wallet.grant(user.id, 100, 'test');
    let n = 0;
    const spend = () =>
      t.core.wallet.charge({
        userId: user.id,
        action: 'analysis',
        idempotencyKey: `q:${user.id}:${n++}`,
        quota: 'text',
      });

    // Start well away from a Tokyo midnight so the five spends below share one local day.
    const tokyoSeconds = () => Math.floor((t.clock.now.getTime() / 1000 + 9 * 3600) % 86400);
    t.clock.advance((12 * 3600 - tokyoSeconds() + 86400) % 86400);

    for (let i = 0; i < 5; i++) await spend();
    const err = await spend().catch((e) => e);
    expect(err.code).toBe('QUOTA_EXCEEDED');
    expect(err.args).toEqual({ kind: 'text', limit: 5 });
    expect((await t.core.wallet.getBalance(user.id)).quotas.text).toEqual({ used: 5, limit: 5 });
    expect(await balanceOf(user.id)).toBe(105);

    // Past Tokyo midnight, at 02:00: still the same day (a dream at 2 a.m. belongs to the night before).
    t.clock.advance(86400 - tokyoSeconds() + 2 * 3600);
    expect((await spend().catch((e) => e)).code).toBe('QUOTA_EXCEEDED');
    // A minute before 04:00: still the same day.
    t.clock.advance(4 * 3600 - tokyoSeconds() - 60);
    expect((await spend().catch((e) => e)).code).toBe('QUOTA_EXCEEDED');
    // A minute after: a new day.
    t.clock.advance(120);
    expect((await t.core.wallet.getBalance(user.id)).quotas.text).toEqual({ used: 0, limit: 5 });
    await spend();
    expect((await t.core.wallet.getBalance(user.id)).quotas.text.used).toBe(1);
    await expectLedgerMatches(user.id);
  });

  it('a day start of 00:00 resets the quota at local midnight, and /wallet tells when', async () => {
    const user = await newUser();
    await t.core.users.updateSettings(user.id, { timezone: 'Europe/Moscow', day_starts_at: '00:00' });
    await t.core.wallet.grant(user.id, 100, 'test');
    const moscowSeconds = () => Math.floor((t.clock.now.getTime() / 1000 + 3 * 3600) % 86400);
    // 23:00 in Moscow.
    t.clock.advance((23 * 3600 - moscowSeconds() + 86400) % 86400);
    for (let i = 0; i < 5; i++) {
      await t.core.wallet.charge({
        userId: user.id,
        action: 'analysis',
        idempotencyKey: `m:${user.id}:${i}`,
        quota: 'text',
      });
    }
    expect((await t.core.wallet.getBalance(user.id)).quotas.text.used).toBe(5);
    // 00:01 in Moscow: a new day.
    t.clock.advance(3600 + 60);
    expect((await t.core.wallet.getBalance(user.id)).quotas.text.used).toBe(0);
  });

  it('a pro pass raises the limits', async () => {
    const user = await newUser();
    await t.core.wallet.setPlan(user.id, { plan: 'pro', hours: 24 });
    expect((await t.core.wallet.getBalance(user.id)).quotas).toEqual({
      text: { used: 0, limit: 100 },
      image: { used: 0, limit: 20 },
    });
  });
});

describe('pro passes', () => {
  const buyPass = (userId: number, hours: number, chargeId: string) => {
    const offer = t.core.wallet.offers().find((o) => o.kind === 'pass' && o.hours === hours);
    if (!offer) throw new Error(`no ${hours} h offer`);
    return t.core.wallet.creditStarsPayment({
      userId,
      payload: encodePayload({ offerId: offer.id, stars: offer.stars, userId }),
      totalAmount: offer.stars,
      telegramChargeId: chargeId,
    });
  };

  it('ends exactly at its expiry, and the plan cache does not serve pro after it', async () => {
    const user = await newUser();
    expect((await t.core.wallet.getPlan(user.id)).plan).toBe('free'); // cached as free
    await buyPass(user.id, 1, `pass-a-${user.id}`);
    const plan = await t.core.wallet.getPlan(user.id); // purchase invalidated the cached "free"
    expect(plan.plan).toBe('pro');
    const expiry = plan.passExpiresAt as Date;
    expect(Math.abs(expiry.getTime() - t.clock.now.getTime() - 3600_000)).toBeLessThan(60_000);

    t.clock.advance((expiry.getTime() - t.clock.now.getTime()) / 1000 - 1);
    expect((await t.core.wallet.getPlan(user.id)).plan).toBe('pro');
    t.clock.advance(2);
    expect(await t.core.wallet.getPlan(user.id)).toEqual({ plan: 'free', passExpiresAt: null });
    expect((await t.core.wallet.getBalance(user.id)).plan).toBe('free');
  });

  it('a purchase extends from the current expiry, or from now once expired', async () => {
    const user = await newUser();
    await buyPass(user.id, 1, `pass-b1-${user.id}`);
    const first = (await t.core.wallet.getPlan(user.id)).passExpiresAt as Date;
    await buyPass(user.id, 12, `pass-b2-${user.id}`);
    const second = (await t.core.wallet.getPlan(user.id)).passExpiresAt as Date;
    expect(second.getTime() - first.getTime()).toBe(12 * 3600_000);

    t.clock.advance(14 * 3600);
    expect((await t.core.wallet.getPlan(user.id)).plan).toBe('free');
    await buyPass(user.id, 1, `pass-b3-${user.id}`);
    const third = (await t.core.wallet.getPlan(user.id)).passExpiresAt as Date;
    expect(Math.abs(third.getTime() - t.clock.now.getTime() - 3600_000)).toBeLessThan(60_000);
  });

  it('an admin can grant pro and end it', async () => {
    const user = await newUser();
    expect((await t.core.wallet.setPlan(user.id, { plan: 'pro', hours: 5 })).plan).toBe('pro');
    expect((await t.core.wallet.getPlan(user.id)).plan).toBe('pro');
    expect(await t.core.wallet.setPlan(user.id, { plan: 'free' })).toEqual({
      plan: 'free',
      passExpiresAt: null,
    });
    expect((await t.core.wallet.getPlan(user.id)).plan).toBe('free');
    const profile = await t.core.profile(await t.core.users.requireUser(user.id));
    expect(profile.plan).toBe('free');
  });
});

describe('referrals', () => {
  it('a first start with a code credits both sides once', async () => {
    const inviter = await newUser();
    const invitee = await newUser({ payload: `ref_${inviter.referralCode}` });
    expect(invitee.referredBy).toBe(inviter.id);
    expect(await balanceOf(inviter.id)).toBe(20);
    expect(await balanceOf(invitee.id)).toBe(15);

    // Starting again with the code (a returning user) changes nothing.
    await t.core.users.registerFromTelegram(
      { id: invitee.id, first_name: 'Again' },
      `ref_${inviter.referralCode}`,
    );
    expect(await balanceOf(inviter.id)).toBe(20);
    expect(await balanceOf(invitee.id)).toBe(15);

    const stats = await t.core.wallet.getReferralStats(inviter.id, '@MechtaBot');
    expect(stats).toEqual({
      code: inviter.referralCode,
      link: `https://t.me/MechtaBot?start=ref_${inviter.referralCode}`,
      joined: 1,
      earned: 10,
    });
    await expectLedgerMatches(inviter.id);
    await expectLedgerMatches(invitee.id);
  });

  it('self-referral and users who already existed earn nothing', async () => {
    const inviter = await newUser();
    const existing = await newUser();
    await t.core.users.registerFromTelegram(
      { id: existing.id, first_name: existing.firstName },
      `ref_${inviter.referralCode}`,
    );
    await t.core.users.registerFromTelegram(
      { id: inviter.id, first_name: inviter.firstName },
      `ref_${inviter.referralCode}`,
    );
    expect(await balanceOf(inviter.id)).toBe(10);
    expect(await balanceOf(existing.id)).toBe(10);
    expect((await t.core.wallet.getReferralStats(inviter.id, 'MechtaBot')).joined).toBe(0);
  });
});

describe('admin', () => {
  it('grant and revoke are ledger entries with reasons; revoke never goes below zero', async () => {
    const user = await newUser();
    expect(await t.core.wallet.grant(user.id, 7, 'contest prize')).toEqual({ granted: 7, balance: 17 });
    expect(await t.core.wallet.revoke(user.id, 100, 'abuse')).toEqual({ revoked: 17, balance: 0 });
    expect(await t.core.wallet.revoke(user.id, 5, 'again')).toEqual({ revoked: 0, balance: 0 });
    const { items } = await t.core.wallet.ledger(user.id, { page: 1, pageSize: 2 });
    expect(items.map((e) => [e.kind, e.delta, e.reason])).toEqual([
      ['revoke', -17, 'abuse'],
      ['grant', 7, 'contest prize'],
    ]);
    await expectLedgerMatches(user.id);
  });

  it('the ledger cannot be edited', async () => {
    const user = await newUser();
    await t.core.wallet.getBalance(user.id);
    await expect(
      t.core.db.updateTable('walletLedger').set({ delta: 1000 }).where('userId', '=', user.id).execute(),
    ).rejects.toThrow(/append-only/);
  });
});
