import type { BotContext } from '@mechta/bot';
import {
  BOT_LOCALE_DIRS,
  type BotLauncher,
  createBot,
  createBotNotifier,
  createTelegramGateway,
  launchBot,
} from '@mechta/bot';
import {
  type Config,
  type Core,
  connectDatabase,
  createCache,
  createCore,
  createJobQueue,
  createLogger,
  createTranslator,
  type Logger,
  loadOrCreateSecret,
  migrateToLatest,
} from '@mechta/core';
import type { FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import { buildApp } from './app.ts';
import { registerJobs } from './jobs.ts';

export interface RunningServer {
  app: FastifyInstance;
  core: Core;
  bot?: Bot<BotContext>;
  url: string;
  stop(): Promise<void>;
}

/**
 * Wires the whole process in order — config → database (migrated) → cache → queue → core → bot →
 * HTTP → workers — and returns a `stop()` that undoes it in reverse.
 */
export async function startServer(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const fn of cleanups.reverse()) {
      await fn().catch((err) => logger.warn({ err }, 'shutdown step failed'));
    }
  };
  try {
    const conn = await connectDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      log: (m) => logger.debug({ component: 'postgres' }, m),
    });
    cleanups.push(() => conn.close());
    if (conn.embedded)
      logger.info({ url: conn.url.replace(/:[^:@/]+@/, ':***@') }, 'embedded PostgreSQL started');
    const { applied } = await migrateToLatest(conn.db);
    if (applied.length) logger.info({ applied }, 'migrations applied');

    const cache = createCache(config.redisUrl, undefined, { logger: logger.child({ component: 'redis' }) });
    cleanups.push(() => cache.close());
    const queue = await createJobQueue({
      databaseUrl: conn.url,
      logger: logger.child({ component: 'queue' }),
    });
    cleanups.push(() => queue.stop());

    const jwtSecret = config.jwtSecret ?? (await loadOrCreateSecret(config.dataDir, 'jwt-secret'));
    const core = createCore({
      config,
      db: conn.db,
      ephemeralDb: conn.ephemeralDb,
      logger,
      queue,
      cache,
      translator: createTranslator(BOT_LOCALE_DIRS),
      jwtSecret,
    });

    let bot: Bot<BotContext> | undefined;
    let launcher: BotLauncher | undefined;
    if (config.bot.token) {
      bot = createBot(core);
      core.setNotifier(createBotNotifier(bot, core));
      core.setTelegramGateway(createTelegramGateway(bot));
    }
    await registerJobs(core);

    const app = await buildApp({
      core,
      bot,
      botStatus: {
        status: () =>
          bot
            ? {
                state: launcher?.state() ?? 'starting',
                mode: config.bot.mode,
                username: bot.isInited() ? bot.botInfo.username : undefined,
              }
            : { state: 'off' },
      },
    });
    await app.listen({ host: config.http.host, port: config.http.port });
    cleanups.push(() => app.close());
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    const url = `http://${config.http.host}:${port}`;

    await queue.startWorkers();
    if (bot) {
      // Telegram may be unreachable right now: the launcher keeps trying while the rest serves.
      const started = launchBot(bot, core);
      launcher = started;
      cleanups.push(() => started.stop());
    }
    logger.info(
      { url, publicUrl: config.http.publicUrl, bot: bot ? config.bot.mode : 'off' },
      'Mechta is up',
    );
    return { app, core, bot, url, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
