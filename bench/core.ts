import { BOT_LOCALE_DIRS } from '@mechta/bot';
import {
  type Core,
  createCache,
  createCore,
  createJobQueue,
  createTranslator,
  loadConfig,
} from '@mechta/core';
import { createDb } from '@mechta/db';
import pino from 'pino';
import type { BenchDatabase } from './db.ts';

export const BENCH_BOT_TOKEN = '123456:BENCH-TOKEN-abcdefghijklmnopqrstuv';

/** The real core over a bench database, quiet logging, offline AI. */
export async function benchCore(
  database: BenchDatabase,
  env: Record<string, string> = {},
): Promise<{ core: Core; close(): Promise<void> }> {
  const config = loadConfig({
    NODE_ENV: 'production',
    BOT_TOKEN: BENCH_BOT_TOKEN,
    LOG_LEVEL: 'silent',
    AI_PROVIDER: 'offline',
    DATABASE_URL: database.url,
    RATE_LIMIT_PER_MINUTE: '100000000',
    ...env,
  });
  const logger = pino({ level: 'silent' });
  const cache = createCache(config.redisUrl, 'mechta-bench:');
  const queue = await createJobQueue({ databaseUrl: database.url, logger });
  const ephemeralDb = createDb(database.url, Number(process.env.BENCH_EPHEMERAL_POOL ?? 10), {
    synchronousCommit: false,
  });
  const core = createCore({
    config,
    db: database.db,
    ephemeralDb,
    logger,
    queue,
    cache,
    translator: createTranslator(BOT_LOCALE_DIRS),
    jwtSecret: 'bench-secret-bench-secret-bench-secret-0123',
  });
  return {
    core,
    async close() {
      await queue.stop();
      await ephemeralDb.destroy();
      await cache.close();
    },
  };
}
