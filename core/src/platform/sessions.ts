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
export function createSessionStorage<T>(deps: {
  db: Database;
  ephemeralDb?: Database;
  cache: Cache;
}): SessionStorage<T> {
  return skipUnchangedWrites(createBackend<T>(deps));
}

function createBackend<T>(deps: { db: Database; ephemeralDb?: Database; cache: Cache }): SessionStorage<T> {
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
  const db = deps.ephemeralDb ?? deps.db;
  return {
    async read(key) {
      return (await readBotSession(db, key)) as T | undefined;
    },
    write: (key, value) => writeBotSession(db, key, value),
    delete: (key) => deleteBotSession(db, key),
  };
}

/** How many keys' last-known JSON is remembered to skip rewrites; an LRU bound on memory. */
const KNOWN_VALUES_LIMIT = 10_000;

/**
 * grammY writes a session back after every update that read it, changed or not. Remembering the
 * JSON last read or written per key lets an unchanged session skip the round trip (most updates
 * change nothing). A value another instance wrote meanwhile is left alone, which is right: this
 * update did not change it.
 */
function skipUnchangedWrites<T>(inner: SessionStorage<T>): SessionStorage<T> {
  const known = new Map<string, string>();
  const remember = (key: string, json: string) => {
    known.delete(key);
    known.set(key, json);
    if (known.size > KNOWN_VALUES_LIMIT) known.delete(known.keys().next().value as string);
  };
  return {
    async read(key) {
      const value = await inner.read(key);
      if (value === undefined) known.delete(key);
      else remember(key, JSON.stringify(value));
      return value;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      if (known.get(key) === json) return;
      await inner.write(key, value);
      remember(key, json);
    },
    async delete(key) {
      known.delete(key);
      await inner.delete(key);
    },
  };
}
