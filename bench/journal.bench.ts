/**
 * journal: with 1,000,000 dreams over 100,000 users, GET /api/v1/dreams (a journal page) and
 * GET /api/v1/dreams?q=… (full-text search), requests per second and p99 at 50 connections, next
 * to a Fastify hello-world measured in the same run (alternating rounds); the query plans are recorded (EXPLAIN).
 * Goals (issue 3): journal ≥ 30% of hello-world, p99 ≤ 20 ms; search p99 ≤ 50 ms; plans use indexes.
 * The cold journal (issue 8): every request a user never requested before, so neither the page
 * cache nor the session or user caches hold it; goal ≥ 20% of hello-world, p99 ≤ 20 ms.
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
  // BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
    : [];
  const script = path.join(here, 'journal-server.ts');
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SEED_USERS: String(USERS), COLD_USERS: process.env.COLD_USERS ?? String(USERS) },
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
  const load = async (limit: { duration: number } | { amount: number }) => {
    const r = await autocannon({
      url,
      connections: 50,
      ...('amount' in limit ? { amount: limit.amount, duration: 600 } : { duration: limit.duration }),
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
      // Over the whole run: a cold run ends after a number of requests, mid-second.
      requests_per_second: round(r.requests.total / r.duration, 1),
      requests: r.requests.total,
      latency_ms: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
      non_2xx: r.non2xx,
      errors: r.errors,
    };
  };
  /** Requests built so far (a cold loader must never wrap around to a user already asked for). */
  load.sent = () => i;
  return load;
}
const tokensFile = path.join(os.tmpdir(), `mechta-journal-tokens-${process.pid}.json`);
const hello = await serve(['hello']);
const api = await serve(['api', database.url, tokensFile]);
const tokens = JSON.parse(fs.readFileSync(tokensFile, 'utf8')) as { warm: string[]; cold: string[] };
const base = `http://127.0.0.1:${api.port}`;
const helloLoad = loader(`http://127.0.0.1:${hello.port}`, null, () => '/');
// The floor of the API stack (rate limit, security headers, request id, envelope) on its lightest route.
const floorLoad = loader(base, null, () => '/api/v1/auth/options');
const journalLoad = loader(base, tokens.warm, (n) => `/api/v1/dreams?page=1&page_size=20&_=${n % 7}`);
// Each request the next user of a shuffled list never asked for before: the first page, as a user
// opening the journal sends it.
const coldLoad = loader(base, tokens.cold, () => '/api/v1/dreams?page=1&page_size=20');
const COLD_WARMUP = 2000;
const coldPerRound = Math.floor((tokens.cold.length - COLD_WARMUP - 1000) / ROUNDS);
const words = ['летал', 'город', 'forest', 'flying', 'замок', 'ocean', 'лестница', 'train'];
const searchLoad = loader(
  base,
  tokens.warm,
  (n) => `/api/v1/dreams?q=${encodeURIComponent(words[n % words.length]!)}`,
);

// Warm-up with the same requests: JIT, pools, and the first read of every user's page.
for (const warm of [helloLoad, floorLoad, journalLoad, searchLoad]) await warm({ duration: 3 });
await coldLoad({ amount: COLD_WARMUP });
const measured = await alternatingRounds(
  ROUNDS,
  () => helloLoad({ duration: DURATION }),
  () => journalLoad({ duration: DURATION }),
);
const rounds = measured.rounds.map((r) => ({ hello_world: r.first, journal_page: r.second, ratio: r.ratio }));
const measuredCold = await alternatingRounds(
  ROUNDS,
  () => helloLoad({ duration: DURATION }),
  () => coldLoad({ amount: coldPerRound }),
);
const coldRounds = measuredCold.rounds.map((r) => ({
  hello_world: r.first,
  journal_cold: r.second,
  ratio: r.ratio,
}));
// In-flight requests at the end of a run are built but not answered, so `sent` may pass the
// answered count; what must hold is that no token was handed out twice.
const coldUsersRepeated = Math.max(0, coldLoad.sent() - tokens.cold.length);
const apiFloor = await floorLoad({ duration: DURATION });
const search = await searchLoad({ duration: DURATION });
await stop(hello.child);
await stop(api.child);
fs.rmSync(tokensFile, { force: true });
const ratio = measured.median.ratio;
const worstJournalP99 = Math.max(...rounds.map((r) => r.journal_page.latency_ms.p99));
const coldRatio = measuredCold.median.ratio;
const worstColdP99 = Math.max(...coldRounds.map((r) => r.journal_cold.latency_ms.p99));
const users = await countRows(database.db, 'users');
const dreams = await countRows(database.db, 'dreams');
await database.close();

writeResult('journal', {
  goal:
    'journal ≥ 30% of hello-world with p99 ≤ 20 ms at 50 connections; search p99 ≤ 50 ms; index plans; ' +
    'cold journal (every request a user never asked for, caches empty) ≥ 20% of hello-world with p99 ≤ 20 ms',
  data: { users, dreams },
  setup:
    `50 connections, ${DURATION} s per run, 500 signed-in users rotating, servers in their own processes; ` +
    `${ROUNDS} alternating rounds of hello-world and journal, the ratio is the median round's; ` +
    `cold: ${tokens.cold.length} other seeded users signed in (session rows only) in a seeded random order, ` +
    `each asked for its first page once: ${COLD_WARMUP} as warm-up, then ${coldPerRound} requests per round ` +
    `in ${ROUNDS} more alternating rounds with hello-world (${DURATION} s)`,
  // The median round; every round is listed under `rounds`.
  hello_world: measured.median.first,
  api_floor_auth_options: apiFloor,
  journal_page: measured.median.second,
  search,
  journal_vs_hello_ratio: ratio,
  journal_worst_p99_ms: worstJournalP99,
  rounds,
  // The median cold round; every cold round under `cold_rounds`.
  journal_cold: measuredCold.median.second,
  hello_world_cold_round: measuredCold.median.first,
  journal_cold_vs_hello_ratio: coldRatio,
  journal_cold_worst_p99_ms: worstColdP99,
  journal_cold_users_repeated: coldUsersRepeated,
  cold_rounds: coldRounds,
  plans,
  met: {
    journal_ratio: ratio >= 0.3,
    journal_p99: worstJournalP99 <= 20,
    search_p99: search.latency_ms.p99 <= 50,
    journal_cold_ratio: coldRatio >= 0.2,
    journal_cold_p99: worstColdP99 <= 20,
  },
});
