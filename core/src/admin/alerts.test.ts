import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentNotifier } from '../notifier.ts';
import { CREDIT_PAYMENT_JOB, registerWalletJobs } from '../wallet/jobs.ts';
import { encodePayload } from '../wallet/offers.ts';
import { alertAdminsOnFailedJobs } from './alerts.ts';

let t: TestCore;
const sent: Array<{ userId: number; text: string }> = [];
beforeAll(async () => {
  t = await createTestCore();
  t.core.setNotifier({
    ...silentNotifier,
    async text(userId, text) {
      sent.push({ userId, text });
    },
  });
  alertAdminsOnFailedJobs(t.core);
  await registerWalletJobs(t.core);
  await t.core.queue.define(
    'test.always-fails',
    async () => {
      throw new Error('the AI provider is down');
    },
    { retryLimit: 0 },
  );
  await t.core.queue.startWorkers();
});
afterAll(() => t.close());

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('tells the admins once when a job fails for good, muting repeats', async () => {
  await t.core.users.registerFromTelegram({ id: TEST_ADMIN_ID, first_name: 'Admin', language_code: 'ru' });
  await t.core.queue.send('test.always-fails', {});
  const alert = await until(() => sent.find((m) => m.userId === TEST_ADMIN_ID));
  expect(alert.text).toContain('test.always-fails');
  expect(alert.text).toContain('the AI provider is down');
  expect(alert.text).toMatch(/Фоновая задача/);
  await t.core.queue.send('test.always-fails', {});
  await new Promise((r) => setTimeout(r, 2000));
  expect(sent.filter((m) => m.userId === TEST_ADMIN_ID)).toHaveLength(1);
});

it('credits a paid order in the background when the handler could not, exactly once', async () => {
  const { user } = await t.core.users.registerFromTelegram({ id: 88_001, first_name: 'Buyer' });
  const before = (await t.core.wallet.getBalance(user.id)).balance;
  const input = {
    userId: user.id,
    payload: encodePayload({ offerId: 'tokens_50', stars: 50, userId: user.id }),
    totalAmount: 50,
    telegramChargeId: 'charge-retry-1',
  };
  await t.core.queue.send(CREDIT_PAYMENT_JOB, input);
  await t.core.queue.send(CREDIT_PAYMENT_JOB, input);
  await until(async () => (await t.core.wallet.getBalance(user.id)).balance === before + 50);
  await new Promise((r) => setTimeout(r, 1500));
  expect((await t.core.wallet.getBalance(user.id)).balance).toBe(before + 50);
});
