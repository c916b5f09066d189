import { encodePayload, type TelegramGateway } from '@mechta/core';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { TEST_ADMIN_ID } from '@mechta/testing/core';
import { signInitData } from '@mechta/testing/telegram';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

let s: TestServer;
let admin: Record<string, string>;
beforeAll(async () => {
  s = await startTestServer({ STARTING_TOKENS: '20' }, { listen: false });
  admin = await signIn(TEST_ADMIN_ID, 'boss');
});
afterAll(() => s.close());
afterEach(() => s.core.setTelegramGateway(undefined));

async function signIn(id: number, username?: string): Promise<Record<string, string>> {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/v1/auth/telegram',
    payload: {
      init_data: signInitData({ id, first_name: `User${id}`, username, language_code: 'en' }, s.botToken),
    },
  });
  expect(res.statusCode).toBe(200);
  return { authorization: `Bearer ${res.json().result.access_token}` };
}

const get = (url: string, headers = admin) => s.app.inject({ method: 'GET', url, headers });
const post = (url: string, payload?: object, headers = admin) =>
  s.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

function fakeTelegram() {
  const refunds: [number, string][] = [];
  const gateway: TelegramGateway = {
    createInvoiceLink: async () => 'https://t.me/$x',
    async refundStarPayment(userId, chargeId) {
      refunds.push([userId, chargeId]);
    },
    botUsername: () => 'mechta_test_bot',
  };
  s.core.setTelegramGateway(gateway);
  return { refunds };
}

let chargeSeq = 0;
async function pay(userId: number, offerId: string) {
  const offer = s.core.wallet.offers().find((o) => o.id === offerId)!;
  const chargeId = `charge-${userId}-${++chargeSeq}`;
  const { payment } = await s.core.wallet.creditStarsPayment({
    userId,
    payload: encodePayload({ offerId, stars: offer.stars, userId }),
    totalAmount: offer.stars,
    telegramChargeId: chargeId,
  });
  return { payment, chargeId };
}

describe('admin routes for someone who is not an admin', () => {
  it('do not exist (404), signed in or not', async () => {
    const user = await signIn(61_001);
    for (const [method, url] of [
      ['GET', '/api/v1/admin/stats'],
      ['GET', '/api/v1/admin/users'],
      ['GET', '/api/v1/admin/payments'],
      ['POST', '/api/v1/admin/payments/1/refund'],
      ['POST', `/api/v1/admin/users/${61_001}/tokens`],
    ] as const) {
      for (const headers of [user, {}]) {
        const res = await s.app.inject({ method, url, headers, payload: method === 'POST' ? {} : undefined });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('NOT_FOUND');
      }
    }
    const wallet = (await get('/api/v1/wallet', user)).json().result;
    expect(wallet.balance).toBe(20);
  });
});

