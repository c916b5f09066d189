import { RESUME_REFUNDS_JOB, registerWalletJobs } from '@mechta/core/wallet/jobs';
import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import type { Bot } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../context.ts';
import { createBot } from '../../index.ts';
import { type RunningBot, startBot } from '../../launch.ts';
import { createTelegramGateway } from '../../telegramGateway.ts';

/** An admin refunds a real (fake-Telegram) Stars payment through the /admin menu of the polling bot. */
let fake: FakeBotApi;
let t: TestCore;
let running: RunningBot;
let bot: Bot<BotContext>;
const admin: FakeUser = { id: TEST_ADMIN_ID, first_name: 'Boss', language_code: 'en' };

beforeAll(async () => {
  fake = await startFakeBotApi();
  t = await createTestCore({ TELEGRAM_API_ROOT: fake.url, BOT_TOKEN: fake.token });
  bot = createBot(t.core);
  running = await startBot(bot, t.core);
  // The refund sweep, as the server runs it: the real job through the real queue.
  t.core.setTelegramGateway(createTelegramGateway(bot));
  await registerWalletJobs(t.core);
  await t.core.queue.startWorkers();
});
afterAll(async () => {
  await running?.stop();
  await t?.close();
  await fake?.close();
});

const textOf = (m: Message) => m.text ?? '';
const hasButton = (label: string) => (m: Message) =>
  (m.reply_markup?.inline_keyboard.flat() ?? []).some((b) => b.text === label);

/** The user buys 50 tokens with Stars through /buy; the recorded payment. */
async function buy(user: FakeUser, chargeId: string) {
  await fake.sendText(user, '/buy');
  const offers = await fake.waitForMessage(user.id, hasButton('💎 50 tokens — ⭐ 50'));
  await fake.pressButton(user, offers, '💎 50 tokens — ⭐ 50');
  const invoice = await fake.waitForMessage(user.id, (m) => m.invoice !== undefined);
  expect((await fake.payInvoice(user, invoice, { chargeId })).ok).toBe(true);
  await fake.waitForMessage(user.id, (m) => textOf(m).startsWith('✅ Payment received'));
  const [payment] = (await t.core.wallet.listPayments({ userId: user.id })).items;
  if (!payment) throw new Error('the payment was not recorded');
  return payment;
}

/** The admin confirms the refund of this payment from /admin → Payments; the message after it. */
async function refundFromMenu(paymentId: number, answer: (m: Message) => boolean): Promise<Message> {
  await fake.sendText(admin, '/admin');
  const menu = await fake.waitForMessage(admin.id, hasButton('💳 Payments'));
  await fake.pressButton(admin, menu, '💳 Payments');
  const refundLabel = `↩️ Refund #${paymentId}`;
  await fake.waitForMessage(admin.id, (m) => m.message_id === menu.message_id && hasButton(refundLabel)(m));
  await fake.pressButton(admin, menu, refundLabel);
  await fake.waitForMessage(admin.id, hasButton('✅ Yes, refund'));
  await fake.pressButton(admin, menu, '✅ Yes, refund');
  return fake.waitForMessage(admin.id, answer);
}

const refundCalls = (chargeId: string) =>
  fake.calls
    .filter((c) => c.method === 'refundStarPayment' && c.payload.telegram_payment_charge_id === chargeId)
    .map((c) => c.error?.description ?? 'ok');

