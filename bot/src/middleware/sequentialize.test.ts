import { createChatLock, createSessionStorage } from '@mechta/core';
import { TEST_BOT_INFO } from '@mechta/testing/botHarness';
import { createTestCore, TEST_BOT_TOKEN, type TestCore } from '@mechta/testing/core';
import { testRedisUrl } from '@mechta/testing/db';
import { Bot, type Context, type SessionFlavor, session } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentializeByChat } from './sequentialize.ts';

type Ctx = Context & SessionFlavor<{ n: number }>;
const CHAT = 777_001;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const message = (updateId: number): Update => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: CHAT, type: 'private', first_name: 'Ann' },
    from: { id: CHAT, is_bot: false, first_name: 'Ann' },
    text: `update ${updateId}`,
  },
});

/**
 * Two instances of one deployment (webhook mode behind a load balancer): each its own core, Redis
 * connection and bot, on one database and one Redis. Each update reads a counter from the chat's
 * session, yields for a while (as real handlers do, awaiting the database), and writes it back + 1.
 */
describe.skipIf(!testRedisUrl())('per-chat order across two instances', () => {
  let a: TestCore;
  let b: TestCore;
  beforeAll(async () => {
    const cachePrefix = `mechta-test-lock-${Math.random().toString(36).slice(2, 8)}:`;
    a = await createTestCore({}, { useRedis: true, cachePrefix });
    b = await createTestCore({}, { useRedis: true, cachePrefix, database: a.database });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('runs one chat’s updates one at a time, in update order, losing no session write', async () => {
    const handled: number[] = [];
    let active = 0;
    let maxActive = 0;
    const instance = (t: TestCore) => {
      const bot = new Bot<Ctx>(TEST_BOT_TOKEN, { botInfo: TEST_BOT_INFO });
      bot.use(sequentializeByChat<Ctx>(createChatLock(t.core.cache)));
      bot.use(session({ initial: () => ({ n: 0 }), storage: createSessionStorage<{ n: number }>(t.core) }));
      bot.on('message', async (ctx) => {
        active++;
        maxActive = Math.max(maxActive, active);
        handled.push(ctx.update.update_id);
        const { n } = ctx.session;
        await sleep(10);
        ctx.session.n = n + 1;
        active--;
      });
      return bot;
    };
    const bots = [instance(a), instance(b)];
    const N = 24;
    // The first update holds the chat while the rest arrive, interleaved across both instances at once.
    const first = bots[0]!.handleUpdate(message(1));
    while (handled.length === 0) await sleep(1);
    const rest = Array.from({ length: N - 1 }, (_, i) => bots[(i + 1) % 2]!.handleUpdate(message(i + 2)));
    await Promise.all([first, ...rest]);

    expect(maxActive).toBe(1);
    expect(handled).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(await createSessionStorage(a.core).read(String(CHAT))).toEqual({ n: N });
    const row = await a.core.db
      .selectFrom('botSessions')
      .select('value')
      .where('key', '=', String(CHAT))
      .executeTakeFirst();
    expect(row?.value).toEqual({ n: N });
  });

  it('is not blocked for good by an instance that died holding the lock or waiting for it', async () => {
    const redis = a.core.cache.redis!;
    const chat = 777_002;
    // A holder whose lease runs out in 300 ms, and a waiter ahead in the queue that stopped polling.
    await redis.set(`chat-lock:${chat}`, 'dead-holder', 'PX', 300);
    await redis.zadd(`chat-lock-queue:${chat}`, 1, 'dead-waiter');
    const started = Date.now();
    const result = await createChatLock(b.core.cache)!.run(chat, 5, async () => 'ran');
    expect(result).toBe('ran');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await redis.exists(`chat-lock:${chat}`, `chat-lock-queue:${chat}`)).toBe(0);
  });
});
