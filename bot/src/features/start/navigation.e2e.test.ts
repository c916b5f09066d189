import fs from 'node:fs/promises';
import { registerDreamsJobs } from '@mechta/core';
import { tempDataDir, waitFor } from '@mechta/core/dreams/testing';
import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import type { Bot } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../context.ts';
import { createBot } from '../../index.ts';
import { createBotNotifier } from '../../notifier.ts';
import { createTelegramGateway } from '../../telegramGateway.ts';

/**
 * How Мечта speaks and how her screens connect, in Russian and English, through the real bot
 * polling a fake Telegram with the offline analysis: each thing said once, named filters, a way
 * back from every screen, deletes asked in the message, old journal messages that still open
 * their dreams, users told about admin changes, and nothing learnt from another user's card.
 */
const WAIT_MS = 20_000;

const textOf = (m: Message) => m.text ?? m.caption ?? '';
const buttonsOf = (m: Message) => m.reply_markup?.inline_keyboard.flat() ?? [];
const labelsOf = (m: Message) => buttonsOf(m).map((b) => b.text);
const dataOf = (m: Message, label: string) => {
  const b = buttonsOf(m).find((x) => x.text === label);
  if (!b || !('callback_data' in b)) throw new Error(`no button ${label} on message ${m.message_id}`);
  return b.callback_data;
};
const dreamIdOf = (m: Message) => {
  for (const b of buttonsOf(m)) {
    const id = 'callback_data' in b ? /^dream:\w+:(.+)$/.exec(b.callback_data)?.[1] : undefined;
    if (id) return id;
  }
  throw new Error(`no dream buttons on message ${m.message_id}`);
};
const count = (text: string, part: string) => text.split(part).length - 1;

const LANGS = {
  en: {
    dream:
      'I was running away from school across a river, the water was cold, and a big dog and cats chased me.',
    other: 'I was flying over a sleeping city at night, the lights below were warm and I was not afraid.',
    ask: '🌙 Tell me your dream',
    save: '✅ Save',
    analysing: '🔮 Analysing your dream…',
    themes: 'Themes',
    greeting: 'Hi, ',
    menu: 'Main menu',
    balance: '💎 Balance',
    settings: '⚙️ Settings',
    back: '⬅️ Back',
    invite: '🤝 Invite friends',
    toWallet: '⬅️ Wallet',
    filters: ['🦇 Gothic', '🏃 Chase', '🕊 Flight', '🦋 Change', '🌀 Physics', '🚪 Liminal', '✨ Other'],
    del: '🗑 Delete',
    yes: '🗑 Yes, delete it',
    ask_delete: "Delete this dream and its picture? This can't be undone.",
    deleted: '🗑 Dream deleted',
    already: 'This dream was already deleted.',
    notFound: "I couldn't find that.",
    video: /^🎬/,
    granted: '🎁 The Mechta team gave you tokens: 7.',
    pro: '🚀 The Mechta team gave you Pro until',
    free: 'The Mechta team moved you to the Free plan.',
    refunded: '↩️ Payment #',
  },
  ru: {
    dream: 'Я убегала из школы через реку, вода была холодной, а за мной бежала большая собака и кошки.',
    other: 'Я летала над спящим ночным городом, огни внизу были тёплыми, и мне совсем не было страшно.',
    ask: '🌙 Расскажите сон',
    save: '✅ Сохранить',
    analysing: '🔮 Разбираю ваш сон…',
    themes: 'Темы',
    greeting: 'Привет, ',
    menu: 'Главное меню',
    balance: '💎 Баланс',
    settings: '⚙️ Настройки',
    back: '⬅️ Назад',
    invite: '🤝 Пригласить друзей',
    toWallet: '⬅️ Кошелёк',
    filters: [
      '🦇 Готика',
      '🏃 Погоня',
      '🕊 Полёт',
      '🦋 Превращение',
      '🌀 Физика',
      '🚪 Лиминальное',
      '✨ Другое',
    ],
    del: '🗑 Удалить',
    yes: '🗑 Да, удалить',
    ask_delete: 'Удалить этот сон вместе с картинкой? Это нельзя отменить.',
    deleted: '🗑 Сон удалён',
    already: 'Этот сон уже удалён.',
    notFound: 'Не удалось найти.',
    video: /^🎬/,
    granted: '🎁 Команда Мечты начислила вам токены: 7.',
    pro: '🚀 Команда Мечты открыла вам Pro до',
    free: 'Команда Мечты перевела вас на бесплатный тариф.',
    refunded: '↩️ Платёж #',
  },
} as const;

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
  });
  bot = createBot(t.core);
  t.core.setNotifier(createBotNotifier(bot, t.core));
  t.core.setTelegramGateway(createTelegramGateway(bot));
  await registerDreamsJobs(t.core, { videoPollIntervalMs: 20 });
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
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** A press on `data` on a copy of `message` as it looked before (a double tap, an old message). */
async function tapStale(from: FakeUser, message: Message, data: string): Promise<string> {
  const id = `stale-${from.id}-${fake.calls.length}`;
  await fake.deliverRaw({
    update_id: 60_000_000 + fake.calls.length,
    callback_query: {
      id,
      from: { id: from.id, is_bot: false, first_name: from.first_name, language_code: from.language_code },
      message: { ...message, reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: data }]] } },
      chat_instance: '-42',
      data,
    },
  });
  return id;
}

