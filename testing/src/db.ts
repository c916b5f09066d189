import { randomBytes } from 'node:crypto';
import { createDb, type Database } from '@mechta/db';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  db: Database;
  url: string;
  /** Makes the database refuse connections and drops the open ones, as an outage would. */
  cutOff(): Promise<void>;
  restore(): Promise<void>;
  drop(): Promise<void>;
}

async function asAdmin(adminUrl: string, sqlText: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

/** A fresh, migrated database cloned from the run's template: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${template}"`);
        break;
      } catch (err) {
        // Two clones starting at the same instant can collide on the template's lock; try again.
        if (attempt >= 20 || !String(err).includes('being accessed by other users')) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = createDb(url, 5);
  return {
    db,
    url,
    async cutOff() {
      await asAdmin(adminUrl, `alter database "${name}" allow_connections false`);
      await asAdmin(
        adminUrl,
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`,
      );
    },
    async restore() {
      await asAdmin(adminUrl, `alter database "${name}" allow_connections true`);
    },
    async drop() {
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await c.end();
    },
  };
}

/** REDIS_URL when the run has Redis; Redis-backed tests use `describe.skipIf(!testRedisUrl())`. */
export function testRedisUrl(): string | undefined {
  return process.env.REDIS_URL || undefined;
}
