import type { Executor } from './users.ts';

/** Records an update id; false when it was already recorded (a redelivery). */
export async function claimUpdate(db: Executor, updateId: number): Promise<boolean> {
  const r = await db
    .insertInto('processedUpdates')
    .values({ updateId })
    .onConflict((oc) => oc.doNothing())
    .returning('updateId')
    .executeTakeFirst();
  return r !== undefined;
}

/** Forgets update ids older than `olderThanSeconds`; Telegram stops redelivering long before that. */
export async function pruneProcessedUpdates(db: Executor, olderThanSeconds: number): Promise<number> {
  const r = await db
    .deleteFrom('processedUpdates')
    .where('processedAt', '<', new Date(Date.now() - olderThanSeconds * 1000))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
