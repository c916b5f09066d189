import { createBotHarness, type RecordedCall, type TestUser } from '@mechta/testing/botHarness';
import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(async () => {
  await t?.close();
});

let nextId = 13000;
const user = (over: Partial<TestUser> = {}): TestUser => ({ id: nextId++, first_name: 'Oleg', ...over });
const admin: TestUser = { id: TEST_ADMIN_ID, first_name: 'Boss', language_code: 'en' };
const labels = (keyboard: { text: string }[][]) => keyboard.flat().map((b) => b.text);
const only = (calls: RecordedCall[], method: string) => calls.filter((c) => c.method === method);

/** A paid Stars payment, as the checkout would have recorded it. */
async function paidPayment(core: TestCore['core'], userId: number, offerId: string, chargeId: string) {
  const invoice = await core.wallet.invoice(userId, offerId);
  const { payment } = await core.wallet.creditStarsPayment({
    userId,
    payload: invoice.payload,
    totalAmount: invoice.offer.stars,
    telegramChargeId: chargeId,
  });
  return payment;
}

describe('/admin for everyone else', () => {
  it('answers nothing at all to /admin or to admin buttons from a non-admin', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/start');
    expect(await h.sendText(u, '/admin')).toEqual([]);
    expect(await h.sendText(u, '/admin@mechta_test_bot stats')).toEqual([]);

    // Buttons copied from a real admin menu, pressed in the non-admin's own chat.
    await h.sendText(admin, '/admin');
    const adminMenu = h.lastReply();
    const chat = { id: u.id, type: 'private' as const, first_name: u.first_name };
    const message = { message_id: 1, date: 0, chat, reply_markup: { inline_keyboard: adminMenu?.keyboard } };
    for (const button of adminMenu?.keyboard.flat() ?? []) {
      if (!('callback_data' in button)) continue;
      expect(await h.clickButton(u, button.callback_data, message as Message)).toEqual([]);
    }
    // Other commands still work for them.
    expect(only(await h.sendText(u, '/help'), 'sendMessage')).toHaveLength(1);
  });
});

