import { claimUpdates, type Database, pruneProcessedUpdates } from '@mechta/db';
import type { Cache } from './cache.ts';

/** Telegram gives up redelivering an update within a day, so remembering ids longer buys nothing. */
export const UPDATE_RETENTION_SECONDS = 24 * 60 * 60;

export interface UpdateDeduper {
  /** True the first time an update id is seen; false for a redelivery, which must be dropped. */
  claim(updateId: number): Promise<boolean>;
  /** Forgets ids older than the retention window; returns how many rows went (Redis keys expire by themselves). */
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
  const inDatabase = batchedClaims(db);
  if (cache.kind === 'redis') {
    return {
      // While Redis is away the table judges instead, so updates keep flowing. A redelivery that
      // straddles the switch could pass twice; Telegram redelivers only what was not acknowledged.
      claim: (updateId) =>
        cache
          .setIfAbsent(`update:${updateId}`, '1', UPDATE_RETENTION_SECONDS)
          .catch(() => inDatabase(updateId)),
      prune: () => pruneProcessedUpdates(db, UPDATE_RETENTION_SECONDS),
    };
  }
  return {
    claim: inDatabase,
    prune: () => pruneProcessedUpdates(db, UPDATE_RETENTION_SECONDS),
  };
}

/** Most ids one statement records. */
const MAX_BATCH = 500;

/**
 * Claims that arrive while a claim statement is in flight wait for it to finish and then go to the
 * database together in one INSERT: under load one round trip serves dozens of updates, idle it is
 * one statement per update as before. The database stays the only judge, so restarts and several
 * dedupers on one table behave exactly like single inserts.
 */
function batchedClaims(db: Database): (updateId: number) => Promise<boolean> {
  let waiting: Array<{ id: number; settle: (won: boolean) => void; fail: (err: unknown) => void }> = [];
  let flushing = false;

  async function flush() {
    flushing = true;
    while (waiting.length) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(MAX_BATCH);
      try {
        const won = await claimUpdates(
          db,
          batch.map((c) => c.id),
        );
        // An id twice in one batch: only its first claim wins, like two inserts in a row.
        for (const c of batch) {
          c.settle(won.delete(c.id));
        }
      } catch (err) {
        for (const c of batch) c.fail(err);
      }
    }
    flushing = false;
  }

  return (updateId) =>
    new Promise<boolean>((settle, fail) => {
      waiting.push({ id: updateId, settle, fail });
      if (!flushing) void flush();
    });
}
