import type { ApiSession } from '../schema.ts';
import type { Executor } from './users.ts';

export function createAuthSession(
  db: Executor,
  s: { userId: number; refreshHash: string; userAgent: string | null; expiresAt: Date },
): Promise<ApiSession> {
  return db.insertInto('apiSessions').values(s).returningAll().executeTakeFirstOrThrow();
}

export function findAuthSessionByRefreshHash(
  db: Executor,
  refreshHash: string,
): Promise<ApiSession | undefined> {
  return db.selectFrom('apiSessions').selectAll().where('refreshHash', '=', refreshHash).executeTakeFirst();
}

export function findAuthSession(db: Executor, id: string): Promise<ApiSession | undefined> {
  return db.selectFrom('apiSessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Swaps the refresh hash only if the presented one is still current, so two concurrent refreshes
 * with the same token cannot both win.
 */
export function rotateAuthSession(
  db: Executor,
  id: string,
  fromHash: string,
  toHash: string,
  expiresAt: Date,
): Promise<ApiSession | undefined> {
  return db
    .updateTable('apiSessions')
    .set({ refreshHash: toHash, lastUsedAt: new Date(), expiresAt })
    .where('id', '=', id)
    .where('refreshHash', '=', fromHash)
    .where('revokedAt', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export function listActiveAuthSessions(db: Executor, userId: number): Promise<ApiSession[]> {
  return db
    .selectFrom('apiSessions')
    .selectAll()
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', new Date())
    .orderBy('lastUsedAt', 'desc')
    .execute();
}

export async function revokeAuthSession(db: Executor, id: string): Promise<void> {
  await db.updateTable('apiSessions').set({ revokedAt: new Date() }).where('id', '=', id).execute();
}

export async function revokeAllAuthSessions(db: Executor, userId: number): Promise<number> {
  const r = await db
    .updateTable('apiSessions')
    .set({ revokedAt: new Date() })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
