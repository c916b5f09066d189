import { createTestDatabase, type TestDatabase } from '@mechta/testing/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.ts';
import { claimUpdates, pruneProcessedUpdates } from './repositories/updates.ts';
import { findUserByUsername, upsertUser } from './repositories/users.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const baseUser = {
  id: 1001,
  firstName: 'Анна',
  lastName: null,
  username: 'AnnaDreams',
  languageCode: 'ru',
  language: 'ru' as const,
  notifications: { morning: true, rituals: true, weekly: true, generations: true, resonances: true },
  referralCode: 'abc123',
  referredBy: null,
  startPayload: null,
  reminderTime: null,
};

describe('migrations', () => {
  it('a second run on a migrated database applies nothing', async () => {
    const again = await migrateToLatest(t.db);
    expect(again.applied).toEqual([]);
    const tables = await sql<{
      tablename: string;
    }>`select tablename from pg_tables where schemaname = 'public'`.execute(t.db);
    expect(tables.rows.map((r) => r.tablename)).toEqual(expect.arrayContaining(['users', 'api_sessions']));
  });
});

describe('users repository', () => {
  it('upsert tells a new user from a returning one and keeps user-owned settings', async () => {
    const first = await upsertUser(t.db, baseUser);
    expect(first.created).toBe(true);
    expect(first.user.timezone).toBe('UTC');
    await t.db.updateTable('users').set({ timezone: 'Europe/Moscow' }).where('id', '=', 1001).execute();
    const second = await upsertUser(t.db, { ...baseUser, firstName: 'Anna', language: 'en' });
    expect(second.created).toBe(false);
    expect(second.user.firstName).toBe('Anna');
    // language is the user's choice once made: a returning /start must not reset it
    expect(second.user.language).toBe('ru');
    expect(second.user.timezone).toBe('Europe/Moscow');
    expect((await findUserByUsername(t.db, '@annadreams'))?.id).toBe(1001);
  });
});

describe('processed updates', () => {
  it('claims an update id once and prunes old ones', async () => {
    expect((await claimUpdates(t.db, [77])).has(77)).toBe(true);
    expect((await claimUpdates(t.db, [77])).has(77)).toBe(false);
    await t.db
      .updateTable('processedUpdates')
      .set({ processedAt: new Date(Date.now() - 3 * 86400_000) })
      .where('updateId', '=', 77)
      .execute();
    expect(await pruneProcessedUpdates(t.db, 86400)).toBe(1);
    expect((await claimUpdates(t.db, [77])).has(77)).toBe(true);
  });
});
