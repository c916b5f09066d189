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
/** When no configuration is given (tools, tests): a month, like BOT_SESSION_TTL_SECONDS. */
const DEFAULT_TTL_SECONDS = 30 * 86_400;

/**
 * Persistent session storage. The `bot_sessions` table always holds the durable copy. With REDIS_URL
 * set, Redis is the shared fast copy every instance reads first: each key lives `sessionTtlSeconds`
 * after its last write, so chats that went quiet leave Redis, and one read back from the table
 * comes back into Redis. Without Redis there is one process, which serves reads from memory.
 * Never memory alone: a restart must not lose a user's place.
 */
export function createSessionStorage<T>(deps: {
  db: Database;
  ephemeralDb?: Database;
  cache: Cache;
  config?: { bot: { sessionTtlSeconds: number } };
}): SessionStorage<T> {
  const redis = deps.cache.redis;
  const db = deps.ephemeralDb ?? deps.db;
  if (redis) {
    const ttl = deps.config?.bot.sessionTtlSeconds ?? DEFAULT_TTL_SECONDS;
    const redisKey = (key: string) => REDIS_PREFIX + key;
    // The table is written first, so it always holds the latest state. While Redis is away the table
    // stands in and the bot keeps answering; a Redis copy a failed write may have left stale is
    // evicted through the cache once Redis is back (cache.del remembers it).
    return skipUnchangedWrites<T>({
      async read(key) {
        const raw = await redis.get(redisKey(key)).catch(() => FAILED);
        if (typeof raw === 'string') return JSON.parse(raw) as T;
        const value = (await readBotSession(db, key)) as T | undefined;
        if (raw === null && value !== undefined) {
          await redis.set(redisKey(key), JSON.stringify(value), 'EX', ttl).catch(() => undefined);
        }
        return value;
      },
      async write(key, value) {
        await writeBotSession(db, key, value);
        await redis
          .set(redisKey(key), JSON.stringify(value), 'EX', ttl)
          .catch(() => deps.cache.del(redisKey(key)));
      },
      async delete(key) {
        await deleteBotSession(db, key);
        await redis.del(redisKey(key)).catch(() => deps.cache.del(redisKey(key)));
      },
    });
  }
  // Without Redis there is one process (CONTRACT: single-process mode), so it is the only writer of
  // these rows and may serve reads from memory: the table is written through, for restarts.
  const memory = processCache(db);
  return {
    async read(key) {
      const hit = memory.get(key);
      if (hit !== undefined) return hit === MISSING ? undefined : (JSON.parse(hit) as T);
      const value = (await readBotSession(db, key)) as T | undefined;
      memory.set(key, value === undefined ? MISSING : JSON.stringify(value));
      return value;
    },
    async write(key, value) {
      // grammY writes back every session it read; most updates change nothing.
      const json = JSON.stringify(value);
      if (memory.get(key) === json) return;
      await writeBotSession(db, key, value);
      memory.set(key, json);
    },
    async delete(key) {
      memory.delete(key);
      await deleteBotSession(db, key);
      memory.delete(key);
    },
  };
}

const MISSING = '\u0000missing';
const FAILED = Symbol('redis unavailable');
const PROCESS_CACHE_LIMIT = 50_000;
const processCaches = new WeakMap<Database, BoundedMap>();

/** One read-through cache per database handle, shared by every storage built on it in this process. */
function processCache(db: Database): BoundedMap {
  let cache = processCaches.get(db);
  if (!cache) {
    cache = new BoundedMap(PROCESS_CACHE_LIMIT);
    processCaches.set(db, cache);
  }
  return cache;
}

/** A Map that forgets its least recently set keys beyond `limit`. */
class BoundedMap {
  private readonly map = new Map<string, string>();
  constructor(private readonly limit: number) {}
  get(key: string): string | undefined {
    return this.map.get(key);
  }
  set(key: string, value: string): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as string);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

/** How many keys' last-known JSON is remembered to skip rewrites; an LRU bound on memory. */
const KNOWN_VALUES_LIMIT = 10_000;

/**
 * Redis mode: grammY writes a session back after every update that read it, changed or not.
 * Remembering the JSON last read or written per key lets an unchanged session skip the round trip.
 * A value another instance wrote meanwhile is left alone, which is right: this
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
