import { claimUpdate, type Database, pruneProcessedUpdates } from '@mechta/db';
import type { Cache } from './cache.ts';

/** Telegram gives up redelivering an update within a day, so remembering ids longer buys nothing. */
export const UPDATE_RETENTION_SECONDS = 24 * 60 * 60;

export interface UpdateDeduper {
  /** True the first time an update id is seen; false for a redelivery, which must be dropped. */
  claim(updateId: number): Promise<boolean>;
  /** Forgets ids older than the retention window; returns how many rows went (0 with Redis: keys expire). */
  prune(): Promise<number>;
}

/**
 * Remembers processed Telegram update ids: an atomic SET NX with a 24 h expiry in Redis when it is
 * configured, otherwise an insert into `processed_updates` that a unique key makes atomic.
 */
export function createUpdateDeduper(deps: {
  db: Database;
  ephemeralDb?: Database;
  cache: Cache;
}): UpdateDeduper {
  const { cache } = deps;
  // Losing the last fraction of a second of claims in a crash only risks handling an update that was
  // never acknowledged to Telegram anyway; the disk wait is not worth it on every update.
  const db = deps.ephemeralDb ?? deps.db;
  if (cache.kind === 'redis') {
    return {
      claim: (updateId) => cache.setIfAbsent(`update:${updateId}`, '1', UPDATE_RETENTION_SECONDS),
      prune: async () => 0,
    };
  }
  return {
    claim: (updateId) => claimUpdate(db, updateId),
    prune: () => pruneProcessedUpdates(db, UPDATE_RETENTION_SECONDS),
  };
}
