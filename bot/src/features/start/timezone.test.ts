import { createBotHarness, type TestUser } from '@mechta/testing/botHarness';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(async () => {
  await t?.close();
});

let nextId = 9300;
const user = (over: Partial<TestUser> = {}): TestUser => ({ id: nextId++, first_name: 'Аня', ...over });
const labels = (keyboard: { text: string }[][]) => keyboard.flat().map((b) => b.text);
const zoneOf = async (id: number) => (await t.core.users.findUser(id))?.timezone;

describe('the time zone question at onboarding', () => {
  it('asks a new Russian user after the greeting, "Москва" saves Europe/Moscow, and /settings shows it', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/start');
    expect(h.replies().at(-3)?.text).toContain('Привет, Аня!');
    expect(h.replies().at(-2)?.text).toBe('Главное меню');
    const question = h.lastReply();
    expect(question?.text).toContain('В каком вы часовом поясе?');
    expect(labels(question?.keyboard ?? []).slice(0, 3)).toEqual([
      'Москва',
      'Санкт-Петербург',
      'Екатеринбург',
    ]);
    expect(labels(question?.keyboard ?? [])).toEqual(
      expect.arrayContaining(['Киев', 'Другой…', 'Пропустить']),
    );

    const calls = await h.pressButton(u, 'Москва');
    expect(calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
    expect(h.lastReply()?.text).toBe('Часовой пояс: Europe/Moscow.');
    expect(await zoneOf(u.id)).toBe('Europe/Moscow');
    expect((await t.core.users.findUser(u.id))?.timezoneSource).toBe('user');

    await h.sendText(u, '/settings');
    expect(h.lastReply()?.text).toContain('Часовой пояс: Europe/Moscow');
    expect(h.lastReply()?.text).toContain('День начинается в: 04:00');

    // A returning /start does not ask again.
    await h.sendText(u, '/start');
    expect(h.lastReply()?.text).toBe('Главное меню');
    expect(h.replies().at(-2)?.text).toContain('С возвращением');
  });

  it('"Other…" takes a typed zone in English, asks again after a bad one, and /settings shows it', async () => {
    const h = createBotHarness(t.core);
    const u = user({ first_name: 'Bob', language_code: 'en' });
    await h.sendText(u, '/start');
    expect(labels(h.lastReply()?.keyboard ?? []).slice(0, 3)).toEqual(['London', 'New York', 'Los Angeles']);
    await h.pressButton(u, 'Other…');
    expect(h.lastReply()?.text).toContain('Send your time zone');

    await h.sendText(u, 'Atlantis/Nowhere');
    expect(h.lastReply()?.text).toBe("That didn't work: unknown time zone.\nTry again or send /cancel.");
    expect(await zoneOf(u.id)).toBe('UTC');

    await h.sendText(u, 'Asia/Tokyo');
    expect(h.lastReply()?.text).toBe('Time zone set to Asia/Tokyo.');
    await h.sendText(u, '/settings');
    expect(h.lastReply()?.text).toContain('Time zone: Asia/Tokyo');
  });

  it('"Другой…" takes a city name or a UTC offset', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/start');
    await h.pressButton(u, 'Другой…');
    await h.sendText(u, 'новосибирск');
    expect(await zoneOf(u.id)).toBe('Asia/Novosibirsk');

    const v = user({ language_code: 'en' });
    await h.sendText(v, '/start');
    await h.pressButton(v, 'Other…');
    await h.sendText(v, 'tokyo');
    expect(await zoneOf(v.id)).toBe('Asia/Tokyo');
    await h.sendText(v, '/settings');
    await h.pressButton(v, '🕰 Time zone');
    await h.sendText(v, 'UTC+5');
    expect(h.lastReply()?.text).toBe('Time zone set to UTC+5.');
  });

  it('"Skip" keeps UTC and says where to change it; the Mini App may still fill it in', async () => {
    const h = createBotHarness(t.core);
    const u = user({ first_name: 'Kim', language_code: 'en' });
    await h.sendText(u, '/start');
    await h.pressButton(u, 'Skip');
    expect(h.lastReply()?.text).toBe("I'll keep UTC for now; you can change it any time in /settings.");
    const saved = await t.core.users.findUser(u.id);
    expect(saved).toMatchObject({ timezone: 'UTC', timezoneSource: null });
  });
});