describe('admin: users', () => {
  it('finds a user by id and by @username and shows their wallet', async () => {
    await signIn(61_100, 'dreamy_kate');
    const byId = await get('/api/v1/admin/users?q=61100');
    expect(byId.statusCode).toBe(200);
    expect(byId.json().result.map((u: { id: number }) => u.id)).toContain(61_100);
    const byName = (await get('/api/v1/admin/users?q=%40Dreamy_Kate')).json();
    expect(byName.result).toHaveLength(1);
    expect(byName.result[0]).toMatchObject({ id: 61_100, username: 'dreamy_kate', is_blocked: false });
    expect(byName.meta.pagination).toMatchObject({ total: 1, page: 1 });

    const details = await get('/api/v1/admin/users/61100');
    expect(details.statusCode).toBe(200);
    expect(details.json().result).toMatchObject({
      user: { id: 61_100, username: 'dreamy_kate', is_admin: false },
      wallet: { balance: 20, plan: 'free', payments: 0, stars_paid: 0, referrals: 0 },
    });
    expect((await get('/api/v1/admin/users/999999999')).statusCode).toBe(404);
  });

  it('grants and takes back tokens with a reason', async () => {
    const user = await signIn(61_200);
    const grant = await post('/api/v1/admin/users/61200/tokens', { amount: 15, reason: 'contest prize' });
    expect(grant.statusCode).toBe(200);
    expect(grant.json().result).toEqual({ change: 15, balance: 35 });

    const take = await post('/api/v1/admin/users/61200/tokens', { amount: -100, reason: 'abuse' });
    expect(take.json().result).toEqual({ change: -35, balance: 0 });

    const ledger = (await get('/api/v1/wallet/ledger', user)).json().result;
    expect(ledger.slice(0, 2)).toMatchObject([
      { kind: 'revoke', delta: -35, reason: 'abuse' },
      { kind: 'grant', delta: 15, reason: 'contest prize' },
    ]);

    const zero = await post('/api/v1/admin/users/61200/tokens', { amount: 0, reason: 'nothing' });
    expect(zero.statusCode).toBe(422);
    expect(zero.json().error.fields).toHaveProperty('amount');
    const noReason = await post('/api/v1/admin/users/61200/tokens', { amount: 5 });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields).toHaveProperty('reason');
  });

  it('moves tokens once for a repeated idempotency key', async () => {
    await signIn(61_250);
    const body = { amount: 5, reason: 'retry-safe', idempotency_key: 'grant-61250-a' };
    await post('/api/v1/admin/users/61250/tokens', body);
    const again = await post('/api/v1/admin/users/61250/tokens', body);
    expect(again.json().result).toEqual({ change: 0, balance: 25 });
  });

  it('gives and ends a pro pass; the user sees the pro quotas', async () => {
    const user = await signIn(61_300);
    const pro = await post('/api/v1/admin/users/61300/plan', { plan: 'pro', hours: 24 });
    expect(pro.statusCode).toBe(200);
    expect(pro.json().result.plan).toBe('pro');
    expect(Date.parse(pro.json().result.pass_expires_at)).toBeGreaterThan(s.clock.now.getTime());
    const wallet = (await get('/api/v1/wallet', user)).json().result;
    expect(wallet).toMatchObject({ plan: 'pro', quotas: { text: { limit: 100 }, image: { limit: 20 } } });
    expect((await get('/api/v1/me', user)).json().result.plan).toBe('pro');

    const free = await post('/api/v1/admin/users/61300/plan', { plan: 'free' });
    expect(free.json().result).toEqual({ plan: 'free', pass_expires_at: null });
    expect((await get('/api/v1/wallet', user)).json().result.plan).toBe('free');

    const bad = await post('/api/v1/admin/users/61300/plan', { plan: 'pro' });
    expect(bad.statusCode).toBe(422);
  });

  it('blocks a user, whose API calls then fail, and unblocks them', async () => {
    const user = await signIn(61_400);
    const blocked = await post('/api/v1/admin/users/61400/block');
    expect(blocked.statusCode).toBe(200);
    expect(blocked.json().result.is_blocked).toBe(true);

    for (const url of ['/api/v1/wallet', '/api/v1/me', '/api/v1/referrals']) {
      const res = await get(url, user);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('USER_BLOCKED');
    }
    const signInAgain = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/telegram',
      payload: { init_data: signInitData({ id: 61_400, first_name: 'User61400' }, s.botToken) },
    });
    expect(signInAgain.json().error.code).toBe('USER_BLOCKED');

    const unblocked = await post('/api/v1/admin/users/61400/unblock');
    expect(unblocked.json().result.is_blocked).toBe(false);
    expect((await get('/api/v1/wallet', user)).statusCode).toBe(200);
  });

  it('refuses to block an admin', async () => {
    const res = await post(`/api/v1/admin/users/${TEST_ADMIN_ID}/block`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await get('/api/v1/admin/stats')).statusCode).toBe(200);
  });
});

