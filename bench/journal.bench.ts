/**
 * journal: with 1,000,000 dreams over 100,000 users, GET /api/v1/dreams (a journal page) and
 * GET /api/v1/dreams?q=… (full-text search), requests per second and p99 at 50 connections, next
 * to a Fastify hello-world measured in the same run (alternating rounds); the query plans are recorded (EXPLAIN).
 * Goals (issue 3): journal ≥ 30% of hello-world, p99 ≤ 20 ms; search p99 ≤ 50 ms; plans use indexes.
 *
 * The seeded database is kept in .data/bench (embedded) or mechta_bench_journal (DATABASE_URL), so
 * only the first run pays for seeding.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countRows, explain, listDreams, seedDreams, seedUsers } from '@mechta/db';
import autocannon from 'autocannon';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { benchDatabase } from './db.ts';
import { alternatingRounds, round, writeResult } from './lib.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIRST = 10_000_000;
const USERS = Number(process.env.SEED_USERS ?? 100_000);
const DREAMS = Number(process.env.SEED_DREAMS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const database = await benchDatabase('journal', {
  keepDir: path.join(here, '../.data/bench'),
  fresh: false,
  poolSize: 4,
});
const haveDreams = await countRows(database.db, 'dreams');
if (haveDreams < DREAMS) {
  console.log(`seeding ${USERS} users and ${DREAMS - haveDreams} dreams (first run only)…`);
  const t = performance.now();
  await seedUsers(database.db, { firstUserId: FIRST, count: USERS });
  await seedDreams(database.db, { firstUserId: FIRST, users: USERS, count: DREAMS - haveDreams });
  console.log(`seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

// The exact statements the API runs, captured from the repository and explained.
const captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];
const logged = new Kysely<never>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }),
  plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  log: (e) => {
    if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters });
  },
});
const sampleUser = FIRST + 4242;
await listDreams(logged as never, sampleUser, {}, { limit: 20, offset: 0 });
const journalStatements = captured.splice(0);
await listDreams(logged as never, sampleUser, { q: 'летал' }, { limit: 20, offset: 0 });
const searchStatements = captured.splice(0);
const plans = {
  // One statement each: the page with its total as a window count.
  journal_page: await explain(database.db, journalStatements[0]!),
  search_page: await explain(database.db, searchStatements[0]!),
};
await logged.destroy();

async function serve(args: string[]): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'journal-server.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SEED_USERS: String(USERS) },
  });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return { port, child };
}
const stop = (c: ChildProcess) =>
  new Promise((r) => {
    c.once('exit', r);
    c.kill('SIGTERM');
  });

function loader(url: string, tokens: string[] | null, pathFor: (i: number) => string) {
  let i = 0;
  return async (duration: number) => {
    const r = await autocannon({
      url,
      connections: 50,
      duration,
      requests: [
        {
          setupRequest: (req) => {
            const n = i++;
            return {
              ...req,
              path: pathFor(n),
              headers: tokens
                ? { ...req.headers, authorization: `Bearer ${tokens[n % tokens.length]}` }
                : req.headers,
            };
          },
        },
      ],
    });
    return {
      requests_per_second: round(r.requests.average, 1),
      latency_ms: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
      non_2xx: r.non2xx,
      errors: r.errors,
    };
  };
}
const tokensFile = path.join(os.tmpdir(), `mechta-journal-tokens-${process.pid}.json`);
const hello = await serve(['hello']);
const api = await serve(['api', database.url, tokensFile]);
const tokens = JSON.parse(fs.readFileSync(tokensFile, 'utf8')) as string[];
const base = `http://127.0.0.1:${api.port}`;
const helloLoad = loader(`http://127.0.0.1:${hello.port}`, null, () => '/');
// The floor of the API stack (rate limit, security headers, request id, envelope) on its lightest route.
const floorLoad = loader(base, null, () => '/api/v1/auth/options');
const journalLoad = loader(base, tokens, (n) => `/api/v1/dreams?page=1&page_size=20&_=${n % 7}`);
const words = ['летал', 'город', 'forest', 'flying', 'замок', 'ocean', 'лестница', 'train'];
const searchLoad = loader(
  base,
  tokens,
  (n) => `/api/v1/dreams?q=${encodeURIComponent(words[n % words.length]!)}`,
);

// Warm-up with the same requests: JIT, pools, and the first read of every user's page.
for (const warm of [helloLoad, floorLoad, journalLoad, searchLoad]) await warm(3);
const measured = await alternatingRounds(
  ROUNDS,
  () => helloLoad(DURATION),
  () => journalLoad(DURATION),
);
const rounds = measured.rounds.map((r) => ({ hello_world: r.first, journal_page: r.second, ratio: r.ratio }));
const apiFloor = await floorLoad(DURATION);
const search = await searchLoad(DURATION);
await stop(hello.child);
await stop(api.child);
fs.rmSync(tokensFile, { force: true });
const ratio = measured.median.ratio;
const worstJournalP99 = Math.max(...rounds.map((r) => r.journal_page.latency_ms.p99));
const users = await countRows(database.db, 'users');
const dreams = await countRows(database.db, 'dreams');
await database.close();

writeResult('journal', {
  goal: 'journal ≥ 30% of hello-world with p99 ≤ 20 ms at 50 connections; search p99 ≤ 50 ms; index plans',
  data: { users, dreams },
  setup:
    `50 connections, ${DURATION} s per run, 500 signed-in users rotating, servers in their own processes; ` +
    `${ROUNDS} alternating rounds of hello-world and journal, the ratio is the median round's`,
  // The median round; every round is listed under `rounds`.
  hello_world: measured.median.first,
  api_floor_auth_options: apiFloor,
  journal_page: measured.median.second,
  search,
  journal_vs_hello_ratio: ratio,
  journal_worst_p99_ms: worstJournalP99,
  rounds,
  plans,
  met: {
    journal_ratio: ratio >= 0.3,
    journal_p99: worstJournalP99 <= 20,
    search_p99: search.latency_ms.p99 <= 50,
  },
});
