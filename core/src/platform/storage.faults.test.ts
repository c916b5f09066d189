import { createTestDatabase, type TestDatabase } from '@mechta/testing/db';
import { type RedisServer, startRedisServer } from '@mechta/testing/faults/redisServer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cache, createCache } from './cache.ts';
import { createSessionStorage } from './sessions.ts';
import { createUpdateDeduper } from './updates.ts';

/** Bot sessions and update claims in Redis mode, while that Redis is down: the tables stand in. */
let redis: RedisServer;
let database: TestDatabase;
let cache: Cache;

beforeAll(async () => {
  [redis, database] = await Promise.all([startRedisServer(), createTestDatabase()]);
  cache = createCache(redis.url, 'storage-faults:');
  while (!(await cache.ping())) await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  await cache?.close();
  await redis?.kill();
  await database?.drop();
});

describe.sequential('Redis-mode storage while Redis is down', () => {
  it('update claims are judged by the table: the first wins, a redelivery is dropped', async () => {
    const deduper = createUpdateDeduper({ db: database.db, cache });
    expect(await deduper.claim(1)).toBe(true);
    expect(await deduper.claim(1)).toBe(false);
    await redis.kill();
    expect(await deduper.claim(2)).toBe(true);
    expect(await deduper.claim(2)).toBe(false);
    // A second instance on the same table agrees.
    expect(await createUpdateDeduper({ db: database.db, cache }).claim(2)).toBe(false);
  });

  it('sessions are read and written in the table, so a conversation goes on', async () => {
    const storage = createSessionStorage<{ step: number }>({ db: database.db, cache });
    expect(await storage.read('chat:9')).toBeUndefined();
    await storage.write('chat:9', { step: 1 });
    await storage.write('chat:9', { step: 2 });
    expect(await createSessionStorage<{ step: number }>({ db: database.db, cache }).read('chat:9')).toEqual({
      step: 2,
    });
    await storage.delete('chat:9');
    expect(await storage.read('chat:9')).toBeUndefined();
  });
});
