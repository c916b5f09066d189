import { randomUUID } from 'node:crypto';
import { testRedisUrl } from '@mechta/testing/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cache, createCache } from './cache.ts';

for (const mode of ['memory', 'redis'] as const) {
  describe.skipIf(mode === 'redis' && !testRedisUrl())(`cache (${mode})`, () => {
    let cache: Cache;
    beforeAll(() => {
      cache = createCache(mode === 'redis' ? testRedisUrl() : undefined, `test-cache-${randomUUID()}:`);
    });
    afterAll(async () => {
      await cache?.close();
    });

    it('keeps bytes as bytes and text as text, whichever way they are read back', async () => {
      const text = '{"text":"Я летал над городом 🌙"}';
      await cache.set('bytes', Buffer.from(text), 60);
      await cache.set('text', text, 60);
      expect((await cache.getBuffer('bytes'))?.equals(Buffer.from(text))).toBe(true);
      expect(await cache.get('bytes')).toBe(text);
      expect((await cache.getBuffer('text'))?.toString()).toBe(text);
      expect(await cache.get('text')).toBe(text);
      expect(await cache.getBuffer('absent')).toBeNull();
    });

    it('forgets a value after its time and on delete', async () => {
      await cache.set('short', 'x', 1);
      await cache.set('gone', 'y', 60);
      await cache.del('gone');
      expect(await cache.get('gone')).toBeNull();
      await new Promise((r) => setTimeout(r, 1100));
      expect(await cache.get('short')).toBeNull();
    });

    it('claims a key once', async () => {
      expect(await cache.setIfAbsent('claim', '1', 60)).toBe(true);
      expect(await cache.setIfAbsent('claim', '2', 60)).toBe(false);
      expect(await cache.get('claim')).toBe('1');
    });
  });
}
