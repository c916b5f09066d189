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

let nextId = 7000;
const user = (over: Partial<TestUser> = {}): TestUser => ({ id: nextId++, first_name: 'Vera', ...over });
const labels = (keyboard: { text: string }[][]) => keyboard.flat().map((b) => b.text);

describe('/settings', () => {
  it('shows the current settings with the settings menu', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/settings');
    const card = h.lastReply();
    expect(card?.text).toContain('<b>Настройки</b>');
    expect(card?.text).toContain('Язык: Русский');
    expect(card?.text).toContain('Утреннее напоминание: 08:00');
    expect(card?.text).toContain('День начинается в: 04:00');
    expect(card?.text).toContain('Дата рождения: не указана');
    expect(labels(card?.keyboard ?? [])).toEqual([
      '🌐 Язык',
      '🕰 Часовой пояс',
      '⏰ Утреннее напоминание',
      '🎂 Дата рождения',
      '🌅 День начинается в',
      '🔔 Уведомления',
      '⬅️ Назад',
    ]);
  });

  it('asks for the time zone again after an unknown one, then saves a good one', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🕰 Time zone');
    expect(h.lastReply()?.text).toContain('Send your time zone');
    expect(labels(h.lastReply()?.keyboard ?? [])).toContain('London');

    await h.sendText(u, 'Mars/Olympus');
    expect(h.lastReply()?.text).toBe("That didn't work: unknown time zone.\nTry again or send /cancel.");
    expect((await t.core.users.findUser(u.id))?.timezone).toBe('UTC');

    // Replaying the conversation's earlier steps must not send their messages again.
    const calls = await h.sendText(u, 'europe/moscow');
    expect(calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.text)).toEqual([
      'Time zone set to Europe/Moscow.',
    ]);
    expect((await t.core.users.findUser(u.id))?.timezone).toBe('Europe/Moscow');

    // The conversation is over: the next text is not read as a time zone.
    await h.sendText(u, 'Asia/Tokyo');
    expect(h.lastReply()?.text).toBe("I didn't quite get that. Try /menu or /help.");
  });

  it('takes a UTC offset or a quick button for the time zone', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🕰 Часовой пояс');
    await h.sendText(u, 'UTC+3');
    expect(h.lastReply()?.text).toBe('Часовой пояс: UTC+3.');
    expect((await t.core.users.findUser(u.id))?.timezone).toBe('Etc/GMT-3');

    await h.sendText(u, '/settings');
    await h.pressButton(u, '🕰 Часовой пояс');
    const calls = await h.pressButton(u, 'Алматы');
    expect(calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
    expect(h.lastReply()?.text).toBe('Часовой пояс: Asia/Almaty.');
    expect((await t.core.users.findUser(u.id))?.timezone).toBe('Asia/Almaty');
  });

  it('rejects an impossible date of birth and saves a real one, or clears it', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🎂 Дата рождения');
    expect(h.lastReply()?.text).toContain('ДД.ММ.ГГГГ');

    await h.sendText(u, '31.02.1990');
    expect(h.lastReply()?.text).toBe(
      'Не получилось: такой даты рождения не бывает.\nПопробуйте ещё раз или отправьте /cancel.',
    );
    expect((await t.core.users.findUser(u.id))?.birthDate).toBeNull();

    await h.sendText(u, '28.02.1990');
    expect(h.lastReply()?.text).toBe('Дата рождения сохранена: 28.02.1990.');
    expect((await t.core.users.findUser(u.id))?.birthDate).toBe('1990-02-28');

    await h.sendText(u, '/settings');
    expect(h.lastReply()?.text).toContain('Дата рождения: 28.02.1990');
    await h.pressButton(u, '🎂 Дата рождения');
    await h.sendText(u, 'очистить');
    expect(h.lastReply()?.text).toBe('Дата рождения удалена.');
    expect((await t.core.users.findUser(u.id))?.birthDate).toBeNull();
  });

  it('sets the morning reminder time or switches it off', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '⏰ Morning reminder');
    await h.sendText(u, '25:00');
    expect(h.lastReply()?.text).toBe("That didn't work: use HH:MM, e.g. 08:30.\nTry again or send /cancel.");
    await h.sendText(u, '7.30');
    expect(h.lastReply()?.text).toBe('Morning reminder: 07:30.');
    expect((await t.core.users.findUser(u.id))?.reminderTime).toBe('07:30');

    await h.sendText(u, '/settings');
    await h.pressButton(u, '⏰ Morning reminder');
    await h.sendText(u, 'off');
    expect(h.lastReply()?.text).toBe('Morning reminder: off.');
    // Off is the 🔔 switch; the hour is kept for when it is switched back on.
    expect((await t.core.users.findUser(u.id))?.notifications.morning).toBe(false);
  });

  it('toggles notification switches', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🔔 Notifications');
    expect(h.lastReply()?.text).toBe('Tap to switch notifications on or off:');
    expect(labels(h.lastReply()?.keyboard ?? [])).toContain('✅ Weekly summary');
    await h.pressButton(u, '✅ Weekly summary');
    expect(labels(h.lastReply()?.keyboard ?? [])).toContain('▫️ Weekly summary');
    expect((await t.core.users.findUser(u.id))?.notifications.weekly).toBe(false);
    await h.pressButton(u, '▫️ Weekly summary');
    expect((await t.core.users.findUser(u.id))?.notifications.weekly).toBe(true);
    await h.pressButton(u, '⬅️ Back');
    expect(h.lastReply()?.text).toContain('<b>Settings</b>');
  });
});

