import fs from 'node:fs/promises';
import { isAppError, registerDreamsJobs } from '@mechta/core';
import { fileExists, tempDataDir, waitFor } from '@mechta/core/dreams/testing';
import { findDreamById } from '@mechta/db';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import { type FakeOpenAi, SAMPLE_DREAM_ANALYSIS, startFakeOpenAi } from '@mechta/testing/fake-openai';
import { type FakeReplicate, startFakeReplicate } from '@mechta/testing/fake-replicate';
import { opusVoiceNote } from '@mechta/testing/voice';
import type { Bot } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BotContext } from '../../context.ts';
import { createBot } from '../../index.ts';
import { createBotNotifier } from '../../notifier.ts';

const FLIGHT_DREAM =
  'I was flying over a sleeping city at night, the lights below were warm and I was not afraid.';
const WAIT_MS = 20_000;

const textOf = (m: Message) => m.text ?? m.caption ?? '';
const buttonsOf = (m: Message) => m.reply_markup?.inline_keyboard.flat() ?? [];
const labelsOf = (m: Message) => buttonsOf(m).map((b) => b.text);
const dreamIdOf = (m: Message) => {
  for (const b of buttonsOf(m)) {
    const id = 'callback_data' in b ? /^dream:\w+:(.+)$/.exec(b.callback_data)?.[1] : undefined;
    if (id) return id;
  }
  throw new Error(`no dream buttons on message ${m.message_id}`);
};

/** The real bot, polling a fake Telegram, with the dreams jobs running against the same core. */
interface Stack {
  fake: FakeBotApi;
  t: TestCore;
  bot: Bot<BotContext>;
  /** What Telegram refused (bad HTML, a web_app button over http, …): a bug the user would notice. */
  refusals(): string[];
  close(): Promise<void>;
}

