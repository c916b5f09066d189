import type { Cache } from '../platform/cache.ts';

/**
 * A cache of journal pages (lists and searches) per user. Every change to a user's dreams — their
 * own actions in the service, and every row a background job writes — moves the user's version, so
 * the next read misses. What changes with time alone (views, the end of a public window) shows within
 * `ttlSeconds`. Keys carry the version read before the query, so a page computed while a change
 * lands is stored where nobody will look again.
 */
export function createJournalCache(cache: Cache, ttlSeconds = 30) {
  const versionKey = (userId: number) => `journal:v:${userId}`;
  // The query's JSON is the key itself: short enough, and hashing it cost more than it saved.
  const pageKey = (userId: number, version: string, query: unknown) =>
    `journal:${userId}:${version}:${JSON.stringify(query)}`;

  return {
    /** Reads the cached page (as stored bytes) for this query, and where to store a fresh one. */
    async read(
      userId: number,
      query: unknown,
    ): Promise<{ hit?: Buffer; store(value: Buffer): Promise<void> }> {
      const version = (await cache.get(versionKey(userId))) ?? '0';
      const key = pageKey(userId, version, query);
      const raw = await cache.getBuffer(key);
      return {
        hit: raw ?? undefined,
        store: (value: Buffer) => cache.set(key, value, ttlSeconds),
      };
    },

    /** The user's dreams changed: their cached pages are no longer served. */
    async changed(userId: number): Promise<void> {
      await cache.set(
        versionKey(userId),
        `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        24 * 3600,
      );
    },
  };
}

export type JournalCache = ReturnType<typeof createJournalCache>;
