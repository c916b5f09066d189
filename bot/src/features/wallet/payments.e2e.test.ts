import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../index.ts';
import { type RunningBot, startBot } from '../../launch.ts';
import { createTelegramGateway } from '../../telegramGateway.ts';

/**
 * The Stars checkout end to end: the real bot long-polls a fake Bot API, and the fake plays the
 * user's side of Telegram (the invoice's Pay button, pre-checkout, the payment, redeliveries).
 */
let fake: FakeBotApi;
let t: TestCore;
let running: RunningBot;
const admin: FakeUser = { id: TEST_ADMIN_ID, first_name: 'Boss', language_code: 'en' };

beforeAll(async () => {
  fake = await startFakeBotApi();
  t = await createTestCore({ TELEGRAM_API_ROOT: fake.url, BOT_TOKEN: fake.token });
  const bot = createBot(t.core);
  t.core.setTelegramGateway(createTelegramGateway(bot));
  // The admin has talked to the bot before, so Telegram lets it write to them.
  fake.addUser(admin);
  running = await startBot(bot, t.core);
});
afterAll(async () => {
  await running?.stop();
  await t?.close();
  await fake?.close();
});

const isInvoice = (m: Message) => m.invoice !== undefined;
const textOf = (m: Message) => m.text ?? '';

describe('paying with Telegram Stars', () => {
  it('/buy → invoice in XTR → pre-checkout ok → payment credited once with a receipt', async () => {
    const errors = vi.spyOn(t.core.logger, 'error');
    const ann: FakeUser = { id: 21001, first_name: 'Ann', username: 'ann_dreams', language_code: 'en' };
    await fake.sendText(ann, '/buy');
    const offers = await fake.waitForMessage(ann.id, (m) => textOf(m).includes('Tokens and Pro'));
    await fake.pressButton(ann, offers, '💎 500 tokens — ⭐ 400');
    const invoice = await fake.waitForMessage(ann.id, isInvoice);
    expect(invoice.invoice).toMatchObject({ title: '500 Mechta tokens', currency: 'XTR', total_amount: 400 });

    const outcome = await fake.payInvoice(ann, invoice, { chargeId: 'stx-ann-1' });
    expect(outcome).toMatchObject({ ok: true, charge_id: 'stx-ann-1' });
    await fake.waitForMessage(ann.id, (m) => textOf(m).startsWith('✅ Payment received'));
    expect((await t.core.wallet.getBalance(ann.id)).balance).toBe(20 + 500);
    const notice = await fake.waitForMessage(admin.id, (m) => textOf(m).startsWith('💫 New payment'));
    expect(textOf(notice)).toMatch(/Ann @ann_dreams \(id 21001\) bought 500 tokens for ⭐ 400\./);

    // Telegram delivers the very same update again, then a new update for the same charge.
    const paid = outcome.successful_payment;
    if (!paid) throw new Error('no successful_payment update');
    await fake.deliverRaw(paid);
    const payload = outcome.pre_checkout.pre_checkout_query?.invoice_payload ?? '';
    await fake.successfulPayment(ann, payload, 400, 'stx-ann-1');
    // Polling hands updates over in order: once /balance is answered, both deliveries were handled.
    await fake.sendText(ann, '/balance');
    const card = await fake.waitForMessage(ann.id, (m) => textOf(m).includes('Your wallet'));
    expect(textOf(card)).toContain('Tokens: 520');
    expect(fake.messagesTo(ann.id).filter((m) => textOf(m).startsWith('✅ Payment received'))).toHaveLength(
      1,
    );
    expect((await t.core.wallet.listPayments({ userId: ann.id })).total).toBe(1);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('refuses a pre-checkout for an offer whose price changed, telling the user why', async () => {
    const ben: FakeUser = { id: 21002, first_name: 'Ben', language_code: 'ru' };
    await fake.sendText(ben, '/start');
    await fake.waitForMessage(ben.id, (m) => textOf(m).includes('Привет, Ben'));
    // An invoice for a 24-hour pass issued when it cost 30 Stars; it costs 40 now.
    const since = fake.calls.length;
    const query = await fake.preCheckout(ben, `w1:pass_24h:30:${ben.id}`, 30);
    const answer = await fake.waitForCall('answerPreCheckoutQuery', undefined, { since });
    expect(answer.payload).toMatchObject({
      pre_checkout_query_id: query.pre_checkout_query?.id,
      ok: false,
      error_message: 'Цена этого предложения изменилась. Откройте /buy, чтобы получить новый счёт.',
    });
    expect((await t.core.wallet.getPlan(ben.id)).plan).toBe('free');
  });

  it('makes invoice links for the Mini App through the gateway, paid like any invoice', async () => {
    const cleo: FakeUser = { id: 21003, first_name: 'Cleo', language_code: 'en' };
    await fake.sendText(cleo, '/start');
    await fake.waitForMessage(cleo.id, (m) => textOf(m).includes('Hi, Cleo'));
    const gateway = t.core.telegram;
    if (!gateway) throw new Error('no Telegram gateway');
    expect(gateway.botUsername()).toBe('mechta_test_bot');
    const link = await gateway.createInvoiceLink(await t.core.wallet.invoice(cleo.id, 'pass_1h'));
    const outcome = await fake.payInvoice(cleo, link);
    expect(outcome.ok).toBe(true);
    await fake.waitForMessage(cleo.id, (m) => textOf(m).includes('Pro for 1 hour is on'));
    expect((await t.core.wallet.getPlan(cleo.id)).plan).toBe('pro');
  });
});