describe('/admin for admins', () => {
  it('opens the menu and shows the stats', async () => {
    const h = createBotHarness(t.core);
    await h.sendText(admin, '/admin');
    expect(h.lastReply()?.text).toBe('<b>🛠 Administration</b>');
    expect(labels(h.lastReply()?.keyboard ?? [])).toEqual(['📊 Stats', '👤 Users', '💳 Payments', '✖️ Close']);

    const buyer = user();
    await h.sendText(buyer, '/start');
    await paidPayment(t.core, buyer.id, 'tokens_50', `stats-${buyer.id}`);
    const stats = await t.core.wallet.getAdminStats();
    await h.pressButton(admin, '📊 Stats');
    const text = h.lastReply()?.text ?? '';
    expect(text).toContain(`Users: <b>${stats.users}</b> (active today ${stats.activeToday}`);
    expect(text).toContain(`Stars revenue: <b>⭐ ${stats.starsRevenue}</b>`);
    expect(stats.starsRevenue).toBeGreaterThanOrEqual(50);
    expect(labels(h.lastReply()?.keyboard ?? [])).toEqual(['🔄 Refresh', '⬅️ Back']);
    await h.pressButton(admin, '⬅️ Back');
    expect(h.lastReply()?.text).toBe('<b>🛠 Administration</b>');
    await h.pressButton(admin, '✖️ Close');
    expect(h.lastReply()?.keyboard).toEqual([]);
  });

  it('finds a user by @username or id and blocks and unblocks them', async () => {
    const h = createBotHarness(t.core);
    const target = user({ first_name: 'Tanya', username: 'Tanya_Sleeps', language_code: 'ru' });
    await h.sendText(target, '/start');

    await h.sendText(admin, '/admin');
    await h.pressButton(admin, '👤 Users');
    expect(h.lastReply()?.text).toBe("Send the user's Telegram id or @username (or /cancel).");
    await h.sendText(admin, '@nobody_here');
    expect(h.lastReply()?.text).toBe(
      'Nobody found for @nobody_here. Send another id or @username, or /cancel.',
    );
    await h.sendText(admin, '@tanya_sleeps');
    const card = h.lastReply();
    expect(card?.text).toContain('<b>👤 Tanya</b> @Tanya_Sleeps');
    expect(card?.text).toContain(`id <code>${target.id}</code> · ru`);
    expect(card?.text).toContain('Status: active');
    expect(card?.text).toContain('Tokens: <b>20</b> · Plan: Free');
    expect(labels(card?.keyboard ?? [])).toEqual([
      '⛔ Block',
      '➕ Grant tokens',
      '➖ Revoke tokens',
      '🚀 Set plan',
      '⬅️ Back',
    ]);

    await h.pressButton(admin, '⛔ Block');
    expect(h.lastReply()?.text).toMatch(/^Tanya is blocked\.\n\n/);
    expect(h.lastReply()?.text).toContain('Status: ⛔ blocked');
    expect(labels(h.lastReply()?.keyboard ?? [])).toContain('✅ Unblock');
    expect((await h.sendText(target, '/balance'))[0]?.payload.text).toBe(
      'Ваш доступ к Мечте приостановлен. Если это ошибка, напишите владельцу бота.',
    );

    await h.pressButton(admin, '✅ Unblock');
    expect(h.lastReply()?.text).toContain('Status: active');
    expect((await t.core.users.findUser(target.id))?.isBlocked).toBe(false);

    // By id, a second card; an admin's own card has no Block button.
    await h.pressButton(admin, '⬅️ Back');
    await h.pressButton(admin, '👤 Users');
    await h.sendText(admin, String(TEST_ADMIN_ID));
    expect(h.lastReply()?.text).toContain('<b>👤 Boss</b>');
    expect(labels(h.lastReply()?.keyboard ?? [])).not.toContain('⛔ Block');
  });

  it('grants and revokes tokens through an amount question', async () => {
    const h = createBotHarness(t.core);
    const target = user({ first_name: 'Ivan', language_code: 'en' });
    await h.sendText(target, '/start');
    await h.sendText(admin, '/admin');
    await h.pressButton(admin, '👤 Users');
    await h.sendText(admin, String(target.id));

    await h.pressButton(admin, '➕ Grant tokens');
    expect(h.lastReply()?.text).toBe('How many tokens to give Ivan? Send a whole number (or /cancel).');
    await h.sendText(admin, 'lots');
    expect(h.lastReply()?.text).toBe('Send a whole number from 1 to 1,000,000, or /cancel.');
    const calls = await h.sendText(admin, '15');
    expect(only(calls, 'sendMessage')).toHaveLength(1);
    expect(h.lastReply()?.text).toMatch(/^➕ 15 tokens given to Ivan\. Balance: 35\.\n\n<b>👤 Ivan<\/b>/);
    expect((await t.core.wallet.getBalance(target.id)).balance).toBe(35);

    await h.pressButton(admin, '➖ Revoke tokens');
    await h.sendText(admin, '100');
    // Never below zero: what was there is taken.
    expect(h.lastReply()?.text).toMatch(/^➖ 35 tokens taken from Ivan\. Balance: 0\./);
    expect((await t.core.wallet.getBalance(target.id)).balance).toBe(0);
    const ledger = await t.core.wallet.ledger(target.id);
    expect(ledger.items.slice(0, 2).map((e) => [e.kind, e.delta, e.reason])).toEqual([
      ['revoke', -35, `admin ${TEST_ADMIN_ID} via the bot`],
      ['grant', 15, `admin ${TEST_ADMIN_ID} via the bot`],
    ]);

    // The question is over: the next number is not another grant.
    await h.sendText(admin, '5');
    expect(h.lastReply()?.text).toBe("I didn't quite get that. Try /menu or /help.");
  });

  it('/cancel leaves an amount question without moving tokens', async () => {
    const h = createBotHarness(t.core);
    const target = user();
    await h.sendText(target, '/start');
    await h.sendText(admin, '/admin');
    await h.pressButton(admin, '👤 Users');
    await h.sendText(admin, String(target.id));
    await h.pressButton(admin, '➕ Grant tokens');
    await h.sendText(admin, '/cancel');
    expect(h.lastReply()?.text).toBe('Cancelled. Nothing was saved from the unfinished step.');
    await h.sendText(admin, '50');
    expect((await t.core.wallet.getBalance(target.id)).balance).toBe(20);
  });

  it('sets a Pro plan for a number of days, and back to Free', async () => {
    const h = createBotHarness(t.core);
    const target = user({ first_name: 'Zoya' });
    await h.sendText(target, '/start');
    await h.sendText(admin, '/admin');
    await h.pressButton(admin, '👤 Users');
    await h.sendText(admin, String(target.id));

    await h.pressButton(admin, '🚀 Set plan');
    expect(h.lastReply()?.text).toBe('Choose a plan for Zoya:');
    expect(labels(h.lastReply()?.keyboard ?? [])).toEqual([
      'Pro · 24 hours',
      'Pro · 7 days',
      'Pro · 30 days',
      'Free',
      '⬅️ Back',
    ]);
    await h.pressButton(admin, 'Pro · 7 days');
    expect(h.lastReply()?.text).toMatch(/^Zoya has Pro until .+\.\n\n/);
    expect(h.lastReply()?.text).toContain('Plan: Pro until');
    const plan = await t.core.wallet.getPlan(target.id);
    expect(plan.plan).toBe('pro');
    const days = ((plan.passExpiresAt?.getTime() ?? 0) - t.clock.now.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(7);

    await h.pressButton(admin, '🚀 Set plan');
    await h.pressButton(admin, 'Free');
    expect(h.lastReply()?.text).toMatch(/^Zoya is on the Free plan now\./);
    expect((await t.core.wallet.getPlan(target.id)).plan).toBe('free');
  });
});

describe('payments and refunds', () => {
  it('refunds a payment once: Stars back through Telegram, tokens taken back', async () => {
    const h = createBotHarness(t.core);
    const buyer = user();
    await h.sendText(buyer, '/start');
    const payment = await paidPayment(t.core, buyer.id, 'tokens_150', `refund-${buyer.id}`);
    expect((await t.core.wallet.getBalance(buyer.id)).balance).toBe(170);

    // Two admin screens with the same confirmation open, as when an admin opens /admin twice.
    for (let i = 0; i < 2; i++) {
      await h.sendText(admin, '/admin');
      await h.pressButton(admin, '💳 Payments');
      expect(h.lastReply()?.text).toMatch(
        new RegExp(`#${payment.id} · .+ · ⭐ 135 · 150 tokens · user <code>${buyer.id}</code>`),
      );
      await h.pressButton(admin, `↩️ Refund #${payment.id}`);
    }
    expect(h.lastReply()?.text).toBe(
      `Refund payment #${payment.id}?\n⭐ 135 go back to user <code>${buyer.id}</code>, and what they bought (150 tokens) is taken back.`,
    );

    const calls = await h.pressButton(admin, '✅ Yes, refund');
    expect(only(calls, 'refundStarPayment').map((c) => c.payload)).toEqual([
      { user_id: buyer.id, telegram_payment_charge_id: `refund-${buyer.id}` },
    ]);
    expect(h.lastReply()?.text).toMatch(
      new RegExp(
        `^↩️ Payment #${payment.id} refunded: ⭐ 135 returned to user <code>${buyer.id}</code>\\.\\nTokens taken back: 150\\.`,
      ),
    );
    expect(h.lastReply()?.text).toMatch(new RegExp(`#${payment.id} · .+ · ↩️ refunded`));
    expect(labels(h.lastReply()?.keyboard ?? [])).not.toContain(`↩️ Refund #${payment.id}`);
    expect((await t.core.wallet.getBalance(buyer.id)).balance).toBe(20);

    // The other, older confirmation: core finds the payment refunded and Telegram is not asked again.
    const second = await h.pressButton(admin, '✅ Yes, refund');
    expect(only(second, 'refundStarPayment')).toEqual([]);
    expect(h.lastReply()?.text).toMatch(new RegExp(`^Payment #${payment.id} was already refunded\\.`));
    expect((await t.core.wallet.getBalance(buyer.id)).balance).toBe(20);
  });

  it('changes nothing when Telegram refuses the refund, and says why', async () => {
    const h = createBotHarness(t.core);
    const buyer = user();
    await h.sendText(buyer, '/start');
    const payment = await paidPayment(t.core, buyer.id, 'pass_24h', `refused-${buyer.id}`);
    await h.sendText(admin, '/admin');
    await h.pressButton(admin, '💳 Payments');
    await h.pressButton(admin, `↩️ Refund #${payment.id}`);
    h.respondOnce('refundStarPayment', {
      ok: false,
      error_code: 400,
      description: 'Bad Request: CHARGE_NOT_FOUND',
    });
    await h.pressButton(admin, '✅ Yes, refund');
    expect(h.lastReply()?.text).toMatch(
      new RegExp(
        `^Telegram refused to refund payment #${payment.id}: Bad Request: CHARGE_NOT_FOUND\\. Nothing was changed\\.`,
      ),
    );
    expect((await t.core.wallet.getPayment(payment.id)).status).toBe('paid');
    expect((await t.core.wallet.getPlan(buyer.id)).plan).toBe('pro');
    // "No" on a confirmation goes back to the list.
    await h.pressButton(admin, `↩️ Refund #${payment.id}`);
    await h.pressButton(admin, '✖️ No');
    expect(h.lastReply()?.text).toMatch(/^<b>💳 Payments<\/b> · page 1 of \d+/);
  });

  it('a refund Telegram did not take stays listed as being refunded, in Russian too, and a second press finishes it', async () => {
    const h = createBotHarness(t.core);
    const buyer = user();
    await h.sendText(buyer, '/start');
    const payment = await paidPayment(t.core, buyer.id, 'tokens_50', `later-${buyer.id}`);
    const ruAdmin: TestUser = { ...admin, language_code: 'ru' };
    await t.core.users.updateSettings(admin.id, { language: 'ru' });
    try {
      await h.sendText(ruAdmin, '/admin');
      await h.pressButton(ruAdmin, '💳 Платежи');
      await h.pressButton(ruAdmin, `↩️ Вернуть #${payment.id}`);
      h.respondOnce('refundStarPayment', {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 120',
        parameters: { retry_after: 120 },
      });
      await h.pressButton(ruAdmin, '✅ Да, вернуть');
      expect(h.lastReply()?.text).toMatch(
        new RegExp(`^⏳ Платёж #${payment.id}: возврат записан, но Telegram его ещё не подтвердил\\.`),
      );
      expect(h.lastReply()?.text).toMatch(new RegExp(`#${payment.id} · .+ · ⏳ возвращается`));
      expect((await t.core.wallet.getPayment(payment.id)).status).toBe('refunding');
      // The list still offers it: a second press asks Telegram again, and this time it goes through.
      await h.pressButton(ruAdmin, `↩️ Вернуть #${payment.id}`);
      const calls = await h.pressButton(ruAdmin, '✅ Да, вернуть');
      expect(only(calls, 'refundStarPayment')).toHaveLength(1);
      expect(h.lastReply()?.text).toMatch(new RegExp(`^↩️ Платёж #${payment.id} возвращён`));
      expect((await t.core.wallet.getBalance(buyer.id)).balance).toBe(20);
    } finally {
      await t.core.users.updateSettings(admin.id, { language: 'en' });
    }
  });

  it('pages through the payments, newest first', async () => {
    const own = await createTestCore();
    try {
      const h = createBotHarness(own.core);
      const buyer = user();
      await h.sendText(buyer, '/start');
      await h.sendText(admin, '/admin');
      await h.pressButton(admin, '💳 Payments');
      expect(h.lastReply()?.text).toBe('<b>💳 Payments</b>\nNo payments yet.');
      expect(labels(h.lastReply()?.keyboard ?? [])).toEqual(['⬅️ Back']);
      await h.pressButton(admin, '⬅️ Back');

      const ids: number[] = [];
      for (let i = 0; i < 7; i++)
        ids.push((await paidPayment(own.core, buyer.id, 'tokens_50', `page-${i}`)).id);
      await h.pressButton(admin, '💳 Payments');
      expect(h.lastReply()?.text).toMatch(/^<b>💳 Payments<\/b> · page 1 of 2 · 7 in all/);
      expect(labels(h.lastReply()?.keyboard ?? [])).toEqual([
        ...ids
          .slice(2)
          .reverse()
          .map((id) => `↩️ Refund #${id}`),
        '▶️',
        '⬅️ Back',
      ]);
      await h.pressButton(admin, '▶️');
      expect(h.lastReply()?.text).toMatch(/^<b>💳 Payments<\/b> · page 2 of 2 · 7 in all/);
      expect(labels(h.lastReply()?.keyboard ?? [])).toEqual([
        `↩️ Refund #${ids[1]}`,
        `↩️ Refund #${ids[0]}`,
        '◀️',
        '⬅️ Back',
      ]);
      // Refunding from page 2 comes back to page 2.
      await h.pressButton(admin, `↩️ Refund #${ids[0]}`);
      await h.pressButton(admin, '✅ Yes, refund');
      expect(h.lastReply()?.text).toContain('page 2 of 2');
      expect(labels(h.lastReply()?.keyboard ?? [])).toEqual([`↩️ Refund #${ids[1]}`, '◀️', '⬅️ Back']);
      await h.pressButton(admin, '◀️');
      expect(h.lastReply()?.text).toContain('page 1 of 2');
    } finally {
      await own.close();
    }
  });
});
