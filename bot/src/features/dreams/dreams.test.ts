import fs from 'node:fs/promises';
import { isAppError, registerDreamsJobs } from '@mechta/core';
import { tempDataDir, waitFor } from '@mechta/core/dreams/testing';
import { type BotHarness, createBotHarness, type TestUser } from '@mechta/testing/botHarness';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import type { Message, Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotNotifier } from '../../notifier.ts';

const FLIGHT_DREAM =
  'I was flying over a sleeping city at night, the lights below were warm and I was not afraid.';
const CHASE_DREAM =
  'Someone was chasing me through endless corridors and I was running, hiding, escaping again.';

let t: TestCore;
let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
  t = await createTestCore({
    DATA_DIR: dataDir,
    STARTING_TOKENS: '100',
    QUOTA_FREE_TEXT: '100',
    QUOTA_FREE_IMAGE: '100',
    MAX_DREAMS_PER_DAY: '50',
  });
  await registerDreamsJobs(t.core);
  await t.core.queue.startWorkers();
});
afterAll(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

let nextId = 31_000;
const user = (over: Partial<TestUser> = {}): TestUser => ({
  id: nextId++,
  first_name: 'Vera',
  language_code: 'en',
  ...over,
});
// A journal entry: its day (dd/mm in English), the category's emoji, the title.
const DREAM_BUTTON = /^\d{2}\/\d{2} \S+ \S/;
const labels = (keyboard: { text: string }[][] = []) => keyboard.flat().map((b) => b.text);
/** The newest message sent or edited in this user's chat (jobs of other tests write to other chats). */
const OFFER = '🌙 That sounds like a dream. Save it to your journal?';
/** The reply before the last one: the offer, when a text outside /dream is taken for a dream. */
const beforeLastIn = (h: BotHarness, u: TestUser) =>
  h
    .replies()
    .filter((r) => r.chatId === u.id)
    .at(-2);
const lastIn = (h: BotHarness, u: TestUser) =>
  h
    .replies()
    .filter((r) => r.chatId === u.id)
    .at(-1);
const sentTexts = (calls: { method: string; payload: { text?: string } }[]) =>
  calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.text);

/** A harness whose bot also delivers the jobs' notifications (only the latest one set is used). */
function harness(core = t.core): BotHarness {
  const h = createBotHarness(core);
  core.setNotifier(createBotNotifier(h.bot, core));
  return h;
}

/** Registers the user the way /start does and returns their id. */
async function registered(u: TestUser, core = t.core): Promise<number> {
  const { user: row } = await core.users.registerFromTelegram(u);
  return row.id;
}

async function logDream(h: BotHarness, u: TestUser, text: string): Promise<void> {
  await h.sendText(u, '/dream');
  await h.sendText(u, text);
  await h.pressButton(u, '✅ Save');
}

const untilAnalysed = (userId: number, dreamId: string, core = t.core) =>
  waitFor(
    () => core.dreams.get(userId, dreamId),
    (d) => d.analysis_status !== 'pending' && d.image_status !== 'pending',
    { what: 'the analysis and the picture' },
  );

function voiceUpdate(h: BotHarness, from: TestUser): Update {
  const update = h.textUpdate(from, 'x');
  const { text: _text, ...message } = update.message!;
  return {
    ...update,
    message: { ...message, voice: { file_id: 'voice-1', file_unique_id: 'v1', duration: 4 } },
  };
}