async function startStack(env: Record<string, string>): Promise<Stack> {
  const dataDir = await tempDataDir();
  const fake = await startFakeBotApi();
  const t = await createTestCore({
    TELEGRAM_API_ROOT: fake.url,
    DATA_DIR: dataDir,
    STARTING_TOKENS: '100',
    QUOTA_FREE_TEXT: '100',
    QUOTA_FREE_IMAGE: '100',
    ...env,
  });
  const bot = createBot(t.core);
  t.core.setNotifier(createBotNotifier(bot, t.core));
  await registerDreamsJobs(t.core, { videoPollIntervalMs: 20 });
  await t.core.queue.startWorkers();
  let polling: Promise<void> | undefined;
  await new Promise<void>((resolve, reject) => {
    polling = bot.start({ onStart: () => resolve() }).catch(reject);
  });
  return {
    fake,
    t,
    bot,
    // An edit into what a message already shows can happen when a job and the user redraw the same
    // card at once; the bot expects it. Anything else Telegram refused is a bug.
    refusals: () =>
      fake.calls
        .filter((c) => c.error && !c.error.description.includes('message is not modified'))
        .map((c) => `${c.method}: ${c.error?.description}`),
    async close() {
      await bot.stop();
      await polling;
      await t.close();
      await fake.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs a dream by text up to the Save button; returns the message that becomes the analysis card. */
async function logDreamByText(fake: FakeBotApi, user: FakeUser, text: string): Promise<number> {
  await fake.sendText(user, '/dream');
  await fake.waitForMessage(user.id, (m) => textOf(m).startsWith('🌙 Tell me your dream'));
  await fake.sendText(user, text);
  const review = await fake.waitForMessage(user.id, (m) => labelsOf(m).includes('✅ Save'));
  const since = fake.calls.length;
  await fake.pressButton(user, review, '✅ Save');
  const note = await fake.waitForCall(
    'sendMessage',
    (c) => c.payload.text === '🔮 Analysing your dream…' && Number(c.payload.chat_id) === user.id,
    { since, timeoutMs: WAIT_MS },
  );
  return (note.result as Message).message_id;
}

/**
 * A press on a card button inside an inline message (a card shared "via" the bot): Telegram sends
 * `inline_message_id` and no `message`, so the update has no chat.
 */
async function pressInline(fake: FakeBotApi, from: FakeUser, data: string): Promise<string> {
  const id = `inline-${from.id}-${fake.calls.length}`;
  await fake.deliverRaw({
    update_id: 50_000_000 + fake.calls.length,
    callback_query: {
      id,
      from: { id: from.id, is_bot: false, first_name: from.first_name, language_code: from.language_code },
      inline_message_id: `AAAA-${id}`,
      chat_instance: '-42',
      data,
    },
  });
  return id;
}

describe('dreams end to end, offline AI', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ AI_PROVIDER: 'offline' });
  });
  afterAll(async () => {
    await s?.close();
  });

  const ann: FakeUser = { id: 41_001, first_name: 'Ann', language_code: 'en' };
  const ben: FakeUser = { id: 41_002, first_name: 'Ben', language_code: 'en' };

  it('a text dream: "Analysing…" is edited into the analysis, then the picture arrives', async () => {
    const { fake } = s;
    const noteId = await logDreamByText(fake, ann, FLIGHT_DREAM);
    const card = await fake.waitForMessage(
      ann.id,
      (m) => m.message_id === noteId && labelsOf(m).length > 0,
      WAIT_MS,
    );
    expect(textOf(card)).toContain('A short reading from the symbol dictionary');
    expect(textOf(card)).toContain('Flight');
    expect(textOf(card)).toContain(FLIGHT_DREAM);
    // No video provider: no video button to press only to hear "not available".
    expect(labelsOf(card)).toEqual(['🔮 Readings', '🌍 Share', '🕶 Share anonymously', '✏️ Edit', '🗑 Delete']);

    const photo = await fake.waitForMessage(ann.id, (m) => m.photo !== undefined, WAIT_MS);
    expect(photo.caption).toContain('🎨 offline art');
    expect(photo.photo?.at(-1)?.width).toBeGreaterThan(1);
  });

  it('share → another user finds the dream in /feed with its author; delete removes it and its picture', async () => {
    const { fake, t } = s;
    const card = await fake.waitForMessage(ann.id, (m) => labelsOf(m).includes('🌍 Share'), WAIT_MS);
    const dreamId = dreamIdOf(card);
    await fake.pressButton(ann, card, '🌍 Share');
    await fake.waitForMessage(
      ann.id,
      (m) => m.message_id === card.message_id && labelsOf(m).includes('🔒 Unshare'),
    );

    await fake.sendText(ben, '/feed');
    const feed = await fake.waitForMessage(ben.id, (m) => textOf(m).startsWith('🌍 Dreams shared'));
    expect(textOf(feed)).toMatch(/1\. 🕊 .+ — Ann · ⏳ (24 h|23 h 59 min) left/);
    await fake.pressButton(ben, feed, /^1\. /);
    const seen = await fake.waitForMessage(ben.id, (m) => textOf(m).includes(FLIGHT_DREAM));
    expect(textOf(seen)).toContain('👤 Ann');

    const ownerId = ann.id;
    const row = await findDreamById(t.core.db, dreamId);
    const media = row?.imageMediaId ? await t.core.media.get(row.imageMediaId) : undefined;
    const file = media ? t.core.media.filePath(media) : '';
    expect(await fileExists(file)).toBe(true);

    const current = fake.messagesTo(ann.id).find((m) => m.message_id === card.message_id)!;
    await fake.pressButton(ann, current, '🗑 Delete');
    const asking = await fake.waitForMessage(ann.id, (m) => labelsOf(m).includes('🗑 Yes, delete it'));
    await fake.pressButton(ann, asking, '🗑 Yes, delete it');
    await fake.waitForMessage(
      ann.id,
      (m) => m.text === '🗑 Dream deleted, together with its picture and video.',
    );

    expect(await fileExists(file)).toBe(false);
    const gone = await t.core.dreams.get(ownerId, dreamId).catch((e: unknown) => e);
    expect(isAppError(gone) && gone.code).toBe('NOT_FOUND');
    await fake.sendText(ben, '/feed');
    await fake.waitForMessage(ben.id, (m) => textOf(m).startsWith('🌍 Nobody has shared a dream'));
    expect(s.refusals()).toEqual([]);
  });
  it('the video button on an inline message (no chat) answers, and says so in the private chat', async () => {
    const { fake } = s;
    const errors = vi.spyOn(s.t.core.logger, 'error');
    const noteId = await logDreamByText(fake, ben, FLIGHT_DREAM);
    const card = await fake.waitForMessage(
      ben.id,
      (m) => m.message_id === noteId && labelsOf(m).length > 0,
      WAIT_MS,
    );
    const since = fake.calls.length;
    const queryId = await pressInline(fake, ben, `dream:v:${dreamIdOf(card)}`);
    await fake.waitForCall('answerCallbackQuery', (c) => c.payload.callback_query_id === queryId, { since });
    await fake.waitForMessage(ben.id, (m) => textOf(m).startsWith("🎬 Video isn't available yet"));

    // Any other button on an inline message counts as pressed in the presser's private chat: answered, no error.
    await fake.sendText(ben, '/start');
    const greeting = await fake.waitForMessage(
      ben.id,
      (m) => m.message_id > card.message_id && labelsOf(m).length > 0,
    );
    const menuButton = buttonsOf(greeting).find((b) => 'callback_data' in b);
    const data = menuButton && 'callback_data' in menuButton ? menuButton.callback_data : '';
    const menuQuery = await pressInline(fake, ben, data);
    const answer = await fake.waitForCall(
      'answerCallbackQuery',
      (c) => c.payload.callback_query_id === menuQuery,
    );
    expect(answer).toBeTruthy();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(s.refusals()).toEqual([]);
  });
});

