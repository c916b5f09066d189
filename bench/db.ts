import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Database, migrateToLatest, startEmbeddedPostgres } from '@mechta/db';
import pg from 'pg';

export interface BenchDatabase {
  db: Database;
  url: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one benchmark: on DATABASE_URL's server when set, else on an
 * embedded PostgreSQL in a temp folder (kept when `keepDir` names one, so a big seed survives runs).
 */
export async function benchDatabase(
  name: string,
  opts: { poolSize?: number; keepDir?: string; fresh?: boolean } = {},
): Promise<BenchDatabase> {
  let adminUrl: string;
  let stopServer: (() => Promise<void>) | undefined;
  let tmp: string | undefined;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '/postgres';
    adminUrl = u.toString();
  } else {
    const dir = opts.keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-bench-pg-'));
    if (!opts.keepDir) tmp = dir;
    fs.mkdirSync(dir, { recursive: true });
    fs.chmodSync(dir, 0o755);
    const server = await startEmbeddedPostgres(path.join(dir, 'postgres'));
    adminUrl = server.urlFor('postgres');
    stopServer = () => server.stop();
  }
  const dbName = `mechta_bench_${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount;
  if (opts.fresh !== false && exists) await admin.query(`drop database "${dbName}" with (force)`);
  if (opts.fresh !== false || !exists) await admin.query(`create database "${dbName}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  const db = createDb(url, opts.poolSize ?? 20);
  await migrateToLatest(db);
  return {
    db,
    url,
    async close() {
      await db.destroy();
      await stopServer?.();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
