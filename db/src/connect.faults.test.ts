import { createTestDatabase, type TestDatabase } from '@mechta/testing/db';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database, pingDatabase } from './connect.ts';

/** The pool when the server ends its connections (a restart, a failover, an administrator). */
let t: TestDatabase;
let db: Database;
beforeAll(async () => {
  t = await createTestDatabase();
  db = createDb(t.url, 2);
});
afterAll(async () => {
  await db.destroy();
  await t.drop();
});

async function terminate(pid: number) {
  const admin = new pg.Client({ connectionString: t.url });
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

describe('a connection the server ends', () => {
  it('while checked out between two statements of a transaction: that transaction fails, the process lives on, the pool recovers', async () => {
    const outcome = await db
      .transaction()
      .execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await terminate(rows[0]!.pid);
        // The server's 57P01 arrives while no query runs on this client: an 'error' event with,
        // before the fix, no listener at all — which ends the process.
        await new Promise((r) => setTimeout(r, 300));
        await sql`select 1`.execute(trx);
      })
      .then(
        () => 'committed',
        (err: Error) => err.message,
      );
    expect(outcome).not.toBe('committed');
    expect(await pingDatabase(db)).toBe(true);
  });

  it('while idle in the pool: the next query gets a fresh connection', async () => {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
    await terminate(rows[0]!.pid);
    await new Promise((r) => setTimeout(r, 300));
    expect(await pingDatabase(db)).toBe(true);
  });
});
