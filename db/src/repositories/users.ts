import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, NewUser, User, UserUpdate } from '../schema.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

export function findUserById(db: Executor, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Executor, username: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.fn('lower', ['username']), '=', username.replace(/^@/, '').toLowerCase())
    .executeTakeFirst();
}

export function findUserByReferralCode(db: Executor, code: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('referralCode', '=', code).executeTakeFirst();
}

/**
 * Inserts the user if new; otherwise refreshes the Telegram-owned fields (names, username,
 * language_code) and last_seen_at. `created` tells which happened.
 */
export async function upsertUser(db: Executor, user: NewUser): Promise<{ user: User; created: boolean }> {
  const row = await db
    .insertInto('users')
    .values(user)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        firstName: eb.ref('excluded.firstName'),
        lastName: eb.ref('excluded.lastName'),
        username: eb.ref('excluded.username'),
        languageCode: eb.ref('excluded.languageCode'),
        lastSeenAt: new Date(),
      })),
    )
    .returningAll()
    // xmax is 0 only on a row version that this statement inserted: insert vs update in one round trip.
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirstOrThrow();
  const { inserted, ...clean } = row;
  return { user: clean, created: inserted };
}

export function updateUser(db: Executor, id: number, patch: UserUpdate): Promise<User | undefined> {
  return db
    .updateTable('users')
    .set({ ...patch, updatedAt: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function touchUser(db: Executor, id: number): Promise<void> {
  await db.updateTable('users').set({ lastSeenAt: new Date() }).where('id', '=', id).execute();
}

export async function deleteUser(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
