import { createBotHarness, type RecordedCall, type TestUser } from '@mechta/testing/botHarness';
import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(async () => {
  await t?.close();
});

let nextId = 11000;
const user = (over: Partial<TestUser> = {}): TestUser => ({ id: nextId++, first_name: 'Mira', ...over });
const labels = (keyboard: { text: string }[][]) => keyboard.flat().map((b) => b.text);
const only = (calls: RecordedCall[], method: string) => calls.filter((c) => c.method === method);

// Far above the harness's own update ids, which count up from 1 in this file.
let nextUpdateId = 5_000_000;
let nextChargeId = 1;

function preCheckoutUpdate(from: TestUser, payload: string, amount: number): Update {
  return {
    update_id: nextUpdateId++,
    pre_checkout_query: {
      id: `pcq-${nextUpdateId}`,
      from: { ...from, is_bot: false },
      currency: 'XTR',
      total_amount: amount,
      invoice_payload: payload,
    },
  };
}

function paymentUpdate(from: TestUser, payload: string, amount: number, chargeId: string): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from: { ...from, is_bot: false },
      successful_payment: {
        currency: 'XTR',
        total_amount: amount,
        invoice_payload: payload,
        telegram_payment_charge_id: chargeId,
        provider_payment_charge_id: '',
      },
    },
  };
}

/** Opens /buy, picks the offer by its label and returns the invoice the bot sent. */
async function invoiceFor(h: ReturnType<typeof createBotHarness>, u: TestUser, label: string) {
  await h.sendText(u, '/buy');
  const calls = await h.pressButton(u, label);
  const invoice = only(calls, 'sendInvoice')[0];
  if (!invoice) throw new Error(`pressing ${label} sent no invoice`);
  return invoice.payload;
}

/** The whole checkout as Telegram runs it: pre-checkout, then (if the bot said ok) the payment. */
async function pay(h: ReturnType<typeof createBotHarness>, u: TestUser, invoice: Record<string, unknown>) {
  const amount = (invoice.prices as { amount: number }[])[0]?.amount ?? 0;
  const answer = only(
    await h.handle(preCheckoutUpdate(u, String(invoice.payload), amount)),
    'answerPreCheckoutQuery',
  );
  expect(answer.map((c) => c.payload.ok)).toEqual([true]);
  const chargeId = `charge-${nextChargeId++}`;
  const calls = await h.handle(paymentUpdate(u, String(invoice.payload), amount, chargeId));
  return { calls, chargeId, amount };
}