describe('/dream by text', () => {
  it('reviews the dream with lucid and mood, saves it, and answers at once that it is being analysed', async () => {
    const h = harness();
    const u = user();
    await h.sendText(u, '/dream');
    expect(lastIn(h, u)?.text).toBe('🌙 Tell me your dream — type it as text. /cancel to stop.');

    await h.sendText(u, FLIGHT_DREAM);
    const review = lastIn(h, u);
    expect(review?.text).toContain('<b>Your dream</b>');
    expect(review?.text).toContain(FLIGHT_DREAM);
    // Before anything is spent: the price, what is left of today's quota, and the balance.
    expect(review?.text).toMatch(
      /💎 Analysis costs 1 token · \d+ of \d+ left today on your plan · balance \d+/,
    );
    expect(review?.text).toContain('🌟 Lucid: no · Mood before sleep: not set');
    expect(labels(review?.keyboard)).toEqual([
      '▫️ 🌟 Lucid',
      '😣 1',
      '😕 2',
      '😐 3',
      '🙂 4',
      '😊 5',
      '🌅 1',
      '🌅 2',
      '🌅 3',
      '🌅 4',
      '🌅 5',
      '✅ Save',
      '✏️ Edit',
      '✖️ Cancel',
      '📓 Save without analysis',
    ]);

    await h.pressButton(u, '▫️ 🌟 Lucid');
    await h.pressButton(u, '🙂 4');
    expect(lastIn(h, u)?.messageId).toBe(review?.messageId);
    expect(lastIn(h, u)?.text).toContain('🌟 Lucid: yes · Mood before sleep: 🙂 4/5');
    expect(labels(lastIn(h, u)?.keyboard)).toContain('✅ 4');
    expect(labels(lastIn(h, u)?.keyboard)).toContain('✅ 🌟 Lucid');

    const calls = await h.pressButton(u, '✅ Save');
    expect(sentTexts(calls)).toEqual(['🔮 Analysing your dream…']);
    expect(calls.some((c) => c.method === 'sendChatAction' && c.payload.action === 'typing')).toBe(true);
    // The review keeps the text but loses its buttons.
    const reviewNow = h
      .replies()
      .filter((r) => r.messageId === review?.messageId)
      .at(-1);
    expect(reviewNow?.text).toContain(FLIGHT_DREAM);
    expect(reviewNow?.keyboard).toEqual([]);

    const userId = await registered(u);
    const { items } = await t.core.dreams.list(userId, {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ text: FLIGHT_DREAM, lucid: true, mood: 4 });

    // The conversation is over: the next text is offered as a new dream, not added to the saved one.
    await h.sendText(u, 'Another long text that is not a dream at all.');
    expect(beforeLastIn(h, u)?.text).toBe(OFFER);
  });

  it('edits the "Analysing…" message into the analysis, then sends the picture', async () => {
    const h = harness();
    const u = user();
    await logDream(h, u, FLIGHT_DREAM);
    const note = h.replies().find((r) => r.text === '🔮 Analysing your dream…' && r.chatId === u.id);

    const card = await waitFor(
      async () => h.replies().find((r) => r.method === 'editMessageText' && r.messageId === note?.messageId),
      (r) => r !== undefined,
      { what: 'the analysis card' },
    );
    expect(card?.text).toContain('🕊');
    expect(card?.text).toContain('<i>Flight</i>');
    expect(card?.text).toContain('🧭 Themes:');
    expect(card?.text).toContain('💭 Emotions:');
    expect(card?.text).toContain('🔑 Symbols:');
    expect(card?.text).toContain('⚙️ A short reading from the symbol dictionary');
    expect(labels(card?.keyboard)).toEqual([
      '🔮 Readings',
      '🌍 Share',
      '🕶 Share anonymously',
      '✏️ Edit',
      '🗑 Delete',
    ]);

    const photo = await waitFor(
      async () => h.replies().find((r) => r.method === 'sendPhoto' && r.chatId === u.id),
      (r) => r !== undefined,
      { what: 'the picture' },
    );
    expect(photo?.text).toContain('🎨 offline art');
    // Once the picture is there, the card no longer says it is being drawn.
    await waitFor(
      async () =>
        h
          .replies()
          .filter((r) => r.messageId === note?.messageId)
          .at(-1)?.text,
      (text) => text !== undefined && !text.includes('Drawing your dream'),
      { what: 'the card to be redrawn' },
    );
  });

  it('speaks Russian to a Russian-speaking user', async () => {
    const h = harness();
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/dream');
    expect(lastIn(h, u)?.text).toContain('Расскажите сон');
    await h.sendText(u, 'Мне снилось, что я летала над ночным городом и совсем не боялась.');
    expect(labels(lastIn(h, u)?.keyboard)).toContain('✅ Сохранить');
    await h.pressButton(u, '✅ Сохранить');
    expect(lastIn(h, u)?.text).toBe('🔮 Разбираю ваш сон…');
  });

  it('says why a too-short text will not do and keeps waiting for the dream', async () => {
    const h = harness();
    const u = user();
    await h.sendText(u, '/dream');
    await h.sendText(u, 'A cat.');
    expect(lastIn(h, u)?.text).toBe(
      "That won't do: too short — describe the dream in a few more words (6 characters; a dream takes 10–2,000). Send the dream again, or /cancel.",
    );
    await h.sendText(u, FLIGHT_DREAM);
    expect(lastIn(h, u)?.text).toContain('<b>Your dream</b>');
    expect((await t.core.dreams.list(await registered(u), {})).total).toBe(0);
  });

  it('/cancel leaves the conversation and nothing is saved', async () => {
    const h = harness();
    const u = user();
    await h.sendText(u, '/dream');
    await h.sendText(u, FLIGHT_DREAM);
    await h.sendText(u, '/cancel');
    expect(lastIn(h, u)?.text).toBe('Cancelled. Nothing was saved from the unfinished step.');
    // No draft waits: the same text sent again is offered afresh.
    await h.sendText(u, FLIGHT_DREAM);
    expect(beforeLastIn(h, u)?.text).toBe(OFFER);
    expect((await t.core.dreams.list(await registered(u), {})).total).toBe(0);
  });

  it('the Cancel button drops the draft', async () => {
    const h = harness();
    const u = user();
    await h.sendText(u, '/dream');
    await h.sendText(u, FLIGHT_DREAM);
    await h.pressButton(u, '✖️ Cancel');
    expect(lastIn(h, u)?.text).toBe('Cancelled. This dream was not saved.');
    expect(lastIn(h, u)?.keyboard).toEqual([]);
    expect((await t.core.dreams.list(await registered(u), {})).total).toBe(0);
  });

  it('Edit takes a corrected text, and a text sent during the review replaces the draft', async () => {
    const h = harness();
    const u = user();
    await h.sendText(u, '/dream');
    await h.sendText(u, 'I was flying over a city.');
    await h.pressButton(u, '✏️ Edit');
    expect(lastIn(h, u)?.text).toBe('✏️ Send the corrected text of the dream.');
    await h.sendText(u, 'I was flying over a city of glass.');
    expect(lastIn(h, u)?.text).toContain('I was flying over a city of glass.');
    await h.sendText(u, FLIGHT_DREAM);
    expect(lastIn(h, u)?.text).toContain(FLIGHT_DREAM);
    await h.pressButton(u, '✅ Save');
    const { items } = await t.core.dreams.list(await registered(u), {});
    expect(items.map((d) => d.text)).toEqual([FLIGHT_DREAM]);
  });

  it('another command runs as usual, and the draft is still waiting after it', async () => {
    const h = harness();
    const u = user();
    await h.sendText(u, '/dream');
    await h.sendText(u, FLIGHT_DREAM);
    await h.sendText(u, '/help');
    expect(beforeLastIn(h, u)?.text).toContain('<b>Mechta</b> keeps your dreams');
    expect(lastIn(h, u)?.text).toBe('🌙 Your dream is still waiting. Continue where you left off?');
    // A text sent now belongs to the waiting conversation: it replaces the draft under review.
    await h.sendText(u, CHASE_DREAM);
    expect(beforeLastIn(h, u)?.text).not.toBe(OFFER);
    expect(lastIn(h, u)?.text).toContain(CHASE_DREAM);
  });

  it('in Russian, the review says what the analysis costs and what is left today', async () => {
    const h = harness();
    const u = user({ language_code: 'ru' });
    await h.sendText(u, '/dream');
    await h.sendText(u, 'Мне снилось, что я летаю над ночным городом и совсем не боюсь высоты.');
    expect(lastIn(h, u)?.text).toMatch(
      /💎 Разбор стоит 1 токен · сегодня по тарифу осталось \d+ из \d+ · баланс \d+/,
    );
  });

  it('the main menu button starts the same conversation', async () => {
    const h = harness();
    const u = user();
    await h.sendText(u, '/menu');
    await h.pressButton(u, '🌙 Log a dream');
    expect(lastIn(h, u)?.text).toContain('Tell me your dream');
  });

  it('asks for text up front when voice cannot be transcribed, and still refuses a voice note plainly', async () => {
    const h = harness();
    const u = user();
    await h.sendText(u, '/dream');
    expect(lastIn(h, u)?.text).toBe('🌙 Tell me your dream — type it as text. /cancel to stop.');
    const calls = await h.handle(voiceUpdate(h, u));
    expect(sentTexts(calls)).toEqual([
      "I can't listen to voice messages yet. Please type your dream instead.",
    ]);
    expect(calls.some((c) => c.method === 'getFile')).toBe(false);
    await h.sendText(u, FLIGHT_DREAM);
    expect(lastIn(h, u)?.text).toContain('<b>Your dream</b>');
  });
});