describe('leaving a settings question', () => {
  it('/cancel leaves the conversation: the next text is not taken as input', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🕰 Time zone');
    await h.sendText(u, '/cancel');
    expect(h.lastReply()?.text).toBe('Cancelled. Nothing was saved from the unfinished step.');
    await h.sendText(u, 'Europe/Berlin');
    expect(h.lastReply()?.text).toBe("I didn't quite get that. Try /menu or /help.");
    expect((await t.core.users.findUser(u.id))?.timezone).toBe('UTC');
    await h.sendText(u, '/cancel');
    expect(h.lastReply()?.text).toBe("There's nothing to cancel.");
  });

  it('another command ends the question and is handled as usual', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🎂 Date of birth');
    await h.sendText(u, '/help');
    expect(h.lastReply()?.text).toContain('<b>Mechta</b> keeps your dreams');
    await h.sendText(u, '01.01.2000');
    expect(h.lastReply()?.text).toBe("I didn't quite get that. Try /menu or /help.");
  });

  it('another settings button switches to that question', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🕰 Time zone');
    await h.pressButton(u, '⏰ Morning reminder');
    expect(h.lastReply()?.text).toContain('At what local time');
    await h.sendText(u, '06:45');
    expect(h.lastReply()?.text).toBe('Morning reminder: 06:45.');
  });
});

describe('state that survives a restart', () => {
  it('a second bot instance continues a conversation the first one started', async () => {
    const first = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await first.sendText(u, '/settings');
    await first.pressButton(u, '🕰 Time zone');
    await first.sendText(u, 'Atlantis/Capital');

    const second = createBotHarness(t.core);
    await second.sendText(u, 'Asia/Almaty');
    expect(second.lastReply()?.text).toBe('Time zone set to Asia/Almaty.');
    expect((await t.core.users.findUser(u.id))?.timezone).toBe('Asia/Almaty');
  });

  it('changes the language, replying in the new one, and a restarted bot keeps it', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/settings');
    await h.pressButton(u, '🌐 Язык');
    expect(h.lastReply()?.text).toBe('Выберите язык:');
    await h.pressButton(u, 'English');
    const [card, confirmation] = h.replies().slice(-2);
    expect(card?.text).toContain('Language: English');
    expect(labels(card?.keyboard ?? [])).toContain('🕰 Time zone');
    expect(confirmation?.text).toBe('Language set to English.');
    expect((await t.core.users.findUser(u.id))?.language).toBe('en');

    const restarted = createBotHarness(t.core);
    await restarted.sendText(u, '/start');
    expect(restarted.replies().at(-2)?.text).toBe('Welcome back, Vera! What shall we do?');
  });
});
