import type { Invoice, TelegramGateway } from '@mechta/core';
import { decodePayload } from '@mechta/core';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { signInitData } from '@mechta/testing/telegram';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ STARTING_TOKENS: '25', PRICE_IMAGE: '3' }, { listen: false });
});
afterAll(() => s.close());
afterEach(() => s.core.setTelegramGateway(undefined));

let nextId = 41_000;
async function signIn(language = 'en') {
  const id = nextId++;
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/v1/auth/telegram',
    payload: {
      init_data: signInitData({ id, first_name: `Payer${id}`, language_code: language }, s.botToken),
    },
  });
  expect(res.statusCode).toBe(200);
  return { id, headers: { authorization: `Bearer ${res.json().result.access_token}` } };
}

function fakeTelegram() {
  const invoices: Invoice[] = [];
  const gateway: TelegramGateway = {
    async createInvoiceLink(invoice) {
      invoices.push(invoice);
      return `https://t.me/$invoice-${invoices.length}`;
    },
    async refundStarPayment() {},
    botUsername: () => 'mechta_test_bot',
  };
  s.core.setTelegramGateway(gateway);
  return { invoices };
}

describe('GET /api/v1/wallet', () => {
  it('shows a new user the starting balance, free quotas, prices and offers', async () => {
    const { headers } = await signIn();
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/wallet', headers });
    expect(res.statusCode).toBe(200);
    const w = res.json().result;
    expect(w).toMatchObject({
      balance: 25,
      plan: 'free',
      pass_expires_at: null,
      quotas: { text: { used: 0, limit: 5 }, image: { used: 0, limit: 1 } },
      prices: { analysis: 1, image: 3, video: 10, story: 2, lora_training: 50, photo: 3, reading: 1 },
    });
    expect(w.offers[0]).toEqual({
      id: 'tokens_50',
      kind: 'tokens',
      tokens: 50,
      stars: 50,
      title: '50 Mechta tokens',
    });
    expect(w.offers.find((o: { id: string }) => o.id === 'pass_24h')).toMatchObject({
      kind: 'pass',
      hours: 24,
      stars: 40,
      title: 'Mechta Pro, 24 hours',
    });
  });

  it('titles offers in the user’s language and counts quota use today', async () => {
    const { id, headers } = await signIn('ru');
    await s.core.wallet.charge({ userId: id, action: 'analysis', idempotencyKey: `t:${id}`, quota: 'text' });
    const w = (await s.app.inject({ method: 'GET', url: '/api/v1/wallet', headers })).json().result;
    expect(w.balance).toBe(24);
    expect(w.quotas.text).toEqual({ used: 1, limit: 5 });
    expect(w.offers.find((o: { id: string }) => o.id === 'pass_24h').title).toBe('Мечта Pro на 24 часа');
  });

  it('says quotas reset at the user’s next day start (04:00 by default, then as set) in their time zone', async () => {
    const { headers } = await signIn();
    await s.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: { timezone: 'Asia/Tokyo' } });
    const w = (await s.app.inject({ method: 'GET', url: '/api/v1/wallet', headers })).json().result;
    const reset = new Date(w.quota_resets_at);
    const tokyo = (d: Date) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Tokyo',
        dateStyle: 'short',
        timeStyle: 'medium',
        hourCycle: 'h23',
      }).format(d);
    expect(tokyo(reset)).toMatch(/, 04:00:00$/);
    // One millisecond earlier is still "today" there: the reset is the very next day start.
    const before = tokyo(new Date(reset.getTime() - 1));
    expect(before).toMatch(/, 03:59:59$/);
    expect(reset.getTime() - s.clock.now.getTime()).toBeLessThanOrEqual(24 * 3600_000);
    // A day start set through PATCH /me moves the reset with it.
    await s.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: { day_starts_at: '00:00' } });
    const midnight = (await s.app.inject({ method: 'GET', url: '/api/v1/wallet', headers })).json().result;
    expect(tokyo(new Date(midnight.quota_resets_at))).toMatch(/, 00:00:00$/);
  });

  it('refuses without a token', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/wallet' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });
});

describe('GET /api/v1/wallet/ledger', () => {
  it('pages through the ledger newest first', async () => {
    const { id, headers } = await signIn();
    for (const n of [1, 2, 3, 4]) await s.core.wallet.grant(id, n, `gift ${n}`);
    const page1 = (
      await s.app.inject({ method: 'GET', url: '/api/v1/wallet/ledger?page_size=2', headers })
    ).json();
    expect(page1.meta.pagination).toEqual({
      page: 1,
      page_size: 2,
      total: 5,
      total_pages: 3,
      has_next: true,
      has_prev: false,
    });
    expect(page1.result.map((e: { delta: number }) => e.delta)).toEqual([4, 3]);
    expect(page1.result[0]).toMatchObject({ kind: 'grant', balance_after: 35, reason: 'gift 4' });

    const page3 = (
      await s.app.inject({ method: 'GET', url: '/api/v1/wallet/ledger?page=3&page_size=2', headers })
    ).json();
    expect(page3.meta.pagination).toMatchObject({ page: 3, has_next: false, has_prev: true });
    expect(page3.result).toHaveLength(1);
    expect(page3.result[0]).toMatchObject({
      kind: 'welcome',
      delta: 25,
      balance_after: 25,
      label: 'Welcome gift',
    });
    expect(Date.parse(page3.result[0].created_at)).not.toBeNaN();
  });

  it('rejects a page size over 100', async () => {
    const { headers } = await signIn();
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/wallet/ledger?page_size=101', headers });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toHaveProperty('page_size');
  });
});

describe('POST /api/v1/wallet/invoice', () => {
  it('returns a Telegram invoice link for the offer, priced in Stars', async () => {
    const { id, headers } = await signIn();
    const tg = fakeTelegram();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/wallet/invoice',
      headers,
      payload: { offer_id: 'pass_24h' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toMatchObject({
      invoice_link: 'https://t.me/$invoice-1',
      offer: { id: 'pass_24h', stars: 40 },
    });
    expect(tg.invoices).toHaveLength(1);
    const invoice = tg.invoices[0]!;
    expect(invoice.currency).toBe('XTR');
    expect(invoice.prices).toEqual([{ label: expect.any(String), amount: 40 }]);
    expect(decodePayload(invoice.payload)).toEqual({ offerId: 'pass_24h', stars: 40, userId: id });
  });

  it('answers an unknown offer with 422 naming offer_id', async () => {
    const { headers } = await signIn();
    const tg = fakeTelegram();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/wallet/invoice',
      headers,
      payload: { offer_id: 'tokens_999999' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { offer_id: expect.any(String) },
    });
    expect(tg.invoices).toHaveLength(0);
  });

  it('answers 503 with a reason when no bot is connected', async () => {
    const { headers } = await signIn();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/wallet/invoice',
      headers,
      payload: { offer_id: 'tokens_50' },
    });
    expect(res.statusCode).toBe(503);
    const error = res.json().error;
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.details).toMatchObject({ reason: 'telegram_unavailable' });
    expect(error.details.message).toMatch(/Telegram/);
  });
});