describe('refusals when saving', () => {
  it('at the daily limit, says so and saves nothing more', async () => {
    const limited = await createTestCore({
      DATA_DIR: dataDir,
      MAX_DREAMS_PER_DAY: '1',
      STARTING_TOKENS: '100',
    });
    try {
      const h = harness(limited.core);
      const u = user();
      await logDream(h, u, FLIGHT_DREAM);
      await h.sendText(u, '/dream');
      await h.sendText(u, CHASE_DREAM);
      const calls = await h.pressButton(u, '✅ Save');
      expect(sentTexts(calls)).toEqual(['🔮 Analysing your dream…']);
      const answer = lastIn(h, u);
      expect(answer?.method).toBe('editMessageText');
      expect(answer?.text).toBe(
        "You've reached today's limit (1). It resets when your next day starts (by default at 04:00 your time).",
      );
      const { items } = await limited.core.dreams.list(await registered(u, limited.core), {});
      expect(items.map((d) => d.text)).toEqual([FLIGHT_DREAM]);
      // The refused draft is over; the text sent again is offered afresh.
      await h.sendText(u, CHASE_DREAM);
      expect(beforeLastIn(h, u)?.text).toBe(OFFER);
    } finally {
      await limited.close();
    }
  });

  it('without tokens, says what it costs and saves nothing', async () => {
    const poor = await createTestCore({ DATA_DIR: dataDir, STARTING_TOKENS: '0' });
    try {
      const h = harness(poor.core);
      const u = user();
      await logDream(h, u, FLIGHT_DREAM);
      expect(lastIn(h, u)?.text).toBe('Not enough tokens: this costs 1, you have 0. Top up with /buy.');
      const userId = await registered(u, poor.core);
      expect((await poor.core.dreams.list(userId, {})).total).toBe(0);
      expect((await poor.core.wallet.getBalance(userId)).balance).toBe(0);
    } finally {
      await poor.close();
    }
  });
});

