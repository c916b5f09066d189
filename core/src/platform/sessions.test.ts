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

    it('stores where the mode says: Redis only when REDIS_URL is set', async () => {
      await createSessionStorage(t.core).write('where', { x: 1 });
      const row = await t.core.db
        .selectFrom('botSessions')
        .select('key')
        .where('key', '=', 'where')
        .executeTakeFirst();
      expect(row !== undefined).toBe(mode === 'postgres');
    });
  });
}