describe('dreams end to end, with OpenAI and Replicate', () => {
  let s: Stack;
  let openai: FakeOpenAi;
  let replicate: FakeReplicate;
  beforeAll(async () => {
    openai = await startFakeOpenAi();
    replicate = await startFakeReplicate();
    s = await startStack({
      AI_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.url,
      REPLICATE_API_TOKEN: 'r8_test',
      REPLICATE_BASE_URL: replicate.url,
    });
  });
  afterAll(async () => {
    await s?.close();
    await openai?.close();
    await replicate?.close();
  });

  const vera: FakeUser = { id: 42_001, first_name: 'Vera', language_code: 'en' };

  it('a voice dream: the transcript is shown, corrected and saved, then analysed and drawn', async () => {
    const { fake, t } = s;
    openai.enqueue('transcriptions', { kind: 'transcript', text: 'I was flying over the city at nigth.' });
    await fake.sendText(vera, '/dream');
    await fake.waitForMessage(vera.id, (m) => textOf(m).startsWith('🌙 Tell me your dream'));
    await fake.sendVoice(vera, Buffer.from('OggS fake opus voice'), 3);

    const heard = await fake.waitForMessage(
      vera.id,
      (m) => textOf(m).startsWith('Here is what I heard'),
      WAIT_MS,
    );
    expect(textOf(heard)).toContain('I was flying over the city at nigth.');
    expect(labelsOf(heard)).toEqual(expect.arrayContaining(['✅ Save', '✏️ Edit', '✖️ Cancel']));
    const upload = openai.requests.find((r) => r.endpoint === 'transcriptions');
    expect(upload?.form?.file).toMatchObject({ size: 'OggS fake opus voice'.length });
    expect(fake.calls.some((c) => c.method === 'sendChatAction' && c.payload.action === 'typing')).toBe(true);

    await fake.pressButton(vera, heard, '✏️ Edit');
    await fake.waitForMessage(vera.id, (m) => m.text === '✏️ Send the corrected text of the dream.');
    await fake.sendText(vera, 'I was flying over the city at night.');
    const review = await fake.waitForMessage(
      vera.id,
      (m) => labelsOf(m).includes('✅ Save') && textOf(m).includes('at night.'),
    );
    await fake.pressButton(vera, review, '✅ Save');

    const card = await fake.waitForMessage(vera.id, (m) => labelsOf(m).includes('🗑 Delete'), WAIT_MS);
    expect(textOf(card)).toContain(SAMPLE_DREAM_ANALYSIS.title);
    expect(textOf(card)).not.toContain('A short reading from the symbol dictionary');
    const photo = await fake.waitForMessage(vera.id, (m) => m.photo !== undefined, WAIT_MS);
    expect(photo.caption).toBe(SAMPLE_DREAM_ANALYSIS.title);

    const { items } = await t.core.dreams.list(vera.id, {});
    expect(items.map((d) => d.text)).toEqual(['I was flying over the city at night.']);
  });

  it('a voice dream keeps its voice note (owner only), through a corrected transcript, until the dream is deleted', async () => {
    const { fake, t } = s;
    const cases = [
      {
        who: { id: 42_101, first_name: 'Вера', language_code: 'ru' },
        heard: 'Вот что я',
        save: '✅ Сохранить',
        edit: '✏️ Изменить',
        del: '🗑 Удалить',
        yes: '🗑 Да, удалить',
      },
      {
        who: { id: 42_102, first_name: 'Will', language_code: 'en' },
        heard: 'Here is what I heard',
        save: '✅ Save',
        edit: '✏️ Edit',
        del: '🗑 Delete',
        yes: '🗑 Yes, delete it',
      },
    ];
    for (const c of cases) {
      const voice = opusVoiceNote();
      openai.enqueue('transcriptions', {
        kind: 'transcript',
        text: 'I was flying over the sea at nigth, slowly and calmly.',
      });
      await fake.sendText(c.who, '/dream');
      await fake.waitForMessage(c.who.id, (m) => textOf(m).startsWith('🌙'));
      await fake.sendVoice(c.who, voice, 3);
      const heard = await fake.waitForMessage(c.who.id, (m) => textOf(m).startsWith(c.heard), WAIT_MS);
      // Correcting the transcript keeps the recording it came from.
      await fake.pressButton(c.who, heard, c.edit);
      await fake.waitForMessage(c.who.id, (m) => (m.text ?? '').startsWith('✏️'));
      await fake.sendText(c.who, 'I was flying over the sea at night, slowly and calmly.');
      const review = await fake.waitForMessage(
        c.who.id,
        (m) => labelsOf(m).includes(c.save) && textOf(m).includes('at night,'),
      );
      await fake.pressButton(c.who, review, c.save);
      const card = await fake.waitForMessage(c.who.id, (m) => labelsOf(m).includes(c.del), WAIT_MS);

      const [dream] = (await t.core.dreams.list(c.who.id, {})).items;
      await waitFor(
        async () => (await t.core.dreams.get(c.who.id, dream!.id)).voice_url,
        (url) => url !== null,
        { what: 'the voice note' },
      );
      const mine = await t.core.dreams.get(c.who.id, dream!.id);
      expect(mine.voice_url).toMatch(/^\/media\/[0-9a-f-]{36}\?/);
      const row = await findDreamById(t.core.db, dream!.id);
      const audio = await t.core.media.get(row!.voiceMediaId!);
      expect(audio).toMatchObject({
        kind: 'audio',
        mime: 'audio/ogg',
        dreamId: dream!.id,
        bytes: voice.length,
      });
      const file = t.core.media.filePath(audio!);
      expect(await fs.readFile(file)).toEqual(voice);

      // Shared to the feed, the dream shows others its text, never the dreamer's voice.
      await t.core.dreams.share(c.who.id, dream!.id, {});
      expect((await t.core.dreams.get(vera.id, dream!.id)).voice_url).toBeNull();

      const current = fake.messagesTo(c.who.id).find((m) => m.message_id === card.message_id)!;
      await fake.pressButton(c.who, current, c.del);
      const asking = await fake.waitForMessage(c.who.id, (m) => labelsOf(m).includes(c.yes));
      await fake.pressButton(c.who, asking, c.yes);
      await waitFor(
        async () => fileExists(file),
        (exists) => !exists,
        { what: 'the voice file removed' },
      );
      expect(await t.core.media.get(audio!.id)).toBeUndefined();
    }
    expect(s.refusals()).toEqual([]);
  });

  it('a video: the progress message counts up, then the video arrives; the tokens are spent', async () => {
    const { fake, t } = s;
    const before = (await t.core.wallet.getBalance(vera.id)).balance;
    const card = await fake.waitForMessage(vera.id, (m) =>
      labelsOf(m).includes('🎬 Make a video (10 tokens)'),
    );
    const since = fake.calls.length;
    await fake.pressButton(vera, card, '🎬 Make a video (10 tokens)');

    const queued = await fake.waitForCall(
      'sendMessage',
      (c) => c.payload.text === '🎬 Video: queued…' && Number(c.payload.chat_id) === vera.id,
      { since, timeoutMs: WAIT_MS },
    );
    const progressId = (queued.result as Message).message_id;
    const video = await fake.waitForMessage(vera.id, (m) => m.video !== undefined, WAIT_MS);
    expect(video.caption).toContain(SAMPLE_DREAM_ANALYSIS.title);

    const progress = fake.calls
      .slice(since)
      .filter((c) => c.method === 'editMessageText' && c.payload.message_id === progressId && !c.error)
      .map((c) => c.payload.text);
    expect(progress).toContain('🎬 Video: 40%');
    expect(progress.at(-1)).toBe('🎬 Video: ready ✅');
    expect(fake.messagesTo(vera.id).find((m) => m.message_id === progressId)?.text).toBe(
      '🎬 Video: ready ✅',
    );
    expect(fake.calls.slice(since).some((c) => c.method === 'sendChatAction')).toBe(true);

    expect((await t.core.wallet.getBalance(vera.id)).balance).toBe(before - 10);
    // The card no longer offers a second video.
    const now = fake.messagesTo(vera.id).find((m) => m.message_id === card.message_id)!;
    expect(labelsOf(now)).not.toContain('🎬 Make a video (10 tokens)');
  });

  it('a failed video says so plainly in the progress message, with the tokens refunded', async () => {
    const { fake, t } = s;
    replicate.scriptNext({ steps: [{ status: 'starting' }, { status: 'failed', error: 'model crashed' }] });
    const noteId = await logDreamByText(fake, vera, FLIGHT_DREAM);
    const card = await fake.waitForMessage(
      vera.id,
      (m) => m.message_id === noteId && labelsOf(m).includes('🎬 Make a video (10 tokens)'),
      WAIT_MS,
    );
    const before = (await t.core.wallet.getBalance(vera.id)).balance;
    const since = fake.calls.length;
    await fake.pressButton(vera, card, '🎬 Make a video (10 tokens)');
    const queued = await fake.waitForCall(
      'sendMessage',
      (c) => c.payload.text === '🎬 Video: queued…' && Number(c.payload.chat_id) === vera.id,
      { since, timeoutMs: WAIT_MS },
    );
    const progressId = (queued.result as Message).message_id;
    const failed = await fake.waitForMessage(
      vera.id,
      (m) => m.message_id === progressId && textOf(m).includes("I couldn't film this dream"),
      WAIT_MS,
    );
    expect(textOf(failed)).toContain('10 tokens are back on your balance.');
    await waitFor(
      () => t.core.wallet.getBalance(vera.id),
      (b) => b.balance === before,
      { what: 'the refund' },
    );
    expect(s.refusals()).toEqual([]);
  });

  it('a video asked for from an inline message (no chat) is queued in the private chat', async () => {
    const { fake, t } = s;
    const errors = vi.spyOn(t.core.logger, 'error');
    const noteId = await logDreamByText(fake, vera, FLIGHT_DREAM);
    const card = await fake.waitForMessage(
      vera.id,
      (m) => m.message_id === noteId && labelsOf(m).includes('🎬 Make a video (10 tokens)'),
      WAIT_MS,
    );
    const since = fake.calls.length;
    const queryId = await pressInline(fake, vera, `dream:v:${dreamIdOf(card)}`);
    await fake.waitForCall('answerCallbackQuery', (c) => c.payload.callback_query_id === queryId, { since });
    await fake.waitForCall(
      'sendMessage',
      (c) => c.payload.text === '🎬 Video: queued…' && Number(c.payload.chat_id) === vera.id,
      { since, timeoutMs: WAIT_MS },
    );
    // The inline card itself is redrawn without its video button.
    await fake.waitForCall('editMessageText', (c) => c.payload.inline_message_id === `AAAA-${queryId}`, {
      since,
      timeoutMs: WAIT_MS,
    });
    await fake.waitForMessage(vera.id, (m) => m.video !== undefined && m.message_id > noteId, WAIT_MS);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(s.refusals()).toEqual([]);
  });
});
