import { sql } from 'kysely';
import type { ApiSession, User } from '../schema.ts';
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
 * The session with its user's row in one round trip: every authenticated request needs both, and
 * asking one after the other doubles the wait on the database.
 */
export function findAuthSessionWithUser(
  db: Executor,
  id: string,
): Promise<(User & { sessionRevokedAt: Date | null }) | undefined> {
  return db
    .selectFrom('apiSessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .selectAll('u')
    .select('s.revokedAt as sessionRevokedAt')
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/**
 * Opens one session per user in a single statement (bulk provisioning: benchmarks sign in 100,000
 * users at once). Rows come back with their user, in no particular order.
 */
export async function createAuthSessions(
  db: Executor,
  rows: Array<{ userId: number; refreshHash: string }>,
  userAgent: string | null,
  expiresAt: Date,
): Promise<Array<{ id: string; userId: number }>> {
  const { rows: created } = await sql<{ id: string; userId: number }>`
    insert into api_sessions (user_id, refresh_hash, user_agent, expires_at)
    select user_id, refresh_hash, ${userAgent}, ${expiresAt}
    from unnest(${rows.map((r) => r.userId)}::bigint[], ${rows.map((r) => r.refreshHash)}::text[])
      as t(user_id, refresh_hash)
    returning id, user_id`.execute(db);
  return created;
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
