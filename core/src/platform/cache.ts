import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from './logger.ts';

/**
 * A small key-value cache with expiry plus pub/sub: Redis when REDIS_URL is set (shared by every
 * instance), otherwise in-process (single-instance mode).
 */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  /** Reads and plain writes never fail: while Redis is away they are misses and no-ops. */
  get(key: string): Promise<string | null>;
  /** The value as bytes, undecoded: for values that are only ever written out as they are. */
  getBuffer(key: string): Promise<Buffer | null>;
  set(key: string, value: string | Buffer, ttlSeconds: number): Promise<void>;
  /** Sets only when absent; true when this call set it (a cheap cross-process claim). Throws while Redis is away. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  del(key: string): Promise<void>;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<boolean>;
  /** The raw client for libraries that take one (rate limiter, session storage); undefined in memory mode. */
  readonly redis?: Redis;
  close(): Promise<void>;
}

/** Cache options beyond the URL. */
export interface CacheOptions {
  /** Told once when Redis becomes unreachable and once when it is back. */
  logger?: Pick<Logger, 'warn' | 'info'>;
}

export function createCache(
  redisUrl: string | undefined,
  prefix = 'mechta:',
  opts: CacheOptions = {},
): Cache {
  return redisUrl ? createRedisCache(redisUrl, prefix, opts) : createMemoryCache();
}

/** Most keys whose eviction is remembered while Redis is away (an LRU bound on memory). */
const PENDING_EVICTIONS_LIMIT = 10_000;

/**
 * Commands fail at once while Redis is away instead of waiting in the offline queue (see the
 * 'ready' handler): every caller treats Redis as a cache in front of PostgreSQL, so a miss is right,
 * and a queued command would hold its request (or bot update) until Redis came back. The same client
 * goes to the rate limiter (skipOnError) and the session storage, which degrade the same way.
 */
const CLIENT_OPTIONS = {
  // A command in flight when the connection drops is failed, not replayed after a reconnect.
  maxRetriesPerRequest: 0,
  // Bounds a command on a connection that is open but no longer answering (a frozen or partitioned server).
  commandTimeout: 1000,
  // A connection attempt to a server that does not answer is given up soon, and tried again.
  connectTimeout: 2000,
  // Keep reconnecting for as long as it takes, at most every two seconds.
  retryStrategy: (times: number) => Math.min(times * 100, 2000),
};

