import { createRequire } from 'node:module';
import PgBoss from 'pg-boss';
import { isDependencyUnavailable } from '../errors.ts';
import type { Logger } from './logger.ts';

/**
 * pg-boss 10 (the last line that runs on Node 20) records a job's outcome with a complete() or fail()
 * call that nothing awaits: if the database is restarting at that moment the rejection is unhandled,
 * and Node ends the process. Patched once here so that such a call retries while the database is
 * unavailable (the outcome is then recorded as soon as it is back, instead of the job running again
 * after it expires) and, failing for good, is reported as a queue 'error' event, never unhandled.
 */
function guardJobOutcomeCalls(): void {
  const Manager = createRequire(import.meta.url)('pg-boss/src/manager.js') as {
    prototype: Record<string, ((...args: unknown[]) => Promise<unknown>) & { guarded?: true }>;
  };
  for (const name of ['complete', 'fail']) {
    const original = Manager.prototype[name];
    if (typeof original !== 'function' || original.guarded) continue;
    const guarded = function (this: { emit(event: string, err: unknown): void }, ...args: unknown[]) {
      const attempt = (n: number): Promise<unknown> =>
        original.apply(this, args).catch(async (err: unknown) => {
          if (n >= OUTCOME_RETRIES || !isDependencyUnavailable(err)) throw err;
          await new Promise((r) => setTimeout(r, 1000).unref());
          return attempt(n + 1);
        });
      const outcome = attempt(0);
      outcome.catch((err) => this.emit('error', err));
      return outcome;
    };
    Manager.prototype[name] = Object.assign(guarded, { guarded: true as const });
  }
}
/** About a minute of one-second retries: a database restart takes seconds. */
const OUTCOME_RETRIES = 60;
guardJobOutcomeCalls();

export interface JobOptions {
  /** Deduplicates: a second send with the same key while the first is queued or active is dropped. */
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  startAfterSeconds?: number;
}

export interface JobContext {
  id: string;
  /** 0 on the first try; a handler may use it to decide when to give up. */
  retryCount: number;
  retryLimit: number;
}

export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

/** A job that failed on its last allowed attempt. */
export interface JobFailure {
  name: string;
  id: string;
  error: unknown;
}

export interface JobQueue {
  /** Called when a job fails for good (no retries left), e.g. to tell the admins. */
  onFinalFailure(listener: (failure: JobFailure) => unknown): void;
  /** Registers a queue and its handler; handlers run only after `startWorkers()`. */
  define<T extends object>(
    name: string,
    handler: JobHandler<T>,
    opts?: {
      concurrency?: number;
      retryLimit?: number;
      retryDelaySeconds?: number;
      expireInSeconds?: number;
    },
  ): Promise<void>;
  send<T extends object>(name: string, data: T, opts?: JobOptions): Promise<string | null>;
  /** Cron in UTC; runs on one instance at a time. */
  schedule(name: string, cron: string, data?: object): Promise<void>;
  startWorkers(): Promise<void>;
  healthy(): Promise<boolean>;
  stop(): Promise<void>;
}

interface Definition {
  // Each queue has its own payload type; the map holds them side by side.
  handler: JobHandler<never>;
  concurrency: number;
}

/**
 * Jobs on pg-boss (PostgreSQL), so they survive restarts and work with or without Redis.
 * Workers are registered lazily by `startWorkers()`: the api process and tests decide when work starts.
 */
export async function createJobQueue(opts: { databaseUrl: string; logger: Logger }): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    max: 4,
    schema: 'pgboss',
    // Completed jobs are not needed for long; keep the tables small.
    deleteAfterDays: 3,
    archiveCompletedAfterSeconds: 3600,
  });
  boss.on('error', (err) => opts.logger.error({ err }, 'job queue error'));
  await boss.start();
  const definitions = new Map<string, Definition>();
  const workerIds = new Map<string, string[]>();
  const finalFailureListeners: Array<(failure: JobFailure) => unknown> = [];
  let working = false;

  async function startWorker(name: string, def: Definition) {
    const ids: string[] = [];
    for (let i = 0; i < def.concurrency; i++) {
      const id = await boss.work<object>(
        name,
        { pollingIntervalSeconds: 0.5, batchSize: 1, includeMetadata: true },
        async (jobs) => {
          for (const job of jobs) {
            const log = opts.logger.child({ job: name, jobId: job.id, retry: job.retryCount });
            try {
              await def.handler(job.data as never, {
                id: job.id,
                retryCount: job.retryCount,
                retryLimit: job.retryLimit,
              });
            } catch (err) {
              const final = job.retryCount >= job.retryLimit;
              log.warn({ err, final }, 'job failed');
              if (final) {
                for (const listener of finalFailureListeners) {
                  await Promise.resolve(listener({ name, id: job.id, error: err })).catch((e) =>
                    log.error({ err: e }, 'final-failure listener failed'),
                  );
                }
              }
              throw err;
            }
          }
        },
      );
      ids.push(id);
    }
    workerIds.set(name, ids);
  }

  return {
    onFinalFailure(listener) {
      finalFailureListeners.push(listener);
    },
    async define(name, handler, o = {}) {
      await boss.createQueue(name, {
        name,
        retryLimit: o.retryLimit ?? 2,
        retryDelay: o.retryDelaySeconds ?? 2,
        retryBackoff: true,
        expireInSeconds: o.expireInSeconds ?? 15 * 60,
      });
      const def = { handler, concurrency: o.concurrency ?? 2 };
      definitions.set(name, def);
      if (working) await startWorker(name, def);
    },
    async send(name, data, o = {}) {
      // pg-boss validates present keys, even undefined ones: pass only what was set, so the queue's
      // own defaults (from define) apply to the rest.
      const options = Object.fromEntries(
        Object.entries({
          singletonKey: o.singletonKey,
          retryLimit: o.retryLimit,
          retryDelay: o.retryDelaySeconds,
          expireInSeconds: o.expireInSeconds,
          startAfter: o.startAfterSeconds,
        }).filter(([, v]) => v !== undefined),
      );
      const id = await boss.send(name, data, options);
      // Wake a local worker at once instead of waiting for its next poll.
      if (!o.startAfterSeconds) for (const w of workerIds.get(name) ?? []) boss.notifyWorker(w);
      return id;
    },
    async schedule(name, cron, data = {}) {
      await boss.schedule(name, cron, data, { tz: 'UTC' });
    },
    async startWorkers() {
      working = true;
      for (const [name, def] of definitions) if (!workerIds.has(name)) await startWorker(name, def);
    },
    async healthy() {
      try {
        await boss.getDb().executeSql('select 1', []);
        return true;
      } catch {
        return false;
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
