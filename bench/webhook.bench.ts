/**
 * webhook: Telegram text updates per second and p99 through the full webhook path, next to a bare
 * grammY webhook with an empty handler measured in the same run. Goal (issue 2): full ≥ 25% of bare;
 * p99 < 50 ms at 1,000 updates/s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { round, writeResult } from './lib.ts';

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

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
// Telegram opens at most 40 simultaneous connections to a webhook (setWebhook max_connections default).
const CONNECTIONS = 40;

const bare = await startServer('bare');
await load(bare.port, { connections: CONNECTIONS, duration: 2 });
const bareMax = await load(bare.port, { connections: CONNECTIONS, duration: DURATION });
await bare.stop();

const full = await startServer('full');
await load(full.port, { connections: CONNECTIONS, duration: 3 });
const fullMax = await load(full.port, { connections: CONNECTIONS, duration: DURATION });
const fullAt1000 = await load(full.port, { connections: CONNECTIONS, duration: DURATION, overallRate: 1000 });
const out = await full.stop();
const replies = Number(/REPLIES (\d+)/.exec(out)?.[1] ?? 0);

const ratio = fullMax.requests_per_second / bareMax.requests_per_second;
writeResult('webhook', {
  goal: 'full path ≥ 25% of bare grammY webhook; p99 < 50 ms at 1,000 updates/s',
  setup: `${USERS} returning users, text updates, ${CONNECTIONS} connections (Telegram's default max_connections), ${DURATION} s per run; server in its own process`,
  bare_grammy_empty_handler: bareMax,
  full_path_max: fullMax,
  full_path_at_1000_per_second: fullAt1000,
  full_vs_bare_ratio: round(ratio, 3),
  replies_recorded: replies,
  met: ratio >= 0.25 && fullAt1000.latency_ms.p99 < 50,
});