describe('the morning reminder has one switch', () => {
  it('"Утреннее напоминание: выключено" shows off on the 🔔 screen too, and back on both ways', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/start');
    await h.sendText(u, '/settings');
    await h.pressButton(u, '⏰ Утреннее напоминание');
    await h.sendText(u, 'выкл');
    expect(h.lastReply()?.text).toBe('Утреннее напоминание: выключено.');

    await h.sendText(u, '/settings');
    expect(h.lastReply()?.text).toContain('Утреннее напоминание: выключено');
    await h.pressButton(u, '🔔 Уведомления');
    expect(labels(h.lastReply()?.keyboard ?? [])).toContain('▫️ Утреннее напоминание');

    // Switched on from the 🔔 screen: the card shows the kept hour again.
    await h.pressButton(u, '▫️ Утреннее напоминание');
    expect(labels(h.lastReply()?.keyboard ?? [])).toContain('✅ Утреннее напоминание');
    await h.pressButton(u, '⬅️ Назад');
    expect(h.lastReply()?.text).toContain('Утреннее напоминание: 08:00');
  });

  it('in English: a reminder time switches the 🔔 switch on', async () => {
    const h = createBotHarness(t.core);
    const u = user({ first_name: 'Lee', language_code: 'en' });
    await h.sendText(u, '/start');
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🔔 Notifications');
    await h.pressButton(u, '✅ Morning reminder');
    await h.pressButton(u, '⬅️ Back');
    expect(h.lastReply()?.text).toContain('Morning reminder: off');
    await h.pressButton(u, '⏰ Morning reminder');
    await h.sendText(u, '06:45');
    await h.sendText(u, '/settings');
    expect(h.lastReply()?.text).toContain('Morning reminder: 06:45');
    await h.pressButton(u, '🔔 Notifications');
    expect(labels(h.lastReply()?.keyboard ?? [])).toContain('✅ Morning reminder');
  });
});

describe('day start in /settings', () => {
  it('saves a new day start and refuses a bad one', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🌅 День начинается в');
    expect(h.lastReply()?.text).toContain('Во сколько начинается ваш день?');
    await h.sendText(u, '29:00');
    expect(h.lastReply()?.text).toBe(
      'Не получилось: формат ЧЧ:ММ, например 04:00.\nПопробуйте ещё раз или отправьте /cancel.',
    );
    await h.sendText(u, '5:30');
    expect(h.lastReply()?.text).toBe('Теперь ваш день начинается в 05:30.');
    expect((await t.core.users.findUser(u.id))?.dayStartsAt).toBe('05:30');
  });
});

describe("the journal's dates follow the day start", () => {
  it('lists a dream written at 02:00 in Moscow under the night before, in Russian and English', async () => {
    const h = createBotHarness(t.core);
    for (const language_code of ['ru', 'en']) {
      const u = user({ language_code });
      await h.sendText(u, '/start');
      await t.core.users.updateSettings(u.id, { timezone: 'Europe/Moscow' });
      // 02:00 in Moscow (UTC+3, no DST).
      const moscow = new Date(t.clock.now.getTime() + 3 * 3_600_000);
      const toTwo = (26 * 3600 - (moscow.getUTCHours() * 3600 + moscow.getUTCMinutes() * 60)) % 86_400;
      t.clock.advance(toTwo);
      const night = new Date(t.clock.now.getTime() + 3 * 3_600_000 - 86_400_000);
      const expected = `${String(night.getUTCDate()).padStart(2, '0')}${language_code === 'ru' ? '.' : '/'}${String(night.getUTCMonth() + 1).padStart(2, '0')}`;
      await t.core.dreams.create(u.id, {
        text: 'A long corridor of doors, each one opening onto the sea.',
        source: 'api',
      });
      await h.sendText(u, '/dreams');
      const row = labels(
        h
          .replies()
          .filter((r) => r.chatId === u.id)
          .at(-1)?.keyboard ?? [],
      ).find((l) => l.startsWith(expected));
      expect(row, `a journal row dated ${expected}`).toBeDefined();
    }
  });
});
