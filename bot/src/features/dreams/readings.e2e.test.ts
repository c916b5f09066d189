import fs from 'node:fs/promises';
import { registerDreamsJobs } from '@mechta/core';
import { tempDataDir } from '@mechta/core/dreams/testing';
import { sumLedger } from '@mechta/db';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import type { Bot } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../context.ts';
import { createBot } from '../../index.ts';
import { createBotNotifier } from '../../notifier.ts';

/* 🔮 Readings through the fake Bot API: the card's button, the lenses with prices, the reading, 👍. */

const WAIT_MS = 20_000;
const textOf = (m: Message) => m.text ?? m.caption ?? '';
const labelsOf = (m: Message) => (m.reply_markup?.inline_keyboard.flat() ?? []).map((b) => b.text);

let fake: FakeBotApi;
let t: TestCore;
let bot: Bot<BotContext>;
let polling: Promise<void> | undefined;
let dataDir: string;

beforeAll(async () => {
  dataDir = await tempDataDir();
  fake = await startFakeBotApi();
  t = await createTestCore({
    TELEGRAM_API_ROOT: fake.url,
    DATA_DIR: dataDir,
    STARTING_TOKENS: '100',
    QUOTA_FREE_TEXT: '100',
    QUOTA_FREE_IMAGE: '100',
    AI_PROVIDER: 'offline',
  });
  bot = createBot(t.core);
  t.core.setNotifier(createBotNotifier(bot, t.core));
  await registerDreamsJobs(t.core);
  await t.core.queue.startWorkers();
  await new Promise<void>((resolve, reject) => {
    polling = bot.start({ onStart: () => resolve() }).catch(reject);
  });
});
afterAll(async () => {
  await bot.stop();
  await polling;
  await t.close();
  await fake.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const CASES = [
  {
    lang: 'en',
    user: { id: 43_001, first_name: 'Ann', language_code: 'en' } as FakeUser,
    ask: '🌙 Tell me your dream',
    save: '✅ Save',
    dream: 'I was swimming in a warm sea near my old house at night and felt afraid of the dark water.',
    readings: '🔮 Readings',
    choose: 'Which lens',
    jung: /^Jungian \(archetypes\) — 1 token$/,
    title: 'Jungian (archetypes)',
    symbol: 'sea',
    offline: 'Read from the symbol dictionary, without AI.',
    fits: '👍 Fits',
    toast: "Noted: it fits. I'll take that into account next time.",
    folk: /^Folk symbolism \(folklore\)/,
    folklore: 'folklore',
    leaning: 'The Jungian lens fitted you before',
  },
  {
    lang: 'ru',
    user: { id: 43_002, first_name: 'Аня', language_code: 'ru' } as FakeUser,
    ask: '🌙 Расскажите сон',
    save: '✅ Сохранить',
    dream: 'Мне снилось, что я плыву в тёплом море у старого дома ночью, и мне было страшно.',
    readings: '🔮 Прочтения',
    choose: 'Через какую линзу',
    jung: /^Юнгианское \(архетипы\) — 1 токен$/,
    title: 'Юнгианское (архетипы)',
    symbol: 'море',
    offline: 'Прочтение по словарю символов, без ИИ.',
    fits: '👍 Подходит',
    toast: 'Я запомнила: подходит. Учту это в следующих прочтениях.',
    folk: /^Народные поверья \(фольклор\)/,
    folklore: 'фольклор',
    leaning: 'Раньше вам подходил юнгианский взгляд',
  },
] as const;

describe.each(CASES)('readings in the chat ($lang)', (c) => {
  it('press Readings → Jung → a reading arrives → 👍; the folk reading then leans on Jung', async () => {
    const { user } = c;
    await fake.sendText(user, '/dream');
    await fake.waitForMessage(user.id, (m) => textOf(m).startsWith(c.ask));
    await fake.sendText(user, c.dream);
    const review = await fake.waitForMessage(user.id, (m) => labelsOf(m).includes(c.save));
    await fake.pressButton(user, review, c.save);
    const card = await fake.waitForMessage(user.id, (m) => labelsOf(m).includes(c.readings), WAIT_MS);

    await fake.pressButton(user, card, c.readings);
    const menu = await fake.waitForMessage(user.id, (m) => textOf(m).startsWith(c.choose));
    expect(labelsOf(menu)).toHaveLength(3);
    expect(labelsOf(menu)[0]).toMatch(c.jung);

    const before = await sumLedger(t.core.db, user.id);
    await fake.pressButton(user, menu, c.jung);
    const reading = await fake.waitForMessage(user.id, (m) => textOf(m).startsWith(`🔮 ${c.title}`), WAIT_MS);
    expect(textOf(reading)).toContain(c.symbol);
    expect(textOf(reading)).toContain(c.offline);
    expect(labelsOf(reading)).toEqual([c.fits, expect.stringMatching(/^👎/)]);
    expect(await sumLedger(t.core.db, user.id)).toBe(before - 1);

    const since = fake.calls.length;
    await fake.pressButton(user, reading, c.fits);
    const answer = await fake.waitForCall('answerCallbackQuery', (call) => call.payload.text === c.toast, {
      since,
      timeoutMs: WAIT_MS,
    });
    expect(answer).toBeDefined();
    await fake.waitForMessage(
      user.id,
      (m) => m.message_id === reading.message_id && labelsOf(m)[0] === `✅ ${c.fits}`,
    );

    // The same lens again is the stored reading, free; the menu says it is read.
    const menu2 = fake.messagesTo(user.id).find((m) => m.message_id === menu.message_id) as Message;
    await fake.pressButton(user, menu2, c.folk);
    const folk = await fake.waitForMessage(
      user.id,
      (m) => textOf(m).includes(c.folklore) && m.message_id > reading.message_id,
      WAIT_MS,
    );
    expect(textOf(folk)).toContain(c.leaning);
    expect(await sumLedger(t.core.db, user.id)).toBe(before - 2);
  });
});
