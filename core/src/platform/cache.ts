import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';

/**
 * A small key-value cache with expiry plus pub/sub: Redis when REDIS_URL is set (shared by every
 * instance), otherwise in-process (single-instance mode).
 */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  /** The value as bytes, undecoded: for values that are only ever written out as they are. */
  getBuffer(key: string): Promise<Buffer | null>;
  set(key: string, value: string | Buffer, ttlSeconds: number): Promise<void>;
  /** Sets only when absent; true when this call set it (a cheap cross-process claim). */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  del(key: string): Promise<void>;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<boolean>;
  /** The raw client for libraries that take one (rate limiter, session storage); undefined in memory mode. */
  readonly redis?: Redis;
  close(): Promise<void>;
}

export function createCache(redisUrl: string | undefined, prefix = 'mechta:'): Cache {
  return redisUrl ? createRedisCache(redisUrl, prefix) : createMemoryCache();
}

function createRedisCache(url: string, prefix: string): Cache {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, keyPrefix: prefix });
  let sub: Redis | undefined;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    kind: 'redis',
    redis,
    get: (k) => redis.get(k),
    getBuffer: (k) => redis.getBuffer(k),
    async set(k, v, ttl) {
      await redis.set(k, v, 'EX', ttl);
    },
    async setIfAbsent(k, v, ttl) {
      return (await redis.set(k, v, 'EX', ttl, 'NX')) === 'OK';
    },
    async del(k) {
      await redis.del(k);
    },
    async publish(channel, message) {
      await redis.publish(prefix + channel, message);
    },
    async subscribe(channel, listener) {
      if (!sub) {
        // A subscribed connection can do nothing else, hence a second one.
        sub = new Redis(url, { maxRetriesPerRequest: null });
        sub.on('message', (ch: string, msg: string) => emitter.emit(ch, msg));
      }
      const full = prefix + channel;
      if (emitter.listenerCount(full) === 0) await sub.subscribe(full);
      emitter.on(full, listener);
      return async () => {
        emitter.off(full, listener);
        if (emitter.listenerCount(full) === 0) await sub?.unsubscribe(full);
      };
    },
    async ping() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.allSettled([redis.quit(), sub?.quit()]);
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
