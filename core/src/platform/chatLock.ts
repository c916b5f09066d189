import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Cache } from './cache.ts';
import type { Logger } from './logger.ts';

/** Runs one chat's work one piece at a time across every instance sharing the Redis. */
export interface ChatLock {
  /**
   * Runs `work` holding the chat's lock. Waiters are let in by `order` (the update id), lowest
   * first, so updates that wait at the same time are handled in Telegram's order.
   */
  run<T>(chatId: number, order: number, work: () => Promise<T>): Promise<T>;
}

export interface ChatLockOptions {
  /** A holder that died lets the next one in after this long; a live one keeps extending it. */
  leaseMs?: number;
  /** A waiter that stopped polling (its process died) is skipped after this long. */
  waiterLeaseMs?: number;
  logger?: Logger;
}

const LOCK = 'chat-lock:';
const QUEUE = 'chat-lock-queue:';
const WAITER = 'chat-lock-waiter:';

// One atomic step of a waiter: join the queue (once), say "still here", and take the lock when it is
// free and this waiter is the first live one in the queue. Waiters whose liveness key expired are
// dropped from the queue's head, so a crashed instance never blocks the chat. (The waiter keys of
// others are named from ARGV: fine on a single Redis, which is what REDIS_URL points at.)
const ACQUIRE = `
redis.call('zadd', KEYS[2], 'NX', ARGV[5], ARGV[1])
redis.call('pexpire', KEYS[2], ARGV[4] * 4)
redis.call('set', KEYS[3], '1', 'PX', ARGV[4])
if redis.call('exists', KEYS[1]) == 1 then return 0 end
while true do
  local head = redis.call('zrange', KEYS[2], 0, 0)[1]
  if head == ARGV[1] then
    redis.call('zrem', KEYS[2], head)
    redis.call('del', KEYS[3])
    redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
    return 1
  end
  if redis.call('exists', ARGV[3] .. head) == 1 then return 0 end
  redis.call('zrem', KEYS[2], head)
end`;

const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const LEAVE = `redis.call('zrem', KEYS[1], ARGV[1]) redis.call('del', KEYS[2]) return 1`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The cross-instance per-chat lock, in Redis: only where several instances can exist (REDIS_URL
 * set; without it the process is alone and its in-process queue is enough), so undefined otherwise.
 * When Redis fails mid-way the work still runs, ordered only within this instance: a degraded
 * Redis must not stop the bot.
 */
export function createChatLock(cache: Cache, opts: ChatLockOptions = {}): ChatLock | undefined {
  const shared = cache.redis;
  if (!shared) return undefined;
  const redis: Redis = shared;
  const leaseMs = opts.leaseMs ?? 30_000;
  const waiterLeaseMs = opts.waiterLeaseMs ?? 5_000;
  // Scripts name other waiters' keys themselves, so they need the prefix ioredis adds to KEYS.
  const waiterPrefix = `${redis.options.keyPrefix ?? ''}${WAITER}`;

  async function acquire(chatId: number, order: number, token: string): Promise<void> {
    let delay = 2;
    for (;;) {
      const got = await redis.eval(
        ACQUIRE,
        3,
        LOCK + chatId,
        QUEUE + chatId,
        WAITER + token,
        token,
        leaseMs,
        waiterPrefix,
        waiterLeaseMs,
        order,
      );
      if (got === 1) return;
      await sleep(delay);
      delay = Math.min(delay * 2, 25);
    }
  }

  return {
    async run(chatId, order, work) {
      const token = randomUUID();
      try {
        await acquire(chatId, order, token);
      } catch (err) {
        opts.logger?.warn({ err, chatId }, 'chat lock unavailable; handling the update unlocked');
        await leave(redis, chatId, token);
        return work();
      }
      // A long update (a voice transcription, a slow AI call) keeps its lease while it runs.
      const keepAlive = setInterval(() => {
        redis.eval(EXTEND, 1, LOCK + chatId, token, leaseMs).catch(() => undefined);
      }, leaseMs / 3);
      try {
        return await work();
      } finally {
        clearInterval(keepAlive);
        await redis
          .eval(RELEASE, 1, LOCK + chatId, token)
          .catch((err) =>
            opts.logger?.warn({ err, chatId }, 'chat lock not released; its lease will end it'),
          );
      }
    },
  };
}

async function leave(redis: Redis, chatId: number, token: string): Promise<void> {
  await redis.eval(LEAVE, 2, QUEUE + chatId, WAITER + token, token).catch(() => undefined);
}
