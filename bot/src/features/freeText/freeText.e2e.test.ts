import fs from 'node:fs/promises';
import { registerDreamsJobs } from '@mechta/core';
import { tempDataDir } from '@mechta/core/dreams/testing';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import { type FakeOpenAi, startFakeOpenAi } from '@mechta/testing/fake-openai';
import type { Bot } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../context.ts';
import { createBot } from '../../index.ts';
import { createBotNotifier } from '../../notifier.ts';

const WAIT_MS = 20_000;
const EN_DREAM = 'I was walking through a flooded library and the books were swimming like fish around me.';
const RU_DREAM = 'Мне снилось, что я иду по затопленной библиотеке, а книги плавают вокруг, как рыбы.';

const textOf = (m: Message) => m.text ?? m.caption ?? '';
const labelsOf = (m: Message) => m.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];

/**
 * Drops the Redis copy of the chat's conversation state (when Redis is configured), so the
 * restarted bot can only find the draft in PostgreSQL.
 */
async function dropRedisCopy(t: TestCore, chatId: number): Promise<void> {
  const redis = t.core.cache.redis;
  if (redis) expect(await redis.del(`bot-session:conversation:${chatId}`)).toBe(1);
}

/** The real bot polling a fake Telegram over one test core; `restart` builds a new bot on the same database. */
interface Stack {
  fake: FakeBotApi;
  t: TestCore;
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const dataDir = await tempDataDir();
  const fake = await startFakeBotApi();
  const t = await createTestCore({
    TELEGRAM_API_ROOT: fake.url,
    DATA_DIR: dataDir,
    AI_PROVIDER: 'offline',
    STARTING_TOKENS: '100',
    QUOTA_FREE_TEXT: '100',
    QUOTA_FREE_IMAGE: '100',
    ...env,
  });
  await registerDreamsJobs(t.core, { videoPollIntervalMs: 20 });
  await t.core.queue.startWorkers();
  let bot: Bot<BotContext>;
  let polling: Promise<void> | undefined;
  const launch = async () => {
    bot = createBot(t.core);
    t.core.setNotifier(createBotNotifier(bot, t.core));
    await new Promise<void>((resolve, reject) => {
      polling = bot.start({ onStart: () => resolve() }).catch(reject);
    });
  };
  const stop = async () => {
    await bot.stop();
    await polling;
  };
  await launch();
  return {
    fake,
    t,
    async restart() {
      await stop();
      await launch();
    },
    async close() {
      await stop();
      await t.close();
      await fake.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface Lang {
  user: FakeUser;
  dream: string;
  ask: string;
  offer: string;
  save: string;
  analysing: string;
  unknown: string;
  balance: string;
  help: string;
  waiting: string;
  resume: string;
  discard: string;
  discarded: string;
  media: string;
  voice: string;
}

const LANGS: Lang[] = [
  {
    user: { id: 49_001, first_name: 'Ann', language_code: 'en' },
    dream: EN_DREAM,
    ask: '🌙 Tell me your dream',
    offer: '🌙 That sounds like a dream. Save it to your journal?',
    save: '✅ Save',
    analysing: '🔮 Analysing your dream…',
    unknown: "I didn't quite get that.",
    balance: '💎 Your wallet',
    help: 'Mechta keeps your dreams',
    waiting: '🌙 Your dream is still waiting. Continue where you left off?',
    resume: '▶️ Continue',
    discard: '🗑 Discard',
    discarded: '🗑 The unsaved dream is discarded.',
    media: "I can't keep pictures or videos. Describe the dream in words",
    voice: "I can't turn voice messages into text. Please type your dream",
  },
  {
    user: { id: 49_002, first_name: 'Аня', language_code: 'ru' },
    dream: RU_DREAM,
    ask: '🌙 Расскажите сон',
    offer: '🌙 Похоже на сон. Сохранить его в дневник?',
    save: '✅ Сохранить',
    analysing: '🔮 Разбираю ваш сон…',
    unknown: 'Я не совсем поняла.',
    balance: '💎',
    help: 'Мечта хранит ваши сны',
    waiting: '🌙 Ваш сон всё ещё ждёт. Продолжить с того же места?',
    resume: '▶️ Продолжить',
    discard: '🗑 Удалить',
    discarded: '🗑 Несохранённый сон удалён.',
    media: 'Картинки и видео я сохранять не умею. Опишите сон словами',
    voice: 'Голосовые сообщения я не перевожу в текст. Напишите сон',
  },
];

describe.each(LANGS)('what people naturally send ($user.language_code)', (l) => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  /** A message to the user sent after the one numbered `since`, matching `predicate`. */
  const next = (since: number, predicate: (m: Message) => boolean) =>
    s.fake.waitForMessage(l.user.id, (m) => m.message_id > since && predicate(m), WAIT_MS);
  const count = () => Math.max(0, ...s.fake.messagesTo(l.user.id).map((m) => m.message_id));
  const isReviewOf = (text: string) => (m: Message) =>
    labelsOf(m).includes(l.save) && textOf(m).includes(text);

  it('a dream typed without /dream is offered for saving, and saved from the offer', async () => {
    const { fake, t } = s;
    const since = count();
    await fake.sendText(l.user, l.dream);
    await next(since, (m) => textOf(m) === l.offer);
    const review = await next(since, isReviewOf(l.dream));
    await fake.pressButton(l.user, review, l.save);
    const note = await next(since, (m) => textOf(m) === l.analysing);
    // The analysis card replaces the note once the dream is saved and analysed.
    await fake.waitForMessage(
      l.user.id,
      (m) => m.message_id === note.message_id && textOf(m).includes(l.dream),
      WAIT_MS,
    );
    const journal = await t.core.dreams.list(l.user.id, {});
    expect(journal.items.map((d) => d.text)).toContain(l.dream);
  });

  it('a short text gets "didn\'t understand" with the menu; a photo gets a plain answer; offline voice asks for text', async () => {
    const { fake } = s;
    let since = count();
    await fake.sendText(l.user, 'hmm');
    const unknown = await next(since, (m) => textOf(m).startsWith(l.unknown));
    expect(labelsOf(unknown).length).toBeGreaterThan(0);
    // A dream's length but no story: not offered either.
    since = count();
    await fake.sendText(l.user, 'Europe/Berlin');
    await next(since, (m) => textOf(m).startsWith(l.unknown));

    since = count();
    await fake.sendPhoto(l.user, Buffer.from('not really a jpeg'));
    const photo = await next(since, (m) => textOf(m).startsWith(l.media));
    expect(labelsOf(photo)).toEqual([]);

    since = count();
    await fake.sendVoice(l.user, Buffer.from('OggS fake opus voice'), 3);
    await next(since, (m) => textOf(m).startsWith(l.voice));
  });

  it('commands are case-insensitive: /DREAM, /Help@botname', async () => {
    const { fake } = s;
    let since = count();
    await fake.sendText(l.user, '/DREAM');
    await next(since, (m) => textOf(m).startsWith(l.ask));
    await fake.sendText(l.user, '/cancel');
    since = count();
    await fake.sendText(l.user, '/Help@Mechta_Test_Bot');
    await next(since, (m) => textOf(m).includes(l.help));
  });

  it('/dream → text → /balance: the balance card, then "still waiting"; Continue brings the review back', async () => {
    const { fake } = s;
    await fake.sendText(l.user, '/dream');
    let since = count();
    await fake.sendText(l.user, l.dream);
    await next(since, isReviewOf(l.dream));
    since = count();
    await fake.sendText(l.user, '/balance');
    const card = await next(since, (m) => textOf(m).includes(l.balance));
    const waiting = await next(since, (m) => textOf(m) === l.waiting);
    expect(labelsOf(waiting)).toEqual([l.resume, l.discard]);
    // The balance card came first, the note after it.
    expect(card.message_id).toBeLessThan(waiting.message_id);

    since = count();
    await fake.pressButton(l.user, waiting, l.resume);
    const review = await next(since, isReviewOf(l.dream));
    await fake.pressButton(l.user, review, l.save);
    await next(since, (m) => textOf(m) === l.analysing);
  });

  it('the draft survives a restart of the bot, and Continue at the question asks it again', async () => {
    const { fake } = s;
    let since = count();
    await fake.sendText(l.user, '/dream');
    await next(since, (m) => textOf(m).startsWith(l.ask));
    since = count();
    await fake.sendText(l.user, '/balance');
    const waiting = await next(since, (m) => textOf(m) === l.waiting);
    await s.restart();
    await dropRedisCopy(s.t, l.user.id);

    since = count();
    await fake.pressButton(l.user, waiting, l.resume);
    await next(since, (m) => textOf(m).startsWith(l.ask));
    await fake.sendText(l.user, l.dream);
    const review = await next(since, isReviewOf(l.dream));

    // And at the review step, across another restart: the text is kept.
    since = count();
    await fake.sendText(l.user, '/help');
    const again = await next(since, (m) => textOf(m) === l.waiting);
    await s.restart();
    since = count();
    await fake.pressButton(l.user, again, l.resume);
    const resumed = await next(since, isReviewOf(l.dream));
    expect(resumed.message_id).not.toBe(review.message_id);
    await fake.pressButton(l.user, resumed, l.save);
    await next(since, (m) => textOf(m) === l.analysing);
  });

  it('Discard drops the draft; /cancel still discards too', async () => {
    const { fake } = s;
    await fake.sendText(l.user, '/dream');
    await fake.sendText(l.user, l.dream);
    let since = count();
    await fake.sendText(l.user, '/help');
    const waiting = await next(since, (m) => textOf(m) === l.waiting);
    await fake.pressButton(l.user, waiting, l.discard);
    await fake.waitForMessage(
      l.user.id,
      (m) => m.message_id === waiting.message_id && textOf(m) === l.discarded,
    );
    // No conversation is waiting any more: a short text is "didn't understand" again.
    since = count();
    await fake.sendText(l.user, 'hmm');
    await next(since, (m) => textOf(m).startsWith(l.unknown));

    await fake.sendText(l.user, '/dream');
    await fake.sendText(l.user, '/cancel');
    since = count();
    await fake.sendText(l.user, 'hmm');
    await next(since, (m) => textOf(m).startsWith(l.unknown));
  });
});

describe.each(LANGS)(
  'a voice message outside a conversation, with transcription ($user.language_code)',
  (l) => {
    let s: Stack;
    let openai: FakeOpenAi;
    beforeAll(async () => {
      openai = await startFakeOpenAi();
      s = await startStack({ AI_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url });
    });
    afterAll(async () => {
      await s?.close();
      await openai?.close();
    });

    it('is transcribed and offered as a dream, then saved from the offer', async () => {
      const { fake, t } = s;
      openai.enqueue('transcriptions', { kind: 'transcript', text: l.dream });
      await fake.sendVoice(l.user, Buffer.from('OggS fake opus voice'), 4);
      await fake.waitForMessage(l.user.id, (m) => textOf(m) === l.offer, WAIT_MS);
      const review = await fake.waitForMessage(
        l.user.id,
        (m) => labelsOf(m).includes(l.save) && textOf(m).includes(l.dream),
        WAIT_MS,
      );
      await fake.pressButton(l.user, review, l.save);
      await fake.waitForMessage(l.user.id, (m) => textOf(m) === l.analysing, WAIT_MS);
      await expect
        .poll(async () => (await t.core.dreams.list(l.user.id, {})).items.map((d) => d.text), {
          timeout: WAIT_MS,
        })
        .toEqual([l.dream]);
    });
  },
);
