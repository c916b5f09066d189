import { type Database, deleteBotSession, readBotSession, writeBotSession } from '@mechta/db';
import type { Cache } from './cache.ts';

/**
 * Key-value storage for bot state (grammY sessions, conversation replay logs). Structurally the same
 * as grammY's `StorageAdapter`, so core needs no grammY import.
 */
export interface SessionStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

const REDIS_PREFIX = 'bot-session:';

/**
 * Persistent session storage: Redis when REDIS_URL is set (every instance sees the same state),
 * otherwise the `bot_sessions` table. Never memory: a restart must not lose a user's place.
 */
export function createSessionStorage<T>(deps: { db: Database; cache: Cache }): SessionStorage<T> {
  const redis = deps.cache.redis;
  if (redis) {
    return {
      async read(key) {
        const raw = await redis.get(REDIS_PREFIX + key);
        return raw === null ? undefined : (JSON.parse(raw) as T);
      },
      async write(key, value) {
        await redis.set(REDIS_PREFIX + key, JSON.stringify(value));
      },
      async delete(key) {
        await redis.del(REDIS_PREFIX + key);
      },
    };
  }
  const { db } = deps;
  return {
    async read(key) {
      return (await readBotSession(db, key)) as T | undefined;
    },
    write: (key, value) => writeBotSession(db, key, value),
    delete: (key) => deleteBotSession(db, key),
  };
}