describe('the dream card', () => {
  async function analysedDream(h: BotHarness, u: TestUser, text = FLIGHT_DREAM) {
    await logDream(h, u, text);
    const userId = await registered(u);
    const [dream] = (await t.core.dreams.list(userId, {})).items;
    await untilAnalysed(userId, dream!.id);
    // The card comes first, then the picture, then the card is redrawn without "Drawing…".
    await waitFor(
      async () => lastIn(h, u),
      (r) => labels(r?.keyboard).includes('🗑 Delete') && !r?.text.includes('Drawing your dream'),
      { what: 'the finished card' },
    );
    return { userId, dreamId: dream!.id };
  }

  it('offline, the card offers no video; a stale video button says so plainly and charges nothing', async () => {
    const h = harness();
    const u = user();
    const { userId, dreamId } = await analysedDream(h, u);
    expect(labels(lastIn(h, u)?.keyboard)).not.toContain('🎬 Make a video (10 tokens)');
    const before = (await t.core.wallet.getBalance(userId)).balance;
    // A card sent before the provider went away may still carry the button.
    await h.handle({
      update_id: h.textUpdate(u, 'x').update_id,
      callback_query: {
        id: 'stale-video',
        from: { ...u, is_bot: false },
        chat_instance: 'x',
        data: `dream:v:${dreamId}`,
        message: { message_id: 1, date: 0, chat: { id: u.id, type: 'private', first_name: 'X' } },
      },
    } as Update);
    expect(lastIn(h, u)?.text).toBe("🎬 Video isn't available yet; nothing was charged.");
    expect((await t.core.wallet.getBalance(userId)).balance).toBe(before);
  });

  it('shares to the feed, where another user sees it with its author and time left; unshares', async () => {
    const h = harness();
    const anna = user({ first_name: 'Anna' });
    const bob = user({ first_name: 'Bob' });
    const { dreamId } = await analysedDream(h, anna);
    const calls = await h.pressButton(anna, '🌍 Share');
    const toast = calls.find((c) => c.method === 'answerCallbackQuery');
    expect(toast?.payload.text).toMatch(/^🌍 Shared to the public feed for (24 h|23 h 59 min)\.$/);
    expect(lastIn(h, anna)?.text).toMatch(/🌍 In the public feed, (24 h|23 h 59 min) left/);
    expect(lastIn(h, anna)?.text).toContain(`🔗 https://t.me/mechta_test_bot?start=dream_${dreamId}`);
    expect(labels(lastIn(h, anna)?.keyboard)).toContain('🔒 Unshare');

    await h.sendText(bob, '/feed');
    const feed = lastIn(h, bob);
    expect(feed?.text).toContain('🌍 <b>Dreams shared in the last 24 h</b> — 1');
    expect(feed?.text).toMatch(/1\. 🕊 <b>.+<\/b> — Anna · ⏳ (24 h|23 h 59 min) left/);
    await h.pressButton(bob, /^1\. /);
    const card = lastIn(h, bob);
    expect(card?.text).toContain('👤 Anna');
    expect(card?.text).toMatch(/⏳ .+ left in the feed · 👁 1/);
    // Someone else's dream: no owner buttons.
    expect(labels(card?.keyboard)).toEqual([]);

    await h.pressButton(anna, '🔒 Unshare');
    expect(labels(lastIn(h, anna)?.keyboard)).toContain('🌍 Share');
    await h.sendText(bob, '/feed');
    expect(lastIn(h, bob)?.text).toContain('Nobody has shared a dream in the last 24 h');
  });

  it('card buttons still work while another dream is being told, and the draft waits', async () => {
    const h = harness();
    const u = user();
    const { userId } = await analysedDream(h, u);
    await h.sendText(u, '/dream');
    await h.sendText(u, CHASE_DREAM);
    await h.pressButton(u, '🌍 Share');
    expect(lastIn(h, u)?.text).toContain('🌍 In the public feed');
    const calls = await h.pressButton(u, '✅ Save');
    expect(sentTexts(calls)).toEqual(['🔮 Analysing your dream…']);
    expect((await t.core.dreams.list(userId, {})).total).toBe(2);
    await h.pressButton(u, '🔒 Unshare');
  });

  it('shares anonymously: the feed does not name the author', async () => {
    const h = harness();
    const anna = user({ first_name: 'Anonymia' });
    await analysedDream(h, anna);
    await h.pressButton(anna, '🕶 Share anonymously');
    expect(lastIn(h, anna)?.text).toContain('🕶 In the public feed anonymously');
    const viewer = user();
    await h.sendText(viewer, '/feed');
    expect(lastIn(h, viewer)?.text).toContain('— Anonymous dreamer ·');
    expect(lastIn(h, viewer)?.text).not.toContain('Anonymia');
    await h.pressButton(anna, '🔒 Unshare');
  });

  it('asks before deleting; Keep brings the buttons back, Yes deletes the dream', async () => {
    const h = harness();
    const u = user();
    const { userId, dreamId } = await analysedDream(h, u);
    const ask = await h.pressButton(u, '🗑 Delete');
    // Asked in the message itself, not in a toast.
    expect(ask.find((c) => c.method === 'editMessageText')?.payload.text).toContain(
      "Delete this dream and its picture? This can't be undone.",
    );
    expect(labels(lastIn(h, u)?.keyboard)).toEqual(['🗑 Yes, delete it', '↩️ Keep it']);
    await h.pressButton(u, '↩️ Keep it');
    expect(labels(lastIn(h, u)?.keyboard)).toContain('🗑 Delete');
    expect((await t.core.dreams.get(userId, dreamId)).id).toBe(dreamId);

    await h.pressButton(u, '🗑 Delete');
    await h.pressButton(u, '🗑 Yes, delete it');
    expect(lastIn(h, u)?.text).toBe('🗑 Dream deleted, together with its picture and video.');
    expect(lastIn(h, u)?.keyboard).toEqual([]);
    // A second tap (a double tap, or a copy of the card) says what happened.
    const data = `dream:dy:${dreamId}`;
    const copy = {
      message_id: lastIn(h, u)?.messageId ?? 1,
      date: 0,
      chat: { id: u.id, type: 'private' as const, first_name: u.first_name },
      reply_markup: { inline_keyboard: [[{ text: '🗑 Yes, delete it', callback_data: data }]] },
    };
    const again = await h.clickButton(u, data, copy as Message);
    expect(again.find((c) => c.method === 'answerCallbackQuery')?.payload.text).toBe(
      'This dream was already deleted.',
    );
    const gone = await t.core.dreams.get(userId, dreamId).catch((e: unknown) => e);
    expect(isAppError(gone) && gone.code).toBe('NOT_FOUND');
  });

  it("another user's forged button cannot delete a dream", async () => {
    const h = harness();
    const owner = user();
    const { userId, dreamId } = await analysedDream(h, owner);
    const intruder = user();
    await h.sendText(intruder, '/start');
    const calls = await h.handle({
      update_id: h.textUpdate(intruder, 'x').update_id,
      callback_query: {
        id: 'forged',
        from: { ...intruder, is_bot: false },
        chat_instance: 'x',
        data: `dream:dy:${dreamId}`,
        message: { message_id: 1, date: 0, chat: { id: intruder.id, type: 'private', first_name: 'X' } },
      },
    } as Update);
    expect(sentTexts(calls)).toEqual(["I couldn't find that."]);
    expect((await t.core.dreams.get(userId, dreamId)).id).toBe(dreamId);
  });

  it('adds the Mini App button when PUBLIC_URL is https', async () => {
    const https = await createTestCore({ DATA_DIR: dataDir, PUBLIC_URL: 'https://mechta.example' });
    try {
      const h = harness(https.core);
      const u = user();
      const userId = await registered(u, https.core);
      const dream = await https.core.dreams.create(userId, { text: FLIGHT_DREAM, source: 'api' });
      await h.sendText(u, `/start dream_${dream.id}`);
      const button = h
        .lastReply()
        ?.keyboard.flat()
        .find((b) => b.text === '📱 Open in Mechta');
      expect(button && 'web_app' in button ? button.web_app.url : undefined).toBe(
        `https://mechta.example/#/dreams/${dream.id}`,
      );
    } finally {
      await https.close();
    }
  });
});

