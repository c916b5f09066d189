import { alertAdminsOnFailedJobs } from '@mechta/core/admin/alerts';
import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from './index.ts';
import { type RunningBot, startBot } from './launch.ts';
import { createBotNotifier } from './notifier.ts';

/**
 * Text that is not ours inside HTML messages, end to end: the fake Bot API parses HTML as Telegram
 * does, so an unescaped `<` is refused (the message is lost) and a planted tag becomes an entity.
 */
let fake: FakeBotApi;
let t: TestCore;
let running: RunningBot;
const admin: FakeUser = { id: TEST_ADMIN_ID, first_name: 'Boss', language_code: 'en' };
const CRAFTED = '<b>Оля</b> & <a href="http://evil">x</a>';

beforeAll(async () => {
  fake = await startFakeBotApi();
  t = await createTestCore({ TELEGRAM_API_ROOT: fake.url, BOT_TOKEN: fake.token });
  const bot = createBot(t.core);
  t.core.setNotifier(createBotNotifier(bot, t.core));
  alertAdminsOnFailedJobs(t.core);
  fake.addUser(admin);
  running = await startBot(bot, t.core);
});
afterAll(async () => {
  await running?.stop();
  await t?.close();
  await fake?.close();
});

const textOf = (m: Message) => m.text ?? '';

describe('user text in HTML messages', () => {
  it('the referral notice shows a crafted first name as literal text, with no planted markup', async () => {
    const inviter: FakeUser = { id: 31001, first_name: 'Inviter', language_code: 'en' };
    await fake.sendText(inviter, '/start');
    await fake.waitForMessage(inviter.id, (m) => textOf(m).includes('Inviter'));
    const code = (await t.core.users.findUser(inviter.id))?.referralCode;

    const friend: FakeUser = { id: 31002, first_name: CRAFTED, language_code: 'en' };
    await fake.sendText(friend, `/start ref_${code}`);
    const notice = await fake.waitForMessage(inviter.id, (m) => textOf(m).includes('joined Mechta'));
    expect(textOf(notice)).toBe(`🎉 ${CRAFTED} joined Mechta with your invitation — you get 10 tokens!`);
    // Telegram links a bare URL in plain text by itself; what must not appear is markup of the name's own.
    expect((notice.entities ?? []).map((e) => e.type)).toEqual(['url']);
    expect(fake.calls.filter((c) => c.error)).toEqual([]);
  });

  it('an admin alert whose error text holds `<` and `&` is delivered, as literal text', async () => {
    await t.core.users.registerFromTelegram(admin);
    const job = 'test.html-alert';
    await t.core.queue.define(
      job,
      async () => {
        throw new Error('value <0 & <script>alert(1)</script>');
      },
      { retryLimit: 0 },
    );
    await t.core.queue.startWorkers();
    await t.core.queue.send(job, {});
    const alert = await fake.waitForMessage(admin.id, (m) => textOf(m).includes(job), 20_000);
    expect(textOf(alert)).toContain('value <0 & <script>alert(1)</script>');
    expect((alert.entities ?? []).filter((e) => e.type !== 'url')).toEqual([]);
    expect(fake.calls.filter((c) => c.error)).toEqual([]);
  });
});