describe('/balance', () => {
  it('shows tokens, the plan, quotas with their reset, the latest entries, and Buy / Invite buttons', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/start');
    await t.core.wallet.charge({
      userId: u.id,
      action: 'analysis',
      idempotencyKey: `a-${u.id}`,
      quota: 'text',
    });

    await h.sendText(u, '/balance');
    const card = h.lastReply();
    expect(card?.payload.parse_mode).toBe('HTML');
    expect(card?.text).toContain('<b>💎 Your wallet</b>');
    expect(card?.text).toContain('Tokens: <b>19</b>');
    expect(card?.text).toContain('Plan: Free');
    expect(card?.text).toContain('Left today on your plan: analyses 4 of 5, pictures 1 of 1');
    // Which limit applies when: the quota counts actions per day, tokens pay for each one.
    expect(card?.text).toContain(
      'The daily quota is how many analyses and pictures your plan allows each day.',
    );
    expect(card?.text).toContain('Tokens are the price of each action: analysis 1, picture 2, video 10');
    expect(card?.text).toContain('🚀 Pro lifts the quota to 100 analyses and 20 pictures a day.');
    // The user's time zone is UTC and their day starts at 04:00 (the default): the quotas reset then.
    expect(card?.text).toMatch(
      /Daily quotas reset when your day starts \(\d{1,2} \w{3,4}, 04:00\), in \d+ h \d+ min\./,
    );
    expect(card?.text).toContain('<b>Latest</b>');
    expect(card?.text).toMatch(/−1 · Spent \(dream analysis\) · /);
    expect(card?.text).toMatch(/\+20 · Welcome gift · /);
    expect(labels(card?.keyboard ?? [])).toEqual(['🛒 Buy', '🤝 Invite friends', '⬅️ Back']);
  });

  it('counts the day in the user’s own time zone and speaks Russian', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/start');
    await t.core.users.updateSettings(u.id, { timezone: 'Asia/Almaty' });
    await h.sendText(u, '/balance');
    const text = h.lastReply()?.text ?? '';
    expect(text).toContain('Токены: <b>20</b>');
    expect(text).toContain('Осталось сегодня по тарифу: разборов 5 из 5, картинок 1 из 1');
    expect(text).toContain('Дневная квота — сколько разборов и картинок в день даёт ваш тариф.');
    expect(text).toContain('Токены — цена каждого действия: разбор 1, картинка 2, видео 10');
    expect(text).toContain('🚀 Pro поднимает квоту до 100 разборов и 20 картинок в день.');
    expect(text).toMatch(
      /обновятся, когда начнётся ваш день \(\d{1,2} [а-я.]+, 04:00\), через \d+ ч \d+ мин\./,
    );
    expect(labels(h.lastReply()?.keyboard ?? [])).toEqual(['🛒 Купить', '🤝 Пригласить друзей', '⬅️ Назад']);
  });

  it('opens from the main menu in place, and its buttons lead to the offers and the referral card', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/menu');
    await h.pressButton(u, '💎 Balance');
    expect(h.lastReply()?.method).toBe('editMessageText');
    expect(h.lastReply()?.text).toContain('Tokens: <b>20</b>');

    await h.pressButton(u, '🛒 Buy');
    expect(h.lastReply()?.method).toBe('editMessageText');
    expect(h.lastReply()?.text).toContain('Tokens and Pro');
    await h.pressButton(u, '⬅️ Wallet');
    expect(h.lastReply()?.text).toContain('Your wallet');

    // The referral card opens in place too, with its Share link and the way back to the wallet.
    await h.pressButton(u, '🤝 Invite friends');
    expect(h.lastReply()?.method).toBe('editMessageText');
    expect(h.lastReply()?.text).toContain('https://t.me/mechta_test_bot?start=ref_');
    expect(labels(h.lastReply()?.keyboard ?? [])).toEqual(['📤 Share the link', '⬅️ Wallet']);
    await h.pressButton(u, '⬅️ Wallet');
    expect(h.lastReply()?.text).toContain('Your wallet');
    await h.pressButton(u, '⬅️ Back');
    expect(h.lastReply()?.method).toBe('editMessageText');
    expect(h.lastReply()?.text).toBe('Main menu');
  });
});