const answerTo = async (id: string) =>
  (await fake.waitForCall('answerCallbackQuery', (c) => c.payload.callback_query_id === id)).payload.text;

let nextId = 47_000;

describe.each(Object.entries(LANGS))('speaking and navigating (%s)', (language, L) => {
  const user = (name: string): FakeUser => ({ id: nextId++, first_name: name, language_code: language });

  /** Logs a dream by text; the analysed card once its buttons are there. */
  async function logDream(u: FakeUser, text: string): Promise<Message> {
    await fake.sendText(u, '/dream');
    await fake.waitForMessage(u.id, (m) => textOf(m).startsWith(L.ask));
    await fake.sendText(u, text);
    const review = await fake.waitForMessage(u.id, (m) => labelsOf(m).includes(L.save));
    const since = fake.calls.length;
    await fake.pressButton(u, review, L.save);
    const note = await fake.waitForCall(
      'sendMessage',
      (c) => c.payload.text === L.analysing && Number(c.payload.chat_id) === u.id,
      { since, timeoutMs: WAIT_MS },
    );
    const noteId = (note.result as Message).message_id;
    return fake.waitForMessage(u.id, (m) => m.message_id === noteId && labelsOf(m).includes(L.del), WAIT_MS);
  }

  it('the offline analysis names its themes once', async () => {
    const card = await logDream(user('Аня'), L.dream);
    expect(textOf(card)).toContain(`🧭 ${L.themes}:`);
    expect(count(textOf(card), `${L.themes}:`)).toBe(1);
  });

  it('the journal filters are named, in rows that fit', async () => {
    const u = user('Оля');
    await logDream(u, L.other);
    await fake.sendText(u, '/dreams');
    const journal = await fake.waitForMessage(u.id, (m) => textOf(m).startsWith('📖'));
    for (const name of L.filters) expect(labelsOf(journal)).toContain(name);
    const rows = journal.reply_markup?.inline_keyboard ?? [];
    const filterRows = rows.filter((row) =>
      row.some((b) => (L.filters as readonly string[]).includes(b.text)),
    );
    expect(Math.max(...filterRows.map((row) => row.length))).toBeLessThanOrEqual(2);
    await fake.pressButton(u, journal, L.filters[2]);
    await fake.waitForMessage(
      u.id,
      (m) => m.message_id === journal.message_id && labelsOf(m).includes(`[${L.filters[2]}]`),
    );
  });

  it('💎 and ⚙️ open in the menu message with a way back; the greeting stays', async () => {
    const u = user('Вика');
    await fake.sendText(u, '/start');
    const greeting = await fake.waitForMessage(u.id, (m) => textOf(m).startsWith(L.greeting));
    const menu = await fake.waitForMessage(u.id, (m) => textOf(m) === L.menu);
    expect(greeting.reply_markup).toBeUndefined();
    const greetingText = textOf(greeting);

    await fake.pressButton(u, menu, L.balance);
    const wallet = await fake.waitForMessage(
      u.id,
      (m) => m.message_id === menu.message_id && labelsOf(m).includes(L.back),
    );
    expect(textOf(wallet)).not.toBe(L.menu);
    // The wallet's referral card opens in place too, and leads back to the wallet.
    await fake.pressButton(u, wallet, L.invite);
    const invite = await fake.waitForMessage(
      u.id,
      (m) => m.message_id === menu.message_id && labelsOf(m).includes(L.toWallet),
    );
    await fake.pressButton(u, invite, L.toWallet);
    const again = await fake.waitForMessage(
      u.id,
      (m) => m.message_id === menu.message_id && labelsOf(m).includes(L.back),
    );
    await fake.pressButton(u, again, L.back);
    const back = await fake.waitForMessage(
      u.id,
      (m) => m.message_id === menu.message_id && textOf(m) === L.menu,
    );
    expect(labelsOf(back)).toContain(L.settings);

    await fake.pressButton(u, back, L.settings);
    const settings = await fake.waitForMessage(
      u.id,
      (m) => m.message_id === menu.message_id && labelsOf(m).includes(L.back),
    );
    await fake.pressButton(u, settings, L.back);
    const menuAgain = await fake.waitForMessage(
      u.id,
      (m) => m.message_id === menu.message_id && textOf(m) === L.menu,
    );
    expect(labelsOf(menuAgain)).toContain(L.balance);

    const greetingNow = fake.messagesTo(u.id).find((m) => m.message_id === greeting.message_id);
    expect(greetingNow && textOf(greetingNow)).toBe(greetingText);
  });

  it('delete asks in the message, and a second tap says it is gone', async () => {
    const u = user('Маша');
    const card = await logDream(u, L.other);
    await fake.pressButton(u, card, L.del);
    const asking = await fake.waitForMessage(
      u.id,
      (m) => m.message_id === card.message_id && labelsOf(m).includes(L.yes),
    );
    expect(textOf(asking)).toContain(L.ask_delete);
    const yes = dataOf(asking, L.yes);
    await fake.pressButton(u, asking, L.yes);
    await fake.waitForMessage(
      u.id,
      (m) => m.message_id === card.message_id && textOf(m).startsWith(L.deleted),
    );
    expect(await answerTo(await tapStale(u, asking, yes))).toBe(L.already);
  });

  it('a dream pressed on an old journal message opens', async () => {
    const u = user('Лена');
    const first = await logDream(u, L.other);
    await fake.sendText(u, '/dreams');
    const old = await fake.waitForMessage(u.id, (m) => textOf(m).startsWith('📖'));
    // A second dream changes the journal: the old message's buttons no longer match a fresh one.
    await logDream(u, L.dream);
    const item = old.reply_markup?.inline_keyboard[0]?.[0];
    if (!item || !('callback_data' in item)) throw new Error('the journal has no dream item');
    const since = fake.calls.length;
    await fake.clickButton(u, old, item.callback_data);
    const opened = await fake.waitForCall(
      'sendMessage',
      (c) => Number(c.payload.chat_id) === u.id && String(c.payload.text).includes(L.other.slice(0, 30)),
      { since, timeoutMs: WAIT_MS },
    );
    expect(dreamIdOf(opened.result as Message)).toBe(dreamIdOf(first));
  });

  it('another user pressing 🎬 on a card hears what they would for a dream that does not exist', async () => {
    const owner = user('Аня');
    const card = await logDream(owner, L.other);
    const video = buttonsOf(card).find((b) => L.video.test(b.text));
    const data = video && 'callback_data' in video ? video.callback_data : `dream:v:${dreamIdOf(card)}`;
    const stranger = user('Оля');
    await fake.sendText(stranger, '/start');
    await fake.waitForMessage(stranger.id, (m) => textOf(m) === L.menu);
    // A newcomer is asked for a time zone after the menu; that message is not the answer looked for.
    await fake.waitForMessage(stranger.id, (m) => /time zone|часовом поясе/.test(textOf(m)));
    const chat = { id: stranger.id, type: 'private' as const, first_name: stranger.first_name };
    const here = { message_id: 1, date: 0, chat } as Message;
    const answers = async (d: string) => {
      const since = fake.calls.length;
      await tapStale(stranger, here, d);
      return (
        await fake.waitForCall('sendMessage', (c) => Number(c.payload.chat_id) === stranger.id, {
          since,
          timeoutMs: WAIT_MS,
        })
      ).payload.text;
    };
    const forSomeone = await answers(data);
    const forNothing = await answers('dream:v:00000000-0000-4000-8000-000000000000');
    expect(forSomeone).toBe(L.notFound);
    expect(forNothing).toBe(forSomeone);
  });

  it('the user is told when an admin grants tokens, changes the plan or refunds', async () => {
    const u = user('Аня');
    await fake.sendText(u, '/start');
    await fake.waitForMessage(u.id, (m) => textOf(m) === L.menu);
    await t.core.admin.adjustTokens(u.id, 7, 'a gift');
    await fake.waitForMessage(u.id, (m) => textOf(m).startsWith(L.granted));
    await t.core.admin.setPlan(u.id, { plan: 'pro', hours: 168 });
    const pro = await fake.waitForMessage(u.id, (m) => textOf(m).startsWith(L.pro));
    expect(textOf(pro)).not.toContain('..');
    await t.core.admin.setPlan(u.id, { plan: 'free' });
    await fake.waitForMessage(u.id, (m) => textOf(m) === L.free);

    // A real purchase: /buy, the first offer, Telegram's invoice paid.
    await fake.sendText(u, '/buy');
    const offers = await fake.waitForMessage(u.id, (m) => textOf(m).startsWith('🛒'));
    const offer = buttonsOf(offers)[0];
    if (!offer || !('callback_data' in offer)) throw new Error('no offer button');
    await fake.clickButton(u, offers, offer.callback_data);
    const invoice = await fake.waitForMessage(u.id, (m) => m.invoice !== undefined);
    expect((await fake.payInvoice(u, invoice, { chargeId: `charge-${u.id}` })).ok).toBe(true);
    const payments = await waitFor(
      async () => (await t.core.wallet.listPayments({ userId: u.id })).items,
      (items) => items.length === 1,
      { what: 'the payment' },
    );
    const payment = payments[0];
    if (!payment) throw new Error('the payment was not recorded');
    await t.core.admin.refundPayment(payment.id, {
      actorId: TEST_ADMIN_ID,
      telegram: () => createTelegramGateway(bot),
    });
    const notice = await fake.waitForMessage(u.id, (m) => textOf(m).startsWith(`${L.refunded}${payment.id}`));
    expect(textOf(notice)).toContain(`⭐ ${payment.amount}`);
  });
});
