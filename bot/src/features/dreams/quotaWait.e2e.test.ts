import fs from 'node:fs/promises';
import { registerDreamsJobs } from '@mechta/core';
import { tempDataDir } from '@mechta/core/dreams/testing';
import { nextLocalMidnight } from '@mechta/core/wallet/day';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import type { Bot } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../context.ts';
import { createBot } from '../../index.ts';
import { createBotNotifier } from '../../notifier.ts';

/* Over the daily analysis quota a dream is kept and waits; a "no AI" save; the mood on waking. */

const WAIT_MS = 20_000;
const DREAM = 'I was flying over a sleeping city at night, the lights below were warm and I was not afraid.';
const SON = 'Мне снилось, что я летаю над ночным городом, внизу тёплые огни, и мне совсем не страшно.';

const textOf = (m: Message) => m.text ?? m.caption ?? '';
const labelsOf = (m: Message) => m.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];

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
    AI_PROVIDER: 'offline',
    STARTING_TOKENS: '100',
    QUOTA_FREE_TEXT: '1',
    QUOTA_FREE_IMAGE: '0',
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
  await bot?.stop();
  await polling;
  await t?.close();
  await fake?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const texts = {
  en: {
    ask: '🌙 Tell me your dream',
    save: '✅ Save',
    quiet: '📓 Save without analysis',
    card: 'A short reading from the symbol dictionary',
  },
  ru: {
    ask: '🌙 Расскажите сон',
    save: '✅ Сохранить',
    quiet: '📓 Сохранить без разбора',
    card: 'Краткий разбор по словарю символов',
  },
};

/** /dream → the text → the review; the review message. */
async function review(user: FakeUser, text: string): Promise<Message> {
  const lang = user.language_code as 'en' | 'ru';
  const since = Math.max(0, ...fake.messagesTo(user.id).map((m) => m.message_id));
  await fake.sendText(user, '/dream');
  await fake.waitForMessage(user.id, (m) => textOf(m).startsWith(texts[lang].ask) && m.message_id > since);
  await fake.sendText(user, text);
  return fake.waitForMessage(user.id, (m) => labelsOf(m).includes(texts[lang].save) && m.message_id > since);
}

/** Saves a dream from its review with `button`; the message that tells what became of it. */
async function save(user: FakeUser, text: string, button: 'save' | 'quiet' = 'save'): Promise<number> {
  const lang = user.language_code as 'en' | 'ru';
  const r = await review(user, text);
  const since = fake.calls.length;
  await fake.pressButton(user, r, texts[lang][button]);
  const note = await fake.waitForCall(
    'sendMessage',
    (c) => Number(c.payload.chat_id) === user.id && !String(c.payload.text).includes(text),
    { since, timeoutMs: WAIT_MS },
  );
  return (note.result as Message).message_id;
}

const shown = (user: FakeUser, id: number, p: (m: Message) => boolean) =>
  fake.waitForMessage(user.id, (m) => m.message_id === id && p(m), WAIT_MS);

