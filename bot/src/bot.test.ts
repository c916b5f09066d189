import {
  createBotHarness,
  type RecordedCall,
  setUserBlocked,
  type TestUser,
} from '@mechta/testing/botHarness';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { testRedisUrl } from '@mechta/testing/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(async () => {
  await t?.close();
});

let nextId = 9000;
const user = (over: Partial<TestUser> = {}): TestUser => ({ id: nextId++, first_name: 'Gleb', ...over });
const sent = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.text);

describe('the middleware chain', () => {
  it('handles an update delivered twice only once', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    const update = h.textUpdate(u, '/help');
    expect(sent(await h.handle(update))).toHaveLength(1);
    expect(await h.handle(structuredClone(update))).toEqual([]);
    // Another instance (a restart, or a second process) remembers it too.
    expect(await createBotHarness(t.core).handle(structuredClone(update))).toEqual([]);
  });

  it('gives a blocked user the polite message and nothing else', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/start');
    await setUserBlocked(t.core, u.id, true);
    for (const text of ['/start', '/settings', 'hello']) {
      const calls = await h.sendText(u, text);
      expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
      expect(calls[0]?.payload.text).toBe(
        'Ваш доступ к Мечте приостановлен. Если это ошибка, напишите владельцу бота.',
      );
    }
    await setUserBlocked(t.core, u.id, false);
    expect(sent(await h.sendText(u, '/start'))[0]).toContain('С возвращением');
  });

  it('answers a failing handler with a localised apology and logs the update', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🌐 Язык');
    const failure = vi
      .spyOn(t.core.users, 'updateSettings')
      .mockRejectedValueOnce(new Error('database is down'));
    const logged = vi.spyOn(t.core.logger, 'error');
    try {
      const calls = await h.pressButton(u, 'English');
      expect(sent(calls)).toEqual(['Простите, у нас что-то пошло не так. Попробуйте через минуту.']);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ updateId: expect.any(Number), userId: u.id, err: expect.any(Error) }),
        'bot update failed',
      );
    } finally {
      failure.mockRestore();
      logged.mockRestore();
    }
    expect((await t.core.users.findUser(u.id))?.language).toBe('ru');
  });

  it('turns a domain error into its own localised message', async () => {
    const { AppError } = await import('@mechta/core');
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🔔 Notifications');
    const failure = vi
      .spyOn(t.core.users, 'updateSettings')
      .mockRejectedValueOnce(new AppError('RATE_LIMITED', 'slow down'));
    try {
      expect(sent(await h.pressButton(u, '✅ Weekly summary'))).toEqual([
        'Too many requests — please slow down a little.',
      ]);
    } finally {
      failure.mockRestore();
    }
  });

  it('retries a message that hit the flood limit after retry_after', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    h.respondOnce('sendMessage', {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 0',
      parameters: { retry_after: 0 },
    });
    const calls = await h.sendText(u, '/help');
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage']);
    expect(h.lastReply()?.text).toContain('<b>Mechta</b>');
  });

  it('says it did not understand in private chats, stays quiet in groups', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    // Shorter than a dream: longer texts are offered as one (features/freeText).
    expect(sent(await h.sendText(u, 'what?'))).toEqual(["I didn't quite get that. Try /menu or /help."]);
    const inGroup = h.textUpdate(u, 'chatter');
    if (inGroup.message) inGroup.message.chat = { id: -100123, type: 'supergroup', title: 'Friends' };
    expect(sent(await h.handle(inGroup))).toEqual([]);
  });

  it('answers a button that no longer leads anywhere', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/help');
    const message = {
      message_id: 1,
      date: 0,
      chat: { id: u.id, type: 'private' as const, first_name: 'Gleb' },
    };
    const calls = await h.clickButton(u, 'settings-tz:Europe/Moscow', message);
    expect(calls).toEqual([
      {
        method: 'answerCallbackQuery',
        payload: expect.objectContaining({ text: 'This button no longer works. Try /menu.' }),
      },
    ]);
  });
});

describe.skipIf(!testRedisUrl())('with Redis (REDIS_URL set)', () => {
  let r: TestCore;
  beforeAll(async () => {
    r = await createTestCore({}, { useRedis: true });
  });
  afterAll(async () => {
    await r?.close();
  });

  it('drops redeliveries and keeps conversations across a restart', async () => {
    const first = createBotHarness(r.core);
    const u = user({ language_code: 'en' });
    const update = first.textUpdate(u, '/settings');
    await first.handle(update);
    expect(await first.handle(structuredClone(update))).toEqual([]);
    await first.pressButton(u, '⏰ Morning reminder');

    const second = createBotHarness(r.core);
    await second.sendText(u, '21:15');
    expect(second.lastReply()?.text).toBe('Morning reminder: 21:15.');
    expect((await r.core.users.findUser(u.id))?.reminderTime).toBe('21:15');
  });
});