describe('admin: payments and refunds', () => {
  it('lists payments newest first, filtered by status, with pagination', async () => {
    await signIn(61_500);
    const first = await pay(61_500, 'tokens_50');
    const second = await pay(61_500, 'pass_1h');
    const res = await get('/api/v1/admin/payments?user_id=61500&page_size=1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.meta.pagination).toMatchObject({ total: 2, total_pages: 2, has_next: true });
    expect(body.result[0]).toMatchObject({
      id: second.payment.id,
      user_id: 61_500,
      offer_id: 'pass_1h',
      kind: 'pass',
      pass_hours: 1,
      amount: 5,
      currency: 'XTR',
      status: 'paid',
      refunded_at: null,
    });
    const page2 = (await get('/api/v1/admin/payments?user_id=61500&page_size=1&page=2')).json();
    expect(page2.result[0].id).toBe(first.payment.id);
    const refunded = (await get('/api/v1/admin/payments?user_id=61500&status=refunded')).json();
    expect(refunded.result).toEqual([]);
  });

  it('refunds a payment once: takes the tokens back and calls Telegram once', async () => {
    const user = await signIn(61_600);
    const tg = fakeTelegram();
    const { payment, chargeId } = await pay(61_600, 'tokens_50');
    expect((await get('/api/v1/wallet', user)).json().result.balance).toBe(70);

    const res = await post(`/api/v1/admin/payments/${payment.id}/refund`);
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toMatchObject({
      id: payment.id,
      status: 'refunded',
      refunded_tokens: 50,
      refund_shortfall: 0,
    });
    expect(res.json().result.refunded_at).not.toBeNull();
    expect(tg.refunds).toEqual([[61_600, chargeId]]);
    expect((await get('/api/v1/wallet', user)).json().result.balance).toBe(20);
    const ledger = (await get('/api/v1/wallet/ledger', user)).json().result;
    expect(ledger[0]).toMatchObject({ kind: 'purchase_refund', delta: -50 });

    const again = await post(`/api/v1/admin/payments/${payment.id}/refund`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    expect(tg.refunds).toHaveLength(1);
    expect((await get('/api/v1/wallet', user)).json().result.balance).toBe(20);
  });

  it('changes nothing when Telegram refuses the refund', async () => {
    await signIn(61_650);
    s.core.setTelegramGateway({
      createInvoiceLink: async () => 'https://t.me/$x',
      refundStarPayment: async () => {
        throw Object.assign(new Error('Bad Request: CHARGE_NOT_FOUND'), {
          error_code: 400,
          description: 'Bad Request: CHARGE_NOT_FOUND',
        });
      },
      botUsername: () => undefined,
    });
    const { payment } = await pay(61_650, 'tokens_50');
    const res = await post(`/api/v1/admin/payments/${payment.id}/refund`);
    expect(res.statusCode).toBe(503);
    expect(res.json().error.details).toMatchObject({
      reason: 'telegram_refund_failed',
      telegram_error: 'Bad Request: CHARGE_NOT_FOUND',
    });
    expect((await s.core.wallet.getPayment(payment.id)).status).toBe('paid');
    expect((await s.core.wallet.getBalance(61_650)).balance).toBe(70);
  });

  it('a refund Telegram did not answer is 503 refund_pending, listed as refunding, and recorded as asked by the admin', async () => {
    await signIn(61_660);
    s.core.setTelegramGateway({
      createInvoiceLink: async () => 'https://t.me/$x',
      refundStarPayment: async () => {
        throw new Error("Network request for 'refundStarPayment' failed!");
      },
      botUsername: () => undefined,
    });
    const { payment } = await pay(61_660, 'tokens_50');
    const res = await post(`/api/v1/admin/payments/${payment.id}/refund`);
    expect(res.statusCode).toBe(503);
    expect(res.json().error.details).toMatchObject({ reason: 'refund_pending' });
    const listed = await get('/api/v1/admin/payments?user_id=61660&status=refunding');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().result).toMatchObject([{ id: payment.id, status: 'refunding' }]);
    expect(await s.core.wallet.getPayment(payment.id)).toMatchObject({ refundRequestedBy: TEST_ADMIN_ID });
    expect((await s.core.wallet.getBalance(61_660)).balance).toBe(70);

    // Telegram back: the next press finishes it.
    fakeTelegram();
    const again = await post(`/api/v1/admin/payments/${payment.id}/refund`);
    expect(again.statusCode).toBe(200);
    expect(again.json().result).toMatchObject({ status: 'refunded', refunded_tokens: 50 });
    expect((await s.core.wallet.getBalance(61_660)).balance).toBe(20);
  });

  it('answers 503 without a bot, 404 for an unknown payment', async () => {
    await signIn(61_700);
    const { payment } = await pay(61_700, 'tokens_50');
    const res = await post(`/api/v1/admin/payments/${payment.id}/refund`);
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { reason: 'telegram_unavailable' },
    });
    expect((await s.core.wallet.getPayment(payment.id)).status).toBe('paid');
    expect((await post('/api/v1/admin/payments/99999999/refund')).statusCode).toBe(404);
  });
});

describe('admin: stats', () => {
  it('counts users and Stars revenue, with a 30-day daily series ending today', async () => {
    await signIn(61_800);
    await pay(61_800, 'tokens_150');
    const res = await get('/api/v1/admin/stats');
    expect(res.statusCode).toBe(200);
    const stats = res.json().result;
    const users = (await get('/api/v1/admin/users')).json().meta.pagination.total;
    expect(stats.users).toBe(users);
    const paid = (await get('/api/v1/admin/payments?status=paid&page_size=100')).json().result;
    expect(stats.payments).toBe(paid.length);
    expect(stats.stars_revenue).toBe(paid.reduce((sum: number, p: { amount: number }) => sum + p.amount, 0));
    expect(stats.tokens_issued).toBeGreaterThanOrEqual(20 * users);

    type Point = { day: string; new_users: number; payments: number; stars_revenue: number };
    const series: Point[] = stats.series;
    expect(series).toHaveLength(30);
    expect(series.at(-1)?.day).toBe(res.json().meta.timestamp.slice(0, 10));
    const total = (key: 'new_users' | 'payments' | 'stars_revenue') =>
      series.reduce((sum, p) => sum + p[key], 0);
    // Everything in this test database happened within the last 30 days.
    expect(total('new_users')).toBe(users);
    // A day's payments include those refunded since; its revenue does not.
    const allPayments = (await get('/api/v1/admin/payments')).json().meta.pagination.total;
    expect(total('payments')).toBe(allPayments);
    expect(total('stars_revenue')).toBe(stats.stars_revenue);
    expect(series[0]).toMatchObject({ new_users: 0, payments: 0, stars_revenue: 0 });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const path of [
      '/api/v1/wallet',
      '/api/v1/wallet/ledger',
      '/api/v1/wallet/invoice',
      '/api/v1/referrals',
      '/api/v1/admin/stats',
      '/api/v1/admin/users/{id}/tokens',
      '/api/v1/admin/payments/{id}/refund',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});
