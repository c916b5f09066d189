import { createTestCore, type TestCore } from '@mechta/testing/core';
import { testRedisUrl } from '@mechta/testing/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpdateDeduper } from './updates.ts';

for (const mode of ['postgres', 'redis'] as const) {
  describe.skipIf(mode === 'redis' && !testRedisUrl())(`update de-duplication (${mode})`, () => {
    let t: TestCore;
    beforeAll(async () => {
      t = await createTestCore({}, { useRedis: mode === 'redis' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('claims an update id once, across instances and concurrent claims', async () => {
      const a = createUpdateDeduper(t.core);
      const b = createUpdateDeduper(t.core);
      expect(await a.claim(1001)).toBe(true);
      expect(await b.claim(1001)).toBe(false);
      const racing = await Promise.all([a.claim(1002), b.claim(1002), a.claim(1002)]);
      expect(racing.filter(Boolean)).toHaveLength(1);
    });

    it('forgets ids older than a day when pruned', async () => {
      const deduper = createUpdateDeduper(t.core);
      await deduper.claim(2001);
      await deduper.claim(2002);
      if (mode === 'postgres') {
        await t.core.db
          .updateTable('processedUpdates')
          .set({ processedAt: new Date(Date.now() - 25 * 3600 * 1000) })
          .where('updateId', '=', 2001)
          .execute();
        expect(await deduper.prune()).toBe(1);
        expect(await deduper.claim(2001)).toBe(true);
      } else {
        // Redis keys carry their own 24 h expiry; there is nothing to prune.
        expect(await deduper.prune()).toBe(0);
        expect(await t.core.cache.redis?.ttl('update:2001')).toBeGreaterThan(23 * 3600);
      }
      expect(await deduper.claim(2002)).toBe(false);
    });
  });
}
