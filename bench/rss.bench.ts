/**
 * rss: resident memory of one real server process (api/src/main.ts, the bot polling a fake Bot
 * API, workers on, no Redis, so every cache lives in that process) when idle, then after each of
 * three runs of the route fuzz sweep against it over HTTP (the same seeded requests each time).
 * The process is started as run.sh starts it: `pnpm build`, then `node dist/main.js`
 * (RSS_ENTRY=sources measures the sources under tsx instead, as `pnpm start` runs them).
 * Goals (issue 8): idle ≤ 180 MB, no growth across the three sweeps.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { startFakeBotApi } from '@mechta/testing';
import { startAppProcess } from '@mechta/testing/process';
import { distinctFailures, fuzzSweep, httpSend, sweepCast } from '@mechta/testing/routeSweep';
import { BENCH_BOT_TOKEN } from './core.ts';
import { benchDatabase } from './db.ts';
import { round, writeResult } from './lib.ts';

const SWEEPS = 3;
const PER_OPERATION = Number(process.env.RSS_PER_OPERATION ?? 80);
const SEED = 20261204;
const ADMIN_ID = 900_001;
const SETTLE_MS = 3000;
const ENTRY = process.env.RSS_ENTRY === 'sources' ? 'sources' : 'build';

/** VmRSS of the process, MB. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return round(kb / 1024, 1);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (ENTRY === 'build')
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
const database = await benchDatabase('rss', { poolSize: 2 });
const telegram = await startFakeBotApi({ token: BENCH_BOT_TOKEN });
const appEnv: Record<string, string> = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'error',
  BOT_TOKEN: BENCH_BOT_TOKEN,
  TELEGRAM_API_ROOT: telegram.url,
  DATABASE_URL: database.url,
  ADMIN_IDS: String(ADMIN_ID),
  RATE_LIMIT_PER_MINUTE: '100000000',
  STARTING_TOKENS: '100000',
  MAX_DREAMS_PER_DAY: '100000',
  QUOTA_FREE_TEXT: '100000',
  QUOTA_FREE_IMAGE: '100000',
};

// For comparison: the idle figure of the sources under tsx (pnpm start), without sweeps.
let idleSources: number | undefined;
if (ENTRY === 'build') {
  const sources = await startAppProcess(appEnv, { entry: 'sources' });
  await sleep(SETTLE_MS);
  idleSources = rssMb(sources.pid);
  console.log(`idle, sources under tsx: ${idleSources} MB`);
  await sources.stop();
}
const app = await startAppProcess(appEnv, { entry: ENTRY });
try {
  await sleep(SETTLE_MS);
  const idle = rssMb(app.pid);
  console.log(`idle: ${idle} MB`);
  const send = httpSend(app.url);
  const cast = await sweepCast(send, { botToken: BENCH_BOT_TOKEN, adminId: ADMIN_ID, firstUserId: 91_000 });
  const sweeps = [];
  for (let i = 0; i < SWEEPS; i++) {
    const started = performance.now();
    const report = await fuzzSweep({
      doc: cast.doc,
      send,
      seed: SEED,
      perOperation: PER_OPERATION,
      ctx: cast.ctx,
      beforeOperation: cast.beforeOperation,
    });
    const seconds = (performance.now() - started) / 1000;
    await sleep(SETTLE_MS);
    const rss = rssMb(app.pid);
    const failures = distinctFailures(report.failures);
    console.log(`sweep ${i + 1}: ${report.requests} requests in ${seconds.toFixed(1)} s, RSS ${rss} MB`);
    sweeps.push({
      requests: report.requests,
      unsent: report.unsent,
      seconds: round(seconds, 1),
      statuses: report.statuses,
      rss_mb: rss,
      failures: Object.keys(failures).length,
      failure_examples: Object.fromEntries(Object.entries(failures).slice(0, 5)),
    });
  }
  const health = await send({ method: 'GET', url: '/health' });
  const after = sweeps.map((s) => s.rss_mb);
  writeResult('rss', {
    setup:
      (ENTRY === 'build'
        ? 'one process started as run.sh and the Dockerfile start it (pnpm build, then node dist/main.js)'
        : 'one api/src/main.ts process under tsx (as pnpm start runs it)') +
      ' — bot polling a fake Bot API, job workers, no Redis — on PostgreSQL; ' +
      `the route fuzz sweep (${PER_OPERATION} seeded requests per OpenAPI operation) over HTTP, ${SWEEPS} times; ` +
      `RSS read from /proc after ${SETTLE_MS / 1000} s of quiet`,
    entry: ENTRY,
    rss_idle_mb: idle,
    ...(idleSources === undefined ? {} : { rss_idle_sources_under_tsx_mb: idleSources }),
    rss_after_sweep_mb: after,
    growth_first_to_last_sweep_mb: round(after[after.length - 1]! - after[0]!, 1),
    health_after: health?.status,
    // The machine is shared: after-sweep RSS moves by ±15 MB from run to run with the load.
    load_average_1_5_15: os.loadavg().map((l) => round(l, 1)),
    sweeps,
    goals: { rss_idle_mb: 180, growth_across_sweeps_mb: 0 },
  });
} finally {
  await app.stop();
  await telegram.close();
  await database.close();
}