describe('refunds from /admin', () => {
  it('reverses the credit and refunds the Stars exactly once', async () => {
    const dora: FakeUser = { id: 22001, first_name: 'Dora', language_code: 'en' };
    await fake.sendText(dora, '/buy');
    const offers = await fake.waitForMessage(dora.id, hasButton('💎 50 tokens — ⭐ 50'));
    await fake.pressButton(dora, offers, '💎 50 tokens — ⭐ 50');
    const invoice = await fake.waitForMessage(dora.id, (m) => m.invoice !== undefined);
    const paid = await fake.payInvoice(dora, invoice, { chargeId: 'stx-dora-1' });
    expect(paid.ok).toBe(true);
    await fake.waitForMessage(dora.id, (m) => textOf(m).startsWith('✅ Payment received'));
    expect((await t.core.wallet.getBalance(dora.id)).balance).toBe(70);
    const [payment] = (await t.core.wallet.listPayments({ userId: dora.id })).items;
    if (!payment) throw new Error('the payment was not recorded');

    await fake.sendText(admin, '/admin');
    const menu = await fake.waitForMessage(admin.id, hasButton('💳 Payments'));
    await fake.pressButton(admin, menu, '💳 Payments');
    const refundLabel = `↩️ Refund #${payment.id}`;
    await fake.waitForMessage(admin.id, hasButton(refundLabel));
    await fake.pressButton(admin, menu, refundLabel);
    await fake.waitForMessage(admin.id, hasButton('✅ Yes, refund'));
    await fake.pressButton(admin, menu, '✅ Yes, refund');
    const done = await fake.waitForMessage(admin.id, (m) =>
      textOf(m).startsWith(`↩️ Payment #${payment.id} refunded`),
    );
    expect(textOf(done)).toContain('Tokens taken back: 50.');
    expect(hasButton(refundLabel)(done)).toBe(false);

    const refunds = fake.calls.filter((c) => c.method === 'refundStarPayment');
    expect(refunds.map((c) => [c.payload.user_id, c.payload.telegram_payment_charge_id, c.error])).toEqual([
      [dora.id, 'stx-dora-1', undefined],
    ]);
    expect((await t.core.wallet.getBalance(dora.id)).balance).toBe(20);
    // Through core.admin's intent: recorded as asked by this admin, one attempt.
    expect(await t.core.wallet.getPayment(payment.id)).toMatchObject({
      status: 'refunded',
      refundRequestedBy: admin.id,
      refundAttempts: 1,
    });
    // The user's ledger tells them what happened.
    await fake.sendText(dora, '/balance');
    const card = await fake.waitForMessage(dora.id, (m) => textOf(m).includes('Your wallet'));
    expect(textOf(card)).toMatch(/−50 · Purchase refunded · /);
  });

  it('a refund Telegram cannot take now is recorded, and the sweep finishes it once', async () => {
    const eve: FakeUser = { id: 22002, first_name: 'Eve', language_code: 'en' };
    const payment = await buy(eve, 'stx-eve-1');
    // Telegram asks to come back later than the bot's retries wait: no refund happened.
    fake.failNext('refundStarPayment', { error_code: 429, retry_after: 120 });
    const pending = await refundFromMenu(payment.id, (m) =>
      textOf(m).startsWith(`⏳ Payment #${payment.id}`),
    );
    expect(textOf(pending)).toContain('Telegram has not confirmed it yet');
    expect(await t.core.wallet.getPayment(payment.id)).toMatchObject({
      status: 'refunding',
      refundRequestedBy: admin.id,
      refundError: expect.stringContaining('Too Many Requests'),
    });
    expect((await t.core.wallet.getBalance(eve.id)).balance).toBe(70);

    await t.core.queue.send(RESUME_REFUNDS_JOB, {});
    for (let i = 0; (await t.core.wallet.getPayment(payment.id)).status !== 'refunded'; i++) {
      if (i > 100) throw new Error('the sweep did not finish the refund');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(refundCalls('stx-eve-1')).toEqual([expect.stringContaining('Too Many Requests'), 'ok']);
    expect((await t.core.wallet.getBalance(eve.id)).balance).toBe(20);
    expect(await t.core.wallet.getPayment(payment.id)).toMatchObject({
      refundedTokens: 50,
      refundAttempts: 2,
    });
  });

  it('a charge Telegram has already refunded is booked as refunded', async () => {
    const finn: FakeUser = { id: 22003, first_name: 'Finn', language_code: 'en' };
    const payment = await buy(finn, 'stx-finn-1');
    // Refunded on Telegram's side by an earlier attempt whose answer never reached the database.
    await bot.api.refundStarPayment(finn.id, 'stx-finn-1');
    const done = await refundFromMenu(payment.id, (m) =>
      textOf(m).startsWith(`↩️ Payment #${payment.id} refunded`),
    );
    expect(textOf(done)).toContain('Tokens taken back: 50.');
    expect(refundCalls('stx-finn-1')).toEqual(['ok', 'Bad Request: CHARGE_ALREADY_REFUNDED']);
    expect((await t.core.wallet.getBalance(finn.id)).balance).toBe(20);
  });
});
