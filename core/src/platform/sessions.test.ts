import { createTestCore, type TestCore } from '@mechta/testing/core';
import { testRedisUrl } from '@mechta/testing/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionStorage } from './sessions.ts';

for (const mode of ['postgres', 'redis'] as const) {
  describe.skipIf(mode === 'redis' && !testRedisUrl())(`session storage (${mode})`, () => {
    let t: TestCore;
    beforeAll(async () => {
      t = await createTestCore({}, { useRedis: mode === 'redis' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('keeps values across storage instances (a restart) until deleted', async () => {
      const first = createSessionStorage<{ step: number; tags: string[] }>(t.core);
      expect(await first.read('chat:1')).toBeUndefined();
      await first.write('chat:1', { step: 2, tags: ['a'] });
      await first.write('chat:1', { step: 3, tags: ['a', 'b'] });
      const second = createSessionStorage<{ step: number; tags: string[] }>(t.core);
      expect(await second.read('chat:1')).toEqual({ step: 3, tags: ['a', 'b'] });
      expect(await second.read('chat:2')).toBeUndefined();
      await second.delete('chat:1');
      expect(await first.read('chat:1')).toBeUndefined();
    });

    it('keeps the durable copy in PostgreSQL in either mode', async () => {
      await createSessionStorage(t.core).write('where', { x: 1 });
      const row = await t.core.db
        .selectFrom('botSessions')
        .select('value')
        .where('key', '=', 'where')
        .executeTakeFirst();
      expect(row?.value).toEqual({ x: 1 });
    });

    it.runIf(mode === 'redis')('gives Redis keys a TTL, refreshed on every write', async () => {
      const redis = t.core.cache.redis!;
      const storage = createSessionStorage<{ n: number }>({
        ...t.core,
        config: { bot: { sessionTtlSeconds: 3600 } },
      });
      await storage.write('ttl', { n: 1 });
      const first = await redis.ttl('bot-session:ttl');
      expect(first).toBeGreaterThan(3500);
      expect(first).toBeLessThanOrEqual(3600);
      await redis.expire('bot-session:ttl', 100);
      await storage.write('ttl', { n: 2 });
      expect(await redis.ttl('bot-session:ttl')).toBeGreaterThan(3500);
      // The default follows the configuration (30 days unless BOT_SESSION_TTL_SECONDS says otherwise).
      await createSessionStorage(t.core).write('ttl-default', { n: 1 });
      expect(await redis.ttl('bot-session:ttl-default')).toBeGreaterThan(29 * 86_400);
    });

    it.runIf(mode === 'redis')('reads a session whose Redis key expired back from PostgreSQL', async () => {
      const redis = t.core.cache.redis!;
      await createSessionStorage(t.core).write('evicted', { step: 7 });
      await redis.pexpire('bot-session:evicted', 1);
      await new Promise((r) => setTimeout(r, 20));
      expect(await redis.exists('bot-session:evicted')).toBe(0);
      // A fresh storage (another instance, or after a restart) has nothing in memory to fall back on.
      expect(await createSessionStorage(t.core).read('evicted')).toEqual({ step: 7 });
      // The read brought it back into Redis, with a TTL again.
      expect(await redis.ttl('bot-session:evicted')).toBeGreaterThan(0);
    });
  });
}
