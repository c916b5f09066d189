import { createHash } from 'node:crypto';
import type { Cache } from '../platform/cache.ts';

/**
 * A short-lived cache of journal pages (lists and searches) per user. Every change the user makes
 * (create, edit, delete, share, video request) moves the user's version, so their next read misses;
 * progress written by background jobs (analysis, image, video %) shows within `ttlSeconds`, which the
 * Mini App's polling already allows for. Keys carry the version read before the query, so a page
 * computed while a change lands is stored where nobody will look again.
 */
export function createJournalCache(cache: Cache, ttlSeconds = 2) {
  const versionKey = (userId: number) => `journal:v:${userId}`;
  const pageKey = (userId: number, version: string, query: unknown) =>
    `journal:${userId}:${version}:${createHash('sha1').update(JSON.stringify(query)).digest('base64url')}`;

  return {
    /** Reads the cached page for this query, and the version to store a fresh one under. */
    async read<T>(userId: number, query: unknown): Promise<{ hit?: T; store(value: T): Promise<void> }> {
      const version = (await cache.get(versionKey(userId))) ?? '0';
      const key = pageKey(userId, version, query);
      const raw = await cache.get(key);
      return {
        hit: raw === null ? undefined : (JSON.parse(raw) as T),
        store: (value: T) => cache.set(key, JSON.stringify(value), ttlSeconds),
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