describe('/buy and the Stars checkout', () => {
  it('lists every offer with its price in Stars', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/buy');
    expect(h.lastReply()?.text).toContain('Pro raises the daily quotas to 100 text and 20 image requests');
    expect(labels(h.lastReply()?.keyboard ?? [])).toEqual([
      '💎 50 tokens — ⭐ 50',
      '💎 150 tokens — ⭐ 135',
      '💎 500 tokens — ⭐ 400',
      '🚀 Pro · 1 hour — ⭐ 5',
      '🚀 Pro · 12 hours — ⭐ 25',
      '🚀 Pro · 24 hours — ⭐ 40',
      '🚀 Pro · 7 days — ⭐ 150',
      '🚀 Pro · 30 days — ⭐ 500',
      '⬅️ Wallet',
    ]);
  });

  it('sends an invoice in Stars, credits the paid tokens once, sends a receipt and tells the admin', async () => {
    const h = createBotHarness(t.core);
    const u = user({ first_name: 'Lev', username: 'lev_dreams', language_code: 'en' });
    await h.sendText(u, '/start');
    const invoice = await invoiceFor(h, u, '💎 150 tokens — ⭐ 135');
    expect(invoice).toMatchObject({
      chat_id: u.id,
      title: '150 Mechta tokens',
      currency: 'XTR',
      provider_token: '',
      prices: [{ label: '150 Mechta tokens', amount: 135 }],
    });

    const { calls, chargeId } = await pay(h, u, invoice);
    const messages = only(calls, 'sendMessage');
    expect(messages.map((c) => [c.payload.chat_id, c.payload.text])).toEqual([
      [u.id, '✅ Payment received — thank you! ⭐ 135\nAdded: 150 tokens. Balance: <b>170</b>.'],
      [
        TEST_ADMIN_ID,
        expect.stringMatching(
          /^💫 New payment #\d+: Lev @lev_dreams \(id \d+\) bought 150 tokens for ⭐ 135\.$/,
        ),
      ],
    ]);
    expect((await t.core.wallet.getBalance(u.id)).balance).toBe(170);

    // Telegram delivering the same charge again (a new update) changes nothing and says nothing.
    const again = await h.handle(paymentUpdate(u, String(invoice.payload), 135, chargeId));
    expect(only(again, 'sendMessage')).toEqual([]);
    expect((await t.core.wallet.getBalance(u.id)).balance).toBe(170);
  });

  it('turns on Pro for a pass and shows it in /balance', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/start');
    const invoice = await invoiceFor(h, u, '🚀 Pro · 7 дней — ⭐ 150');
    expect(invoice).toMatchObject({ currency: 'XTR', prices: [{ amount: 150 }] });
    const { calls } = await pay(h, u, invoice);
    const receipt = only(calls, 'sendMessage').find((c) => c.payload.chat_id === u.id);
    expect(receipt?.payload.text).toMatch(
      /^✅ Оплата получена — спасибо! ⭐ 150\nPro на 7 дней включён: Pro до <b>.+<\/b>\.$/,
    );
    expect((await t.core.wallet.getPlan(u.id)).plan).toBe('pro');

    await h.sendText(u, '/balance');
    expect(h.lastReply()?.text).toMatch(/Тариф: <b>Pro<\/b> до /);
    // The higher quota shows at once, next to the free plan's, so the lift is visible.
    expect(h.lastReply()?.text).toContain(
      'Осталось сегодня по тарифу: разборов 100 из 100, картинок 20 из 20',
    );
    expect(h.lastReply()?.text).toContain(
      '🚀 С Pro ваша квота — 100 разборов и 20 картинок в день (на бесплатном тарифе — 5 и 1).',
    );
  });

  it('refuses a pre-checkout whose price no longer matches the offer, with the reason', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/start');
    // An invoice issued when 50 tokens cost 45 Stars; the offer now costs 50.
    const calls = await h.handle(preCheckoutUpdate(u, `w1:tokens_50:45:${u.id}`, 45));
    expect(only(calls, 'answerPreCheckoutQuery').map((c) => c.payload)).toEqual([
      {
        pre_checkout_query_id: expect.any(String),
        ok: false,
        error_message: 'The price of this offer has changed. Please open /buy again for a fresh invoice.',
      },
    ]);
    // Nothing else is said or done while Telegram waits for the answer.
    expect(calls.map((c) => c.method)).toEqual(['answerPreCheckoutQuery']);
  });

  it('refuses an invoice made for someone else', async () => {
    const h = createBotHarness(t.core);
    const owner = user({ language_code: 'en' });
    const other = user({ language_code: 'ru' });
    await h.sendText(owner, '/start');
    await h.sendText(other, '/start');
    const invoice = await invoiceFor(h, owner, '💎 50 tokens — ⭐ 50');
    const calls = await h.handle(preCheckoutUpdate(other, String(invoice.payload), 50));
    expect(only(calls, 'answerPreCheckoutQuery')[0]?.payload).toMatchObject({
      ok: false,
      error_message: 'Этот счёт выставлен другому аккаунту. Откройте /buy сами.',
    });
  });

  it('delivers a payment that arrives while the user is answering another question', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/start');
    const invoice = await invoiceFor(h, u, '💎 50 tokens — ⭐ 50');
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🕰 Time zone');
    const { calls } = await pay(h, u, invoice);
    expect(only(calls, 'sendMessage')[0]?.payload.text).toContain('Added: 50 tokens. Balance: <b>70</b>.');
    // The question is still open: the next text is still read as a time zone.
    await h.sendText(u, 'Europe/Berlin');
    expect(h.lastReply()?.text).toBe('Time zone set to Europe/Berlin.');
  });
});
