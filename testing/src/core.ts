import { BOT_LOCALE_DIRS } from '@mechta/bot';
import {
  type Core,
  createCache,
  createCore,
  createJobQueue,
  createTranslator,
  loadConfig,
} from '@mechta/core';
import pino from 'pino';
import { createTestDatabase, type TestDatabase, testRedisUrl } from './db.ts';

export const TEST_BOT_TOKEN = '123456:TEST-TOKEN-abcdefghijklmnopqrstuv';
export const TEST_ADMIN_ID = 900001;

export interface TestCore {
  core: Core;
  database: TestDatabase;
  /** Moves the clock used by core (starts at the real time). */
  clock: { now: Date; advance(seconds: number): void };
  close(): Promise<void>;
}

/**
 * The real core on a fresh test database (or the given one) with a real job queue. `env` overrides
 * configuration as the environment would; Redis is used when `useRedis` and the run has REDIS_URL.
 */
export async function createTestCore(
  env: Record<string, string | undefined> = {},
  opts: { useRedis?: boolean; cachePrefix?: string; database?: TestDatabase } = {},
): Promise<TestCore> {
  // A second instance of one deployment passes the first one's database (its owner drops it).
  const database = opts.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    BOT_TOKEN: TEST_BOT_TOKEN,
    ADMIN_IDS: String(TEST_ADMIN_ID),
    LOG_LEVEL: 'silent',
    AI_PROVIDER: 'offline',
    DATABASE_URL: database.url,
    REDIS_URL: opts.useRedis ? testRedisUrl() : undefined,
    ...env,
  });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  // A prefix of its own per core keeps test files apart in one Redis; instances of one "deployment" share one.
  const cache = createCache(
    config.redisUrl,
    opts.cachePrefix ?? `mechta-test-${Math.random().toString(36).slice(2, 8)}:`,
  );
  const queue = await createJobQueue({ databaseUrl: database.url, logger });
  const clock = {
    now: new Date(),
    advance(seconds: number) {
      clock.now = new Date(clock.now.getTime() + seconds * 1000);
    },
  };
  const realStart = Date.now();
  const clockStart = clock.now.getTime();
  // The test clock keeps ticking with real time, offset by whatever the test advanced it.
  let offset = 0;
  clock.advance = (seconds: number) => {
    offset += seconds * 1000;
  };
  Object.defineProperty(clock, 'now', {
    get: () => new Date(clockStart + (Date.now() - realStart) + offset),
  });
  const core = createCore({
    config,
    db: database.db,
    logger,
    queue,
    cache,
    translator: createTranslator(BOT_LOCALE_DIRS),
    jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    now: () => clock.now,
  });
  return {
    core,
    database,
    clock,
    async close() {
      await queue.stop();
      await cache.close();
      if (!opts.database) await database.drop();
    },
  };
}