function createRedisCache(url: string, prefix: string, opts: CacheOptions): Cache {
  const redis = new Redis(url, { ...CLIENT_OPTIONS, keyPrefix: prefix });
  let sub: Redis | undefined;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);

  // Writes that failed while Redis was away may leave a stale copy behind (when the server only
  // lost its network rather than its memory): those keys are deleted as soon as it is back.
  const pendingEvictions = new Set<string>();
  let down = false;
  // Without an 'error' listener ioredis prints "Unhandled error event" on every reconnect attempt.
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    opts.logger?.warn({ err: err.message }, 'Redis is unreachable; serving from PostgreSQL until it returns');
  });
  let retry: NodeJS.Timeout | undefined;
  const flushEvictions = () => {
    if (redis.status !== 'ready' || pendingEvictions.size === 0) return;
    const keys = [...pendingEvictions];
    pendingEvictions.clear();
    for (let i = 0; i < keys.length; i += 500) {
      const batch = keys.slice(i, i + 500);
      redis.del(...batch).catch(() => {
        for (const k of batch) failedWrite(k);
      });
    }
  };
  function failedWrite(key: string) {
    pendingEvictions.delete(key);
    pendingEvictions.add(key);
    if (pendingEvictions.size > PENDING_EVICTIONS_LIMIT) {
      pendingEvictions.delete(pendingEvictions.values().next().value as string);
    }
    // A command that timed out on a live connection sees no 'ready' again, hence a timer too; while
    // the connection is down, 'ready' flushes them.
    retry ??= setTimeout(() => {
      retry = undefined;
      flushEvictions();
    }, 1000).unref();
  }
  /**
   * Called with every failed cache command. A timeout means a connection that is open but silent (a
   * partition that sent no reset, a frozen server): it is dropped and reopened, so that until the
   * server answers again every caller — the rate limiter and the sessions too — fails at once
   * instead of each waiting out its own timeout.
   */
  const failed = (err: unknown) => {
    if (err instanceof Error && err.message === 'Command timed out' && redis.status === 'ready') {
      redis.disconnect(true);
    }
  };
  redis.on('ready', () => {
    // Until the first connection, commands wait for it (a start must not lose its first writes; a
    // failed attempt flushes them, maxRetriesPerRequest being 0); from then on they fail at once.
    redis.options.enableOfflineQueue = false;
    if (down) opts.logger?.info({ evicting: pendingEvictions.size }, 'Redis is back');
    down = false;
    flushEvictions();
  });

  return {
    kind: 'redis',
    redis,
    get: (k) =>
      redis.get(k).catch((err) => {
        failed(err);
        return null;
      }),
    getBuffer: (k) =>
      redis.getBuffer(k).catch((err) => {
        failed(err);
        return null;
      }),
    async set(k, v, ttl) {
      await redis.set(k, v, 'EX', ttl).catch((err) => {
        failed(err);
        failedWrite(k);
      });
    },
    // A claim cannot be guessed while Redis is away: this one throws, and the caller decides.
    async setIfAbsent(k, v, ttl) {
      try {
        return (await redis.set(k, v, 'EX', ttl, 'NX')) === 'OK';
      } catch (err) {
        failed(err);
        throw err;
      }
    },
    async del(k) {
      await redis.del(k).catch((err) => {
        failed(err);
        failedWrite(k);
      });
    },
    async publish(channel, message) {
      // Pub/sub is at-most-once anyway; a message published while Redis is away is dropped.
      await redis.publish(prefix + channel, message).catch(failed);
    },
    async subscribe(channel, listener) {
      if (!sub) {
        // A subscribed connection can do nothing else, hence a second one. It keeps the offline
        // queue and retries for ever: subscriptions are renewed by ioredis after every reconnect.
        sub = new Redis(url, {
          maxRetriesPerRequest: null,
          retryStrategy: CLIENT_OPTIONS.retryStrategy,
        });
        sub.on('error', () => undefined);
        sub.on('message', (ch: string, msg: string) => emitter.emit(ch, msg));
      }
      const full = prefix + channel;
      if (emitter.listenerCount(full) === 0) await sub.subscribe(full);
      emitter.on(full, listener);
      return async () => {
        emitter.off(full, listener);
        if (emitter.listenerCount(full) === 0) await sub?.unsubscribe(full).catch(() => undefined);
      };
    },
    async ping() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch (err) {
        failed(err);
        return false;
      }
    },
    async close() {
      clearTimeout(retry);
      await Promise.allSettled([redis.quit(), sub?.quit()]);
      redis.disconnect();
      sub?.disconnect();
    },
  };
}

function createMemoryCache(): Cache {
  const store = new Map<string, { value: string | Buffer; expires: number }>();
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const live = (k: string) => {
    const e = store.get(k);
    if (!e) return undefined;
    if (e.expires <= Date.now()) {
      store.delete(k);
      return undefined;
    }
    return e;
  };
  // Expired keys would otherwise stay until read; sweep now and then.
  const sweep = setInterval(() => {
    for (const k of store.keys()) live(k);
  }, 60_000);
  sweep.unref();
  return {
    kind: 'memory',
    async get(k) {
      const v = live(k)?.value;
      return v === undefined ? null : v.toString();
    },
    async getBuffer(k) {
      const v = live(k)?.value;
      return v === undefined ? null : typeof v === 'string' ? Buffer.from(v) : v;
    },
    async set(k, v, ttl) {
      store.set(k, { value: v, expires: Date.now() + ttl * 1000 });
    },
    async setIfAbsent(k, v, ttl) {
      if (live(k)) return false;
      store.set(k, { value: v, expires: Date.now() + ttl * 1000 });
      return true;
    },
    async del(k) {
      store.delete(k);
    },
    async publish(channel, message) {
      emitter.emit(channel, message);
    },
    async subscribe(channel, listener) {
      emitter.on(channel, listener);
      return async () => {
        emitter.off(channel, listener);
      };
    },
    async ping() {
      return true;
    },
    async close() {
      clearInterval(sweep);
      store.clear();
    },
  };
}
