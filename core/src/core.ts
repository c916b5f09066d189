import { type Database, pingDatabase, type User } from '@mechta/db';
import { createAuthService } from './auth/service.ts';
import type { Config } from './config.ts';
import type { Translator } from './i18n/index.ts';
import type { Notifier } from './notifier.ts';
import { silentNotifier } from './notifier.ts';
import type { Cache } from './platform/cache.ts';
import type { Logger } from './platform/logger.ts';
import type { JobQueue } from './platform/queue.ts';
import { createUsersService, type PublicUser } from './users/service.ts';

export type DependencyState = 'ok' | 'down' | 'off';

export interface CoreDeps {
  config: Config;
  db: Database;
  logger: Logger;
  queue: JobQueue;
  cache: Cache;
  translator: Translator;
  jwtSecret: string;
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
  const users = createUsersService({ db: deps.db, config: deps.config, now });
  const auth = createAuthService({ db: deps.db, jwtSecret: deps.jwtSecret, now });

  return {
    ...deps,
    now,
    users,
    auth,
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
      return users.toPublic(user, 'free');
    },
    get notifier(): Notifier {
      return notifier;
    },
    setNotifier(n: Notifier) {
      notifier = n;
    },
  };
}

export type Core = ReturnType<typeof createCore>;
