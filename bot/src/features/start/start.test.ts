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

let nextId = 5000;
const user = (over: Partial<TestUser> = {}): TestUser => ({ id: nextId++, first_name: 'Alice', ...over });
const labels = (keyboard: { text: string }[][]) => keyboard.flat().map((b) => b.text);
/** /start greets in a message of its own and sends the main menu after it (see start/menu.ts). */
const menuIndex = (h: ReturnType<typeof createBotHarness>) => {
  const replies = h.replies();
  for (let i = replies.length - 1; i >= 0; i--) {
    if (replies[i]?.text === 'Главное меню' || replies[i]?.text === 'Main menu') return i;
  }
  return -1;
};
/** The latest main menu (a newcomer is asked for a time zone after it). */
const menuOf = (h: ReturnType<typeof createBotHarness>) => h.replies()[menuIndex(h)];
/** /start greets in a message of its own, just before the main menu. */
const greeting = (h: ReturnType<typeof createBotHarness>) => h.replies()[menuIndex(h) - 1];

describe('/start', () => {
  it('greets a new Russian-speaking user in Russian with the main menu', async () => {
    const h = createBotHarness(t.core);
    const anna = user({ first_name: 'Анна', language_code: 'ru' });
    await h.sendText(anna, '/start');
    expect(greeting(h)?.text).toContain('Привет, Анна!');
    expect(greeting(h)?.keyboard ?? []).toEqual([]);
    const reply = menuOf(h);
    expect(reply?.text).toBe('Главное меню');
    // The welcome promises the free plan's daily picture quota (1 by default), not a picture per dream.
    expect(greeting(h)?.text).toContain(
      'На бесплатном тарифе я ещё нарисую картинку к первому сну каждого дня.',
    );
    expect(greeting(h)?.text).not.toContain('нарисую и сохраню');
    expect(labels(reply?.keyboard ?? [])).toEqual([
      '🌙 Записать сон',
      '📖 Дневник',
      '🌍 Лента',
      '💎 Баланс',
      '⚙️ Настройки',
      '❓ Помощь',
    ]);
    const saved = await t.core.users.findUser(anna.id);
    expect(saved?.language).toBe('ru');
  });

  it('greets a new English-speaking user in English and a returning one as returning', async () => {
    const h = createBotHarness(t.core);
    const bob = user({ first_name: 'Bob', language_code: 'en-GB' });
    await h.sendText(bob, '/start');
    expect(greeting(h)?.text).toContain("Hi, Bob! ✨ I'm Mechta");
    expect(greeting(h)?.text).toContain(
      'On the free plan I also draw a picture for your first dream each day.',
    );
    expect(labels(menuOf(h)?.keyboard ?? [])).toContain('🌙 Log a dream');
    await h.sendText(bob, '/start');
    expect(greeting(h)?.text).toBe('Welcome back, Bob! What shall we do?');
    expect(labels(h.lastReply()?.keyboard ?? [])).toContain('⚙️ Settings');
  });

  it('records who invited a user who came through /start ref_<code>', async () => {
    const h = createBotHarness(t.core);
    const inviter = user({ first_name: 'Ivan', language_code: 'ru' });
    await h.sendText(inviter, '/start');
    const code = (await t.core.users.findUser(inviter.id))?.referralCode;
    const friend = user({ first_name: 'Friend', language_code: 'en' });
    await h.sendText(friend, `/start ref_${code}`);
    expect(greeting(h)?.text).toContain('You joined through a friend');
    expect((await t.core.users.findUser(friend.id))?.referredBy).toBe(inviter.id);
  });

  it('greets on /start with another payload, keeping it for deep links', async () => {
    const h = createBotHarness(t.core);
    const carol = user({ first_name: 'Carol', language_code: 'en' });
    await h.sendText(carol, '/start dream_42');
    expect(greeting(h)?.text).toContain('Hi, Carol!');
    expect((await t.core.users.findUser(carol.id))?.referredBy).toBeNull();
  });
});

