import { type Database, pingDatabase, type User } from '@mechta/db';
import { createAdminService } from './admin/service.ts';
import { createAi } from './ai/index.ts';
import type { Ai } from './ai/types.ts';
import { createAuthService } from './auth/service.ts';
import type { Config } from './config.ts';
import { createDreamsService } from './dreams/service.ts';
import type { Translator } from './i18n/index.ts';
import type { Notifier } from './notifier.ts';
import { silentNotifier } from './notifier.ts';
import type { Cache } from './platform/cache.ts';
import type { Logger } from './platform/logger.ts';
import { createMediaStore } from './platform/media.ts';
import type { JobQueue } from './platform/queue.ts';
import { createReadingsService } from './readings/service.ts';
import { createUsersService, type PublicUser } from './users/service.ts';
import type { TelegramGateway } from './wallet/gateway.ts';
import { createWalletService } from './wallet/service.ts';

export type DependencyState = 'ok' | 'down' | 'off';

export interface CoreDeps {
  config: Config;
  db: Database;
  /** Non-durable commits for bot sessions and update ids (see db `Connection.ephemeralDb`); defaults to `db`. */
  ephemeralDb?: Database;
  logger: Logger;
  queue: JobQueue;
  cache: Cache;
  translator: Translator;
  jwtSecret: string;
  /** Signs media URLs; defaults to a key derived from jwtSecret. */
  mediaSecret?: string;
  /** AI providers; built from config.ai when not given (tests pass fakes). */
  ai?: Ai;
  /** The clock; tests move it to check expiry boundaries. */
  now?: () => Date;
}

/**
 * The shared domain: every rule the bot and the API both rely on. Adapters call these services and
 * never touch SQL themselves.
 */
export function createCore(deps: CoreDeps) {
  const now = deps.now ?? (() => new Date());
  // The bot is built after core (it needs core), so it plugs its notifier in afterwards.
  let notifier: Notifier = silentNotifier;
  let telegram: TelegramGateway | undefined;
  const users = createUsersService({ db: deps.db, config: deps.config, cache: deps.cache, now });
  const auth = createAuthService({ db: deps.db, jwtSecret: deps.jwtSecret, cache: deps.cache, users, now });
  const wallet = createWalletService({
    db: deps.db,
    config: deps.config,
    cache: deps.cache,
    translator: deps.translator,
    logger: deps.logger,
    users,
    now,
    notifier: () => notifier,
  });
  const admin = createAdminService({
    db: deps.db,
    users,
    wallet,
    translator: deps.translator,
    logger: deps.logger,
    notifier: () => notifier,
    now,
  });
  const ai = deps.ai ?? createAi(deps.config.ai, deps.logger);
  const media = createMediaStore({
    db: deps.db,
    dataDir: deps.config.dataDir,
    secret: deps.mediaSecret ?? deps.jwtSecret,
    now,
    logger: deps.logger,
  });
  const dreams = createDreamsService({
    db: deps.db,
    config: deps.config,
    logger: deps.logger,
    queue: deps.queue,
    wallet,
    users,
    cache: deps.cache,
    ai,
    media,
    now,
    notifier: () => notifier,
  });
  // Dreams kept over the quota are analysed at once when the user buys tokens or pro.
  wallet.onAllowanceGrew((userId) => dreams.analyzeWaiting(userId));

  const readings = createReadingsService({ db: deps.db, logger: deps.logger, wallet, ai, now });

  return {
    ...deps,
    ephemeralDb: deps.ephemeralDb ?? deps.db,
    now,
    users,
    auth,
    wallet,
    admin,
    ai,
    media,
    dreams,
    readings,
    /** State of each dependency, each check bounded to 2 s so a hung service reads as down. */
    async health(): Promise<{ database: DependencyState; redis: DependencyState; queue: DependencyState }> {
      const bounded = (p: Promise<boolean>) =>
        Promise.race([
          p.then((ok): DependencyState => (ok ? 'ok' : 'down')),
          new Promise<DependencyState>((r) => setTimeout(() => r('down'), 2000).unref()),
        ]);
      const [database, redis, queue] = await Promise.all([
        bounded(pingDatabase(deps.db)),
        deps.cache.kind === 'redis' ? bounded(deps.cache.ping()) : Promise.resolve<DependencyState>('off'),
        bounded(deps.queue.healthy()),
      ]);
      return { database, redis, queue };
    },
    /** The user as the API shows it, with the plan in force now. */
    async profile(user: User): Promise<PublicUser> {
      return users.toPublic(user, (await wallet.getPlan(user.id)).plan);
    },
    get notifier(): Notifier {
      return notifier;
    },
    setNotifier(n: Notifier) {
      notifier = n;
    },
    /** Invoice links and Stars refunds; undefined while no bot is attached. */
    get telegram(): TelegramGateway | undefined {
      return telegram;
    },
    setTelegramGateway(g: TelegramGateway | undefined) {
      telegram = g;
    },
  };
}

export type Core = ReturnType<typeof createCore>;