describe('dreams logged outside the chat (the Mini App)', () => {
  it('the chat gets the card and the picture, unless "Images and videos ready" is switched off', async () => {
    const h = harness();
    const on = user();
    const off = user();
    const onId = await registered(on);
    const offId = await registered(off);
    await t.core.users.updateSettings(offId, { notifications: { generations: false } });
    const dream = await t.core.dreams.create(onId, { text: FLIGHT_DREAM, source: 'api' });
    await untilAnalysed(onId, dream.id);
    const card = await waitFor(
      async () => h.replies().find((r) => r.chatId === on.id && r.method === 'sendMessage'),
      (r) => r !== undefined,
      { what: 'the card' },
    );
    expect(labels(card?.keyboard)).toContain('🗑 Delete');
    await waitFor(
      async () => h.replies().find((r) => r.chatId === on.id && r.method === 'sendPhoto'),
      (r) => r !== undefined,
      { what: 'the picture' },
    );

    // The same notifications for the user who switched them off reach nobody.
    const notifier = createBotNotifier(h.bot, t.core);
    const quiet = await t.core.dreams.create(offId, { text: FLIGHT_DREAM, source: 'api' });
    const view = await untilAnalysed(offId, quiet.id);
    const before = h.calls.length;
    await notifier.dreamAnalysed(offId, view);
    await notifier.dreamImage(offId, view, { path: '/nonexistent.png', mime: 'image/png' });
    expect(h.calls.slice(before).filter((c) => Number(c.payload.chat_id) === off.id)).toEqual([]);
    // A failure is always told: tokens came back.
    await notifier.dreamFailed(offId, view, 'image', 2);
    expect(lastIn(h, off)?.text).toContain("I couldn't draw this dream. 2 tokens are back on your balance.");
  });
});