describe('/help, /menu and the main menu', () => {
  it('shows help in the user language', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/help');
    expect(h.lastReply()?.text).toContain('/dream — записать сон');
    expect(h.lastReply()?.payload.parse_mode).toBe('HTML');
  });

  it('offers only what works: no button or help line for features not built yet, which still answer when typed', async () => {
    for (const [language, comingSoon] of [
      ['en', 'This part of Mechta is coming soon.'],
      ['ru', 'Этот раздел Мечты скоро появится.'],
    ] as const) {
      const h = createBotHarness(t.core);
      const u = user({ language_code: language });
      await h.sendText(u, '/menu');
      const menu = labels(h.lastReply()?.keyboard ?? []);
      expect(menu).not.toContain(language === 'en' ? '🔮 Energy of the day' : '🔮 Энергия дня');
      await h.pressButton(u, language === 'en' ? '❓ Help' : '❓ Помощь');
      const help = h.lastReply()?.text ?? '';
      expect(help).toContain(language === 'en' ? '<b>Mechta</b> keeps your dreams' : '<b>Мечта</b> хранит');
      for (const planned of [
        '/moment',
        '/today',
        '/wheel',
        '/wants',
        '/goals',
        '/ritual',
        '/export',
        '/delete_me',
      ]) {
        expect(help).not.toContain(planned);
      }
      // Offline there is no transcription, so help does not promise voice.
      expect(help).toContain(
        language === 'en' ? '/dream — log a dream (as text)' : '/dream — записать сон (текстом)',
      );
      await h.sendText(u, '/today');
      expect(h.lastReply()?.text).toBe(comingSoon);
    }
  });

  it('opens the settings card in place from the main menu', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    await h.sendText(u, '/menu');
    await h.pressButton(u, '⚙️ Settings');
    const card = h.lastReply();
    expect(card?.method).toBe('editMessageText');
    expect(card?.text).toContain('Time zone: UTC');
    expect(labels(card?.keyboard ?? [])).toContain('🌐 Language');
  });

  it('adds an "Open Mechta" Mini App button when PUBLIC_URL is https', async () => {
    const https = await createTestCore({ PUBLIC_URL: 'https://mechta.example' });
    try {
      const h = createBotHarness(https.core);
      await h.sendText(user({ language_code: 'en' }), '/menu');
      const button = h
        .lastReply()
        ?.keyboard.flat()
        .find((b) => b.text === '📱 Open Mechta');
      expect(button && 'web_app' in button ? button.web_app.url : undefined).toBe('https://mechta.example/');
    } finally {
      await https.close();
    }
  });

  it('does not offer the Mini App button over plain http', async () => {
    const h = createBotHarness(t.core);
    await h.sendText(user({ language_code: 'en' }), '/menu');
    expect(labels(h.lastReply()?.keyboard ?? [])).not.toContain('📱 Open Mechta');
  });
});

describe('/cancel and unbuilt commands', () => {
  it('says there is nothing to cancel outside a conversation', async () => {
    const h = createBotHarness(t.core);
    await h.sendText(user({ language_code: 'ru' }), '/cancel');
    expect(h.lastReply()?.text).toBe('Отменять нечего.');
  });

  it('answers every planned command with "coming soon", never silence', async () => {
    const h = createBotHarness(t.core);
    const u = user({ language_code: 'en' });
    for (const command of ['/moment', '/today', '/delete_me']) {
      const calls = await h.sendText(u, command);
      expect(calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.text)).toEqual([
        'This part of Mechta is coming soon.',
      ]);
    }
  });

  it('keeps /admin to admins: anyone else gets no answer at all', async () => {
    const h = createBotHarness(t.core);
    expect(await h.sendText(user({ language_code: 'en' }), '/admin')).toEqual([]);
  });
});
