import fs from 'node:fs/promises';
import { registerDreamsJobs } from '@mechta/core';
import { tempDataDir } from '@mechta/core/dreams/testing';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import type { Bot } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../context.ts';
import { createBot } from '../../index.ts';
import { createBotNotifier } from '../../notifier.ts';

const WAIT_MS = 20_000;
const textOf = (m: Message) => m.text ?? m.caption ?? '';
const labelsOf = (m: Message) => (m.reply_markup?.inline_keyboard.flat() ?? []).map((b) => b.text);
/** A dream card (not the review before saving, which has an ✏️ button too). */
const isCard = (m: Message) =>
  (m.reply_markup?.inline_keyboard.flat() ?? []).some(
    (b) => 'callback_data' in b && b.callback_data.startsWith('dream:e:'),
  );

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
    QUOTA_FREE_TEXT: '100',
    QUOTA_FREE_IMAGE: '100',
    PRICE_ANALYSIS: '3',
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

interface Lang {
  user: FakeUser;
  first: string;
  edited: string;
  l: {
    ask: string;
    save: string;
    edit: string;
    text: string;
    lucid: RegExp;
    askText: string;
    tooShort: RegExp;
    saved: string;
    again: RegExp;
    analysing: string;
    reanalysing: string;
    done: string;
    finished: string;
  };
}

const LANGS: Lang[] = [
  {
    user: { id: 42_101, first_name: 'Аня', language_code: 'ru' },
    first: 'Мне снилось, что я летала над ночным городом, огни мерцали внизу, и было совсем не страшно.',
    edited: 'Мне снилось, что я плыла по тёплому ночному морю с дельфинами, и вода светилась зелёным.',
    l: {
      ask: '🌙 Расскажите сон',
      save: '✅ Сохранить',
      edit: '✏️ Изменить',
      text: '📝 Текст',
      lucid: /Осознанный$/,
      askText: 'Пришлите новый текст сна',
      tooShort: /коротко/,
      saved: '✅ Я сохранила новый текст.',
      again: /^🔁 Разобрать заново · 3 💎$/,
      analysing: '🔮 Разбираю ваш сон…',
      reanalysing: '🔮 Разбираю заново…',
      done: '✅ Готово',
      finished: '✅ Правка закончена',
    },
  },
  {
    user: { id: 42_102, first_name: 'Ann', language_code: 'en' },
    first: 'I was flying over a sleeping city at night, the lights below were warm and I was not afraid.',
    edited: 'I was swimming in a warm night sea with dolphins, and the water glowed green under me.',
    l: {
      ask: '🌙 Tell me your dream',
      save: '✅ Save',
      edit: '✏️ Edit',
      text: '📝 Text',
      lucid: /Lucid$/,
      askText: 'Send the new text of the dream',
      tooShort: /too short/,
      saved: '✅ I saved the new text.',
      again: /^🔁 Analyse again · 3 💎$/,
      analysing: '🔮 Analysing your dream…',
      reanalysing: '🔮 Analysing again…',
      done: '✅ Done',
      finished: '✅ Editing finished',
    },
  },
];

describe.each(LANGS)(
  'editing a saved dream in the chat ($user.language_code)',
  ({ user, first, edited, l }) => {
    it('edits the text from the card (the card updates in place), then analyses it again for the price shown', async () => {
      await fake.sendText(user, '/dream');
      await fake.waitForMessage(user.id, (m) => textOf(m).startsWith(l.ask));
      await fake.sendText(user, first);
      const review = await fake.waitForMessage(user.id, (m) => labelsOf(m).includes(l.save));
      await fake.pressButton(user, review, l.save);
      const card = await fake.waitForMessage(user.id, (m) => textOf(m).includes(first) && isCard(m), WAIT_MS);

      await fake.pressButton(user, card, l.edit);
      const menu = await fake.waitForMessage(user.id, (m) => labelsOf(m).includes(l.text));
      // Lucid is saved at once and the card shows it.
      await fake.pressButton(user, menu, l.lucid);
      await fake.waitForMessage(
        user.id,
        (m) =>
          m.message_id === menu.message_id && labelsOf(m).some((b) => b.startsWith('✅') && l.lucid.test(b)),
      );

      const current = fake.messagesTo(user.id).find((m) => m.message_id === menu.message_id)!;
      await fake.pressButton(user, current, l.text);
      await fake.waitForMessage(user.id, (m) => textOf(m).startsWith(l.askText));
      await fake.sendText(user, 'коротко');
      await fake.waitForMessage(user.id, (m) => l.tooShort.test(textOf(m)) && m.message_id > menu.message_id);
      await fake.sendText(user, edited);
      const offer = await fake.waitForMessage(user.id, (m) => textOf(m).startsWith(l.saved));
      // The card itself now shows the new text; the old analysis stays on it.
      const redrawn = fake.messagesTo(user.id).find((m) => m.message_id === card.message_id)!;
      expect(textOf(redrawn)).toContain(edited);
      expect(textOf(redrawn)).not.toContain(first);
      const row = await t.core.dreams.list(user.id, {});
      expect(row.items[0]).toMatchObject({ text: edited, lucid: true });

      const before = (await t.core.wallet.getBalance(user.id)).balance;
      expect(labelsOf(offer)).toHaveLength(1);
      expect(labelsOf(offer)[0]).toMatch(l.again);
      await fake.pressButton(user, offer, l.again);
      // A new message says "Analysing…" and becomes the new analysis card.
      const fresh = await fake.waitForMessage(
        user.id,
        (m) => m.message_id > offer.message_id && textOf(m).includes(edited) && isCard(m),
        WAIT_MS,
      );
      expect(textOf(fresh)).not.toContain(l.reanalysing);
      // Same text as the redrawn card, but the analysis under it is the new one.
      expect(textOf(fresh)).not.toBe(textOf(redrawn));
      expect((await t.core.wallet.getBalance(user.id)).balance).toBe(before - 3);
      expect(
        fake.calls.some(
          (c) =>
            c.method === 'sendMessage' &&
            c.payload.text === l.analysing &&
            Number(c.payload.chat_id) === user.id,
        ),
      ).toBe(true);

      const last = fake.messagesTo(user.id).find((m) => m.message_id === menu.message_id)!;
      await fake.pressButton(user, last, l.done);
      await fake.waitForMessage(
        user.id,
        (m) => m.message_id === menu.message_id && textOf(m).startsWith(l.finished),
      );
      expect(
        fake.calls.filter((c) => c.error && !c.error.description.includes('message is not modified')),
      ).toEqual([]);
    });
  },
);
