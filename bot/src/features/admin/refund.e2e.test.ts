import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../index.ts';
import { type RunningBot, startBot } from '../../launch.ts';

/** An admin refunds a real (fake-Telegram) Stars payment through the /admin menu of the polling bot. */
let fake: FakeBotApi;
let t: TestCore;
let running: RunningBot;
const admin: FakeUser = { id: TEST_ADMIN_ID, first_name: 'Boss', language_code: 'en' };

beforeAll(async () => {
  fake = await startFakeBotApi();
  t = await createTestCore({ TELEGRAM_API_ROOT: fake.url, BOT_TOKEN: fake.token });
  running = await startBot(createBot(t.core), t.core);
});
afterAll(async () => {
  await running?.stop();
  await t?.close();
  await fake?.close();
});

const textOf = (m: Message) => m.text ?? '';
const hasButton = (label: string) => (m: Message) =>
  (m.reply_markup?.inline_keyboard.flat() ?? []).some((b) => b.text === label);

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
    expect((await t.core.wallet.getPayment(payment.id)).status).toBe('refunded');
    // The user's ledger tells them what happened.
    await fake.sendText(dora, '/balance');
    const card = await fake.waitForMessage(dora.id, (m) => textOf(m).includes('Your wallet'));
    expect(textOf(card)).toMatch(/−50 · Purchase refunded · /);
  });
});
