import type { Executor } from './users.ts';

/** Records many update ids in one statement; returns the ones that were new. */
export async function claimUpdates(db: Executor, updateIds: number[]): Promise<Set<number>> {
  if (updateIds.length === 0) return new Set();
  const rows = await db
    .insertInto('processedUpdates')
    .values([...new Set(updateIds)].map((updateId) => ({ updateId })))
    .onConflict((oc) => oc.doNothing())
    .returning('updateId')
    .execute();
  return new Set(rows.map((r) => Number(r.updateId)));
}

/** Forgets update ids older than `olderThanSeconds`; Telegram stops redelivering long before that. */
export async function pruneProcessedUpdates(db: Executor, olderThanSeconds: number): Promise<number> {
  const r = await db
    .deleteFrom('processedUpdates')
    .where('processedAt', '<', new Date(Date.now() - olderThanSeconds * 1000))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
