import { createBotHarness, TEST_BOT_INFO, type TestUser } from '@mechta/testing/botHarness';
import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import { formatText } from '@mechta/testing/fake-bot-api';
import { type KnownMessage, randomUpdates } from '@mechta/testing/randomUpdates';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_COMMANDS, USER_COMMANDS } from './commands.ts';

// SWEEP_SEED and SWEEP_UPDATES replay or widen a sweep by hand; the suite runs the fixed one.
const SEED = Number(process.env.SWEEP_SEED ?? 20261204);
const UPDATES = Number(process.env.SWEEP_UPDATES ?? 600);
const DREAM = 'Мне снилось, что я лечу над ночным городом, а внизу светятся окна и река.';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(async () => {
  await t?.close();
});

// The bot's own callback data, with `<id>` for a dream id (own or someone else's) and `<x>` for garbage.
const CALLBACK_TEMPLATES = [
  ...['v', 's', 'a', 'u', 'd', 'dy', 'dn'].map((a) => `dream:${a}:<id>`),
  'dream:<x>:<id>',
  'dream:v:<x>',
  'dlog:lucid',
  'dlog:mood:<x>',
  'dlog:save',
  'dlog:edit',
  'dlog:cancel',
  'noop',
  ...[
    'main',
    'settings',
    'settings-language',
    'settings-notifications',
    'dream-journal',
    'dream-feed',
    'wallet',
    'wallet-buy',
    'admin',
    'admin-stats',
    'admin-payments',
    'admin-refund',
    'admin-user',
    'admin-user-plan',
  ].flatMap((menu) => [`${menu}/0/0//`, `${menu}/<x>/<x>/<x>/<x>`, `${menu}/0/0/<id>/<x>`]),
];

describe('update sweep', () => {
  it(`survives ${UPDATES} seeded random updates with no unexpected error, then still answers /start`, async () => {
    const h = createBotHarness(t.core);
    const users: TestUser[] = [
      { id: 7_100_001, first_name: 'Аня', language_code: 'ru' },
      { id: 7_100_002, first_name: 'Ben <b>', language_code: 'en' },
      { id: 7_100_003, first_name: 'Zoë\u0000', language_code: 'uk' },
      { id: TEST_ADMIN_ID, first_name: 'Admin', language_code: 'en' },
      // Never sends /start first: every update of theirs meets a user the bot does not know yet.
      { id: 7_100_005, first_name: 'Stranger' },
    ];
    const dreamIds: string[] = [];
    for (const u of users.slice(0, 4)) {
      await h.sendText(u, '/start');
      const dream = await t.core.dreams.create(u.id, { text: DREAM, source: 'api' });
      dreamIds.push(dream.id);
      if (u.id !== TEST_ADMIN_ID) await t.core.dreams.share(u.id, dream.id, { anonymous: u.id % 2 === 0 });
      for (const text of ['/settings', '/balance', '/buy', '/dreams', '/feed', '/menu', '/admin']) {
        await h.sendText(u, text);
      }
    }
    // The buttons the bot really drew, exactly as drawn: their fingerprints are current.
    const drawn = h
      .replies()
      .flatMap((r) => r.keyboard.flat())
      .flatMap((b) => ('callback_data' in b && b.callback_data ? [b.callback_data] : []));

    const unexpected: unknown[] = [];
    const fed = new Map<number, Update>();
    // Each error-level log, in a line that says which update type failed and how.
    const logged = vi.spyOn(t.core.logger, 'error').mockImplementation(((
      fields: { err?: unknown; updateId?: number },
      message?: string,
    ) => {
      const err =
        fields.err instanceof Error ? `${fields.err.name}: ${fields.err.message}` : String(fields.err);
      const update = JSON.stringify(fed.get(fields.updateId ?? -1) ?? {}).slice(0, 300);
      unexpected.push(`${message}: ${err} — ${update}`);
    }) as never);
    const onRejection = (reason: unknown) => unexpected.push({ unhandledRejection: reason });
    process.on('unhandledRejection', onRejection);

    const known = (): KnownMessage[] =>
      h.replies().map((r) => ({ chatId: r.chatId, messageId: r.messageId, text: r.text }));
    const started = Date.now();
    const before = h.calls.length;
    let handled = 0;
    try {
      for (const update of randomUpdates({
        seed: SEED,
        count: UPDATES,
        users,
        botUsername: TEST_BOT_INFO.username,
        commands: [...USER_COMMANDS, ...ADMIN_COMMANDS],
        callbackTemplates: [...CALLBACK_TEMPLATES, ...drawn],
        dreamIds,
        knownMessages: known,
        firstUpdateId: 50_000_000,
      })) {
        fed.set(update.update_id, update);
        try {
          await h.handle(update);
        } catch (error) {
          unexpected.push({ update, thrown: error });
        }
        handled++;
      }
    } finally {
      logged.mockRestore();
      process.off('unhandledRejection', onRejection);
    }
    const seconds = (Date.now() - started) / 1000;
    expect(handled).toBe(UPDATES);
    // Telegram would have taken every text the bot sent: well-formed HTML, within its lengths.
    const refused = h.calls.slice(before).flatMap(({ method, payload: p }) => {
      const field = p.text !== undefined ? 'text' : p.caption !== undefined ? 'caption' : undefined;
      if (!field || method === 'answerCallbackQuery') return [];
      try {
        formatText(p[field], p.parse_mode, field === 'text' ? p.entities : p.caption_entities, field);
        return [];
      } catch (error) {
        return [`${method}: ${(error as Error).message} — ${String(p[field]).slice(0, 200)}`];
      }
    });
    expect(refused).toEqual([]);
    // The sweep reached the features, not only the gates: the bot answered in many ways.
    const methods = new Set(h.calls.slice(before).map((c) => c.method));
    for (const m of ['sendMessage', 'answerCallbackQuery', 'answerPreCheckoutQuery', 'editMessageText']) {
      expect(methods, `the sweep made no ${m} call`).toContain(m);
    }
    expect(unexpected, `after ${handled} updates in ${seconds.toFixed(1)} s`).toEqual([]);

    // Everyone, including those the sweep wrote as, still gets an answer to /start.
    for (const u of [...users, { id: 7_100_099, first_name: 'Fresh', language_code: 'en' }]) {
      const calls = await h.sendText({ ...u, first_name: 'Back' }, '/start');
      const greeting = calls.find((c) => c.method === 'sendMessage')?.payload.text;
      expect(greeting, `user ${u.id}`).toMatch(/Back/);
    }
  }, 60_000);
});