describe('/dreams, the journal', () => {
  it('says the journal is empty at first', async () => {
    const h = harness();
    const u = user();
    await h.sendText(u, '/dreams');
    expect(lastIn(h, u)?.text).toBe('📖 Your journal is empty for now. Tell me a dream: /dream');
  });

  it('pages through five dreams at a time and opens a dream as its card', async () => {
    const h = harness();
    const u = user();
    const userId = await registered(u);
    for (let i = 1; i <= 7; i++) {
      const dream = await t.core.dreams.create(userId, {
        text: `Dream number ${i}: a quiet walk by the sea.`,
        source: 'api',
      });
      await untilAnalysed(userId, dream.id);
    }
    // Each dream's card and picture reach the chat too; the journal comes after them.
    await waitFor(
      async () => h.replies().filter((r) => r.method === 'sendPhoto' && r.chatId === u.id).length,
      (n) => n === 7,
      { what: 'the seven pictures' },
    );
    await h.sendText(u, '/dreams');
    const journal = lastIn(h, u);
    expect(journal?.text).toContain('📖 <b>Your dream journal</b> — 7 dreams');
    expect(journal?.text).toContain('Page 1 of 2');
    const buttons = labels(journal?.keyboard);
    expect(buttons.filter((b) => DREAM_BUTTON.test(b))).toHaveLength(5);
    expect(buttons).toContain('1 / 2');
    expect(buttons).toContain('▶️');
    expect(buttons).toContain('[All]');

    await h.pressButton(u, '▶️');
    const second = lastIn(h, u);
    expect(second?.method).toBe('editMessageText');
    expect(second?.text).toContain('Page 2 of 2');
    const onSecond = labels(second?.keyboard).filter((b) => DREAM_BUTTON.test(b));
    expect(onSecond).toHaveLength(2);
    expect(labels(second?.keyboard)).toContain('◀️');

    // Newest first: the last entry of the second page is the first dream (all are titled alike).
    const first = second?.keyboard.flat().filter((b) => DREAM_BUTTON.test(b.text))[1];
    const opened = await h.clickButton(u, first && 'callback_data' in first ? first.callback_data : '');
    const card = opened.find((c) => c.method === 'sendMessage');
    expect(card?.payload.text).toContain('Dream number 1: a quiet walk by the sea.');
    expect(labels(card?.payload.reply_markup?.inline_keyboard)).toContain('🗑 Delete');
  });

  it('searches with /dreams <words> and filters by category', async () => {
    const h = harness();
    const u = user();
    const userId = await registered(u);
    const flight = await t.core.dreams.create(userId, { text: FLIGHT_DREAM, source: 'api' });
    const chase = await t.core.dreams.create(userId, { text: CHASE_DREAM, source: 'api' });
    await untilAnalysed(userId, flight.id);
    await untilAnalysed(userId, chase.id);

    // The cards and pictures of these dreams may still be arriving: follow the journal message itself.
    await h.sendText(u, '/dreams corridors');
    const journalId = h.replies().find((r) => r.chatId === u.id && r.text.startsWith('📖'))?.messageId;
    const journal = () =>
      h
        .replies()
        .filter((r) => r.messageId === journalId && r.chatId === u.id)
        .at(-1);
    expect(journal()?.text).toContain('— 1 dream');
    expect(journal()?.text).toContain('🔎 “corridors”');
    expect(labels(journal()?.keyboard)).toContain('✖️ Clear the search');
    await h.pressButton(u, '✖️ Clear the search');
    expect(journal()?.text).toContain('— 2 dreams');

    await h.pressButton(u, '🕊 Flight');
    expect(journal()?.text).toContain('🏷 🕊 Flight');
    expect(journal()?.text).toContain('— 1 dream');
    expect(labels(journal()?.keyboard)).toContain('[🕊 Flight]');
    await h.pressButton(u, '🦇 Gothic');
    expect(journal()?.text).toContain('Nothing found.');
    await h.pressButton(u, 'All');
    expect(journal()?.text).toContain('— 2 dreams');
  });

  it('the main menu opens the journal and the feed', async () => {
    const h = harness();
    const u = user();
    await h.sendText(u, '/menu');
    await h.pressButton(u, '📖 Journal');
    expect(lastIn(h, u)?.text).toContain('Your journal is empty');
    await h.sendText(u, '/menu');
    await h.pressButton(u, '🌍 Feed');
    expect(lastIn(h, u)?.text).toMatch(/Nobody has shared a dream|Dreams shared in the last 24 h/);
  });
});

describe('deep links', () => {
  it('/start dream_<id> opens the dream for its author, and not for others while it is private', async () => {
    const h = harness();
    const owner = user();
    const ownerId = await registered(owner);
    const dream = await t.core.dreams.create(ownerId, { text: FLIGHT_DREAM, source: 'api' });
    await untilAnalysed(ownerId, dream.id);
    // The greeting, the main menu as a message of its own, then the card.
    const [greeting, menu, card] = sentTexts(await h.sendText(owner, `/start dream_${dream.id}`));
    expect(greeting).toContain('Welcome back');
    expect(menu).toBe('Main menu');
    expect(card).toContain(FLIGHT_DREAM);

    const stranger = user();
    await h.sendText(stranger, `/start dream_${dream.id}`);
    expect(lastIn(h, stranger)?.text).toBe(
      "That dream isn't available: it is private, deleted or no longer in the feed.",
    );

    await t.core.dreams.share(ownerId, dream.id, {});
    await h.sendText(stranger, `/start dream_${dream.id}`);
    expect(lastIn(h, stranger)?.text).toContain(FLIGHT_DREAM);
    expect(lastIn(h, stranger)?.text).toContain('👤 Vera');
  });
});