describe('a dream over the daily analysis quota', () => {
  it('English: the 2nd dream of the day is saved, told to wait with Pro and tokens offers, and analysed at once after buying Pro', async () => {
    const ann: FakeUser = { id: 61_001, first_name: 'Ann', language_code: 'en' };
    const first = await save(ann, DREAM);
    await shown(ann, first, (m) => textOf(m).includes(texts.en.card));

    const second = await save(ann, `${DREAM} Then I landed by the sea.`);
    const waiting = await shown(ann, second, (m) =>
      textOf(m).startsWith('🌙 I saved your dream in the journal.'),
    );
    expect(textOf(waiting)).toContain("Today's 1 analyses are used up");
    expect(textOf(waiting)).not.toMatch(/«|text quota/);
    expect(labelsOf(waiting).some((l) => l.startsWith('🚀 Pro'))).toBe(true);
    expect(labelsOf(waiting).some((l) => l.startsWith('💎'))).toBe(true);
    const journal = await t.core.dreams.list(ann.id, {});
    expect(journal.total).toBe(2);
    expect(journal.items[0]?.analysis_status).toBe('waiting_quota');

    await fake.pressButton(ann, waiting, /^🚀 Pro/);
    const invoice = await fake.waitForMessage(ann.id, (m) => m.invoice !== undefined);
    expect((await fake.payInvoice(ann, invoice)).ok).toBe(true);
    // The waiting message becomes the analysis card.
    const card = await shown(ann, second, (m) => textOf(m).includes(texts.en.card));
    expect(textOf(card)).toContain('Then I landed by the sea.');
  });

  it('Russian: the 2nd dream waits and is analysed on the next local day (Yekaterinburg)', async () => {
    const olya: FakeUser = { id: 61_002, first_name: 'Оля', language_code: 'ru' };
    await fake.sendText(olya, '/start');
    await fake.waitForMessage(olya.id, () => true);
    await t.core.users.updateSettings(olya.id, { timezone: 'Asia/Yekaterinburg' });
    const first = await save(olya, SON);
    await shown(olya, first, (m) => labelsOf(m).length > 0 && !textOf(m).startsWith('🔮'));

    const second = await save(olya, `${SON} Потом я приземлилась у моря.`);
    const waiting = await shown(olya, second, (m) => textOf(m).startsWith('🌙 Я сохранила сон в дневник.'));
    expect(textOf(waiting)).toContain('Сегодняшние разборы (1) закончились');
    expect(textOf(waiting)).toContain('С Pro');
    expect(labelsOf(waiting).some((l) => l.startsWith('🚀 Pro'))).toBe(true);
    const [dream] = (await t.core.dreams.list(olya.id, {})).items;
    expect(dream?.analysis_status).toBe('waiting_quota');

    const midnight = nextLocalMidnight(t.clock.now, 'Asia/Yekaterinburg', '04:00');
    t.clock.advance((midnight.getTime() - t.clock.now.getTime()) / 1000 + 60);
    expect(await t.core.dreams.sweepWaiting()).toBeGreaterThanOrEqual(1);
    const card = await shown(
      olya,
      second,
      (m) => textOf(m).includes('Потом я приземлилась у моря.') && labelsOf(m).length > 0,
    );
    expect(textOf(card)).not.toContain('Разбор ждёт');
  });
});

describe('a "no AI" save and the mood on waking', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`${lang}: saved without analysis, nothing charged; "Analyse" later analyses it`, async () => {
      const user: FakeUser = { id: lang === 'en' ? 61_003 : 61_004, first_name: 'Kit', language_code: lang };
      const r = await review(user, lang === 'en' ? DREAM : SON);
      await fake.pressButton(user, r, '🌅 4');
      await fake.waitForMessage(
        user.id,
        (m) => m.message_id === r.message_id && labelsOf(m).includes('✅ 🌅 4') && textOf(m).includes('🌅'),
      );
      const before = (await t.core.wallet.getBalance(user.id)).balance;
      const current = fake.messagesTo(user.id).find((m) => m.message_id === r.message_id)!;
      const since = fake.calls.length;
      await fake.pressButton(user, current, texts[lang].quiet);
      await fake.waitForCall('sendMessage', (c) => Number(c.payload.chat_id) === user.id, { since });
      const saved = await fake.waitForMessage(
        user.id,
        (m) => textOf(m).startsWith(lang === 'en' ? '📓 I saved your dream' : '📓 Я сохранила сон'),
        WAIT_MS,
      );
      const [dream] = (await t.core.dreams.list(user.id, {})).items;
      expect(dream?.analysis_status).toBe('skipped');
      expect(dream?.mood_on_waking).toBe(4);
      expect((await t.core.wallet.getBalance(user.id)).balance).toBe(before);

      await fake.pressButton(user, saved, /^🔮/);
      await shown(
        user,
        saved.message_id,
        (m) => labelsOf(m).length > 0 && textOf(m).includes(lang === 'en' ? DREAM : SON),
      );
      expect((await t.core.dreams.get(user.id, dream?.id ?? '')).analysis_status).toBe('done');
      expect((await t.core.wallet.getBalance(user.id)).balance).toBe(
        before - t.core.wallet.prices().analysis,
      );
    });
  }
});