/** Error-level logs while `run` runs, one line each. */
async function errorsDuring(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(t.core.logger, 'error').mockImplementation(((f: { err?: unknown }, m?: string) => {
    lines.push(`${m}: ${f.err instanceof Error ? f.err.message : String(f.err)}`);
  }) as never);
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

describe('what the sweep found', () => {
  it('stores a name with NUL and texts with NUL or lone surrogates (as U+FFFD) instead of failing', async () => {
    const h = createBotHarness(t.core);
    const u: TestUser = { id: 7_200_001, first_name: 'Zoë\u0000', language_code: 'en' };
    const errors = await errorsDuring(async () => {
      const greeting = await h.sendText(u, '/start');
      expect(greeting.find((c) => c.method === 'sendMessage')?.payload.text).toContain('Zoë\uFFFD');
      await h.sendText(u, '/dream');
      // The conversation keeps the update it replays in PostgreSQL (jsonb refuses both).
      const answer = await h.sendText(u, `${DREAM} \u0000 \uD800 конец`);
      expect(answer.some((c) => c.method === 'sendMessage' || c.method === 'editMessageText')).toBe(true);
    });
    expect(errors).toEqual([]);
    expect((await t.core.users.findUser(u.id))?.firstName).toBe('Zoë\uFFFD');
  });

  it('ignores channel posts and anonymous group admins quietly', async () => {
    const h = createBotHarness(t.core);
    const channel = { id: -1_009_000_000_001, type: 'channel' as const, title: 'News' };
    const group = { id: -1_009_000_000_002, type: 'supergroup' as const, title: 'Dreamers' };
    const command = { type: 'bot_command' as const, offset: 0, length: 8 };
    const errors = await errorsDuring(async () => {
      const post = {
        message_id: 1,
        date: 1,
        chat: channel,
        sender_chat: channel,
        text: '/balance',
        entities: [command],
      };
      expect(await h.handle({ update_id: 60_000_001, channel_post: post } as Update)).toEqual([]);
      const anonymous = {
        ...post,
        chat: group,
        sender_chat: group,
        from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' },
      };
      expect(await h.handle({ update_id: 60_000_002, message: anonymous } as Update)).toEqual([]);
    });
    expect(errors).toEqual([]);
  });

  it('answers a button on an inline message in the presser’s private chat', async () => {
    const h = createBotHarness(t.core);
    const u: TestUser = { id: 7_200_003, first_name: 'Ira', language_code: 'en' };
    await h.sendText(u, '/buy');
    const offer = h.lastReply()?.keyboard.flat()[0];
    if (!offer || !('callback_data' in offer)) throw new Error('the offers menu has no button');
    const dream = await t.core.dreams.create(u.id, { text: DREAM, source: 'api' });
    const press = (data: string, id: number) =>
      h.handle({
        update_id: id,
        callback_query: {
          id: String(id),
          from: { ...u, is_bot: false },
          chat_instance: 'c',
          inline_message_id: 'AAA',
          data,
        },
      });
    const errors = await errorsDuring(async () => {
      const invoice = (await press(offer.callback_data, 60_000_003)).find((c) => c.method === 'sendInvoice');
      expect(invoice?.payload.chat_id).toBe(u.id);
      // The video button: offline, the answer that there is no video goes to the private chat too.
      const video = await press(`dream:v:${dream.id}`, 60_000_004);
      expect(video.find((c) => c.method === 'sendMessage')?.payload.chat_id).toBe(u.id);
    });
    expect(errors).toEqual([]);
  });
});
