/**
 * webhook: Telegram text updates per second and p99 through the full webhook path, next to a bare
 * grammY webhook with an empty handler measured in the same run (alternating rounds). Goal (issue 2): full ≥ 25% of bare;
 * p99 < 50 ms at 1,000 updates/s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { alternatingRounds, round, writeResult } from './lib.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECRET = 'bench-secret';
const USERS = 1000;

async function startServer(
  mode: 'full' | 'bare',
): Promise<{ port: number; child: ChildProcess; stop(): Promise<string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'webhook-server.ts'), mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return {
    port,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(out));
        child.kill('SIGTERM');
      }),
  };
}

let updateId = 1;
function nextUpdate(): string {
  const id = updateId++;
  const userId = 500_000 + (id % USERS);
  return JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: 'private', first_name: `User${userId}` },
      from: {
        id: userId,
        is_bot: false,
        first_name: `User${userId}`,
        language_code: userId % 2 ? 'ru' : 'en',
      },
      text: 'hello there',
    },
  });
}

async function load(port: number, opts: { connections: number; duration: number; overallRate?: number }) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/telegram/webhook`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    connections: opts.connections,
    duration: opts.duration,
    overallRate: opts.overallRate,
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: nextUpdate() }),
      },
    ],
  });
  return {
    requests_per_second: round(result.requests.average, 1),
    latency_ms: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non_2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    total: result.requests.total,
  };
}

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Telegram opens at most 40 simultaneous connections to a webhook (setWebhook max_connections default).
const CONNECTIONS = 40;

const bare = await startServer('bare');
const full = await startServer('full');
await load(bare.port, { connections: CONNECTIONS, duration: 2 });
await load(full.port, { connections: CONNECTIONS, duration: 3 });
const at1000 = (port: number) =>
  load(port, { connections: CONNECTIONS, duration: DURATION, overallRate: 1000 });
// Latency at Telegram-like steady load, for the full path and for the bare webhook (this machine's floor).
const fullAt1000 = await at1000(full.port);
const bareAt1000 = await at1000(bare.port);
const measured = await alternatingRounds(
  ROUNDS,
  () => load(bare.port, { connections: CONNECTIONS, duration: DURATION }),
  () => load(full.port, { connections: CONNECTIONS, duration: DURATION }),
);
const rounds = measured.rounds.map((r) => ({
  bare_grammy_empty_handler: r.first,
  full_path_max: r.second,
  ratio: r.ratio,
}));
// The same rate again straight after the overload, with a quarter of a million more update ids stored.
const fullAt1000AfterOverload = await at1000(full.port);
await bare.stop();
const out = await full.stop();
const replies = Number(/REPLIES (\d+)/.exec(out)?.[1] ?? 0);

const ratio = measured.median.ratio;
writeResult('webhook', {
  goal: 'full path ≥ 25% of bare grammY webhook; p99 < 50 ms at 1,000 updates/s',
  setup:
    `${USERS} returning users, text updates, ${CONNECTIONS} connections (Telegram's default max_connections), ` +
    `${DURATION} s per run; servers in their own processes; ${ROUNDS} alternating rounds of bare and full, ` +
    `the ratio is the median round's`,
  // The median round; every round is listed under `rounds`.
  bare_grammy_empty_handler: measured.median.first,
  full_path_max: measured.median.second,
  full_path_at_1000_per_second: fullAt1000,
  bare_at_1000_per_second: bareAt1000,
  full_path_at_1000_per_second_after_overload: fullAt1000AfterOverload,
  full_vs_bare_ratio: ratio,
  rounds,
  replies_recorded: replies,
  met: ratio >= 0.25 && fullAt1000.latency_ms.p99 < 50,
});
