import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RunningServer, startServer } from '@mechta/api/server';
import { loadConfig } from '@mechta/core';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import { type RestartablePostgres, startRestartablePostgres } from '@mechta/testing/faults/postgres';
import { signInitData } from '@mechta/testing/telegram';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * PostgreSQL (the embedded one, which this test starts, stops and starts again on the same port)
 * restarts while the app is under load: requests fail fast with a 503 envelope while it is down,
 * /health says so, the pools recover by themselves, queued jobs run afterwards and no update is
 * handled twice.
 */
let dir: string;
let pg: RestartablePostgres;
let fake: FakeBotApi;
let server: RunningServer;
const logLines: string[] = [];
const probeRuns: string[] = [];
let traffic: ReturnType<typeof load> | undefined;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-faults-pg-'));
  await fs.chmod(dir, 0o755);
  [pg, fake] = await Promise.all([startRestartablePostgres(path.join(dir, 'postgres')), startFakeBotApi()]);
  const url = pg.url;
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dir,
    DATABASE_URL: url,
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    BOT_MODE: 'polling',
    AI_PROVIDER: 'offline',
    JWT_SECRET: 'faults-secret-faults-secret-faults-secret-0123',
    // The load is one user's: no limit may answer for the database.
    RATE_LIMIT_PER_MINUTE: '100000',
    MAX_DREAMS_PER_DAY: '10000',
    QUOTA_FREE_TEXT: '10000',
    QUOTA_FREE_IMAGE: '10000',
    STARTING_TOKENS: '100000',
  });
  const logger = pino({ level: 'warn' }, { write: (line: string) => logLines.push(line) });
  server = await startServer(config, logger);
  await server.core.queue.define<{ tag: string }>('faults.probe', async ({ tag }) => {
    probeRuns.push(tag);
  });
  await server.core.queue.startWorkers();
}, 120_000);
afterAll(async () => {
  await traffic?.stop();
  await server?.stop();
  await fake?.close();
  await pg?.stop().catch(() => undefined);
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}, 60_000);

type Envelope = { ok: boolean; result: unknown; error: { code: string; http_code: number } | null };

async function call(method: string, url: string, token?: string, payload?: object, ms = 3000) {
  const started = Date.now();
  const res = await fetch(server.url + url, {
    method,
    headers: {
      ...(payload ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: payload ? JSON.stringify(payload) : undefined,
    signal: AbortSignal.timeout(ms),
  });
  return { status: res.status, body: (await res.json()) as Envelope, took: Date.now() - started };
}

async function until(probe: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Requests and bot updates in a steady stream until stopped; collects every outcome. */
function load(token: string, user: FakeUser) {
  const statuses: number[] = [];
  const slow: string[] = [];
  const wrong: string[] = [];
  let running = true;
  let n = 0;
  const api = (async () => {
    while (running) {
      const i = n++;
      const r =
        i % 3 === 0
          ? await call('POST', '/api/v1/dreams', token, {
              text: `Under load I dreamt of a quiet harbour, ${i}.`,
            })
          : await call('GET', i % 3 === 1 ? '/api/v1/me' : '/api/v1/dreams', token);
      statuses.push(r.status);
      if (r.took > 2500) slow.push(`${r.status} in ${r.took} ms`);
      if (r.status >= 500 && r.body.error?.code !== 'SERVICE_UNAVAILABLE') wrong.push(JSON.stringify(r.body));
      await new Promise((res) => setTimeout(res, 20));
    }
  })();
  const updates: number[] = [];
  const bot = (async () => {
    while (running) {
      updates.push((await fake.sendText(user, '/help')).update_id);
      await new Promise((res) => setTimeout(res, 150));
    }
  })();
  return {
    statuses,
    slow,
    wrong,
    updates,
    async stop() {
      running = false;
      await Promise.all([api, bot]);
    },
  };
}

describe('PostgreSQL restarts under load', { timeout: 90_000 }, () => {
  it('fails fast with 503 while it is down, recovers by itself, loses no job and handles no update twice', async () => {
    const mira: FakeUser = { id: 82001, first_name: 'Mira', language_code: 'en' };
    const signIn = await call('POST', '/api/v1/auth/telegram', undefined, {
      init_data: signInitData({ id: mira.id, first_name: 'Mira', language_code: 'en' }, fake.token),
    });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    const token = (signIn.body.result as { access_token: string }).access_token;

    await fake.sendText(mira, '/start');
    await fake.waitForMessage(mira.id, (m) => /Welcome back, Mira!/.test(String(m.text)), 10_000);
    const handledBefore = await fake.sendText(mira, '/settings');
    await fake.waitForMessage(mira.id, (m) => /Settings/.test(String(m.text)), 10_000);
    traffic = load(token, mira);
    await new Promise((r) => setTimeout(r, 1000));
    // A job queued just before the outage, due while the database is down.
    await server.core.queue.send('faults.probe', { tag: 'before-outage' }, { startAfterSeconds: 1 });

    await pg.stop();
    const down = await call('GET', '/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'down', database: 'down' });
    expect(down.took).toBeLessThan(2500);
    const me = await call('GET', '/api/v1/me', token);
    expect(me.status).toBe(503);
    expect(me.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', http_code: 503 });
    expect(me.took).toBeLessThan(2000);
    // The bot says it is temporary, rather than a generic apology.
    const sorry = await fake.sendText(mira, '/settings');
    await fake.waitForMessage(mira.id, (m) => /temporarily unavailable/.test(String(m.text)), 5000);
    await new Promise((r) => setTimeout(r, 1500));

    await pg.start();
    await until(async () => (await call('GET', '/health')).status === 200, 20_000);
    await until(async () => (await call('GET', '/api/v1/me', token)).status === 200, 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    await traffic.stop();

    expect(traffic.slow, 'every request is answered within 2.5 s').toEqual([]);
    expect(traffic.wrong, 'every 5xx is the 503 envelope').toEqual([]);
    expect(traffic.statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(traffic.statuses.at(-1)).toBeLessThan(300);

    // The job queued before the outage runs after it, once.
    await until(async () => probeRuns.length > 0, 20_000);
    expect(probeRuns).toEqual(['before-outage']);

    // Every dream accepted before, during or after the outage is analysed in the end.
    await until(async () => {
      const list = await call('GET', '/api/v1/dreams?page_size=100', token);
      const dreams = list.body.result as { analysis_status: string }[];
      return dreams.length > 0 && dreams.every((d) => d.analysis_status === 'done');
    }, 30_000);

    // No update was answered twice: at most one /help reply per /help sent, and afterwards one each.
    const replies = fake.messagesTo(mira.id).filter((m) => /keeps your dreams/.test(String(m.text)));
    expect(replies.length).toBeLessThanOrEqual(traffic.updates.length);
    const before = replies.length;
    await fake.sendText(mira, '/help');
    await until(
      async () =>
        fake.messagesTo(mira.id).filter((m) => /keeps your dreams/.test(String(m.text))).length ===
        before + 1,
      10_000,
    );

    // Redelivered after the restart, an update handled before it is dropped, and one that failed
    // during the outage (never claimed) is handled now, once.
    const settingsCards = () =>
      fake.messagesTo(mira.id).filter((m) => /Settings/.test(String(m.text))).length;
    const cards = settingsCards();
    await fake.deliverRaw(handledBefore);
    await fake.deliverRaw(sorry);
    await until(async () => settingsCards() === cards + 1, 10_000);
    await fake.deliverRaw(sorry);
    await new Promise((r) => setTimeout(r, 1000));
    expect(settingsCards()).toBe(cards + 1);

    // Nothing crashed and no unexpected error was logged as a 500.
    expect(logLines.filter((l) => /unhandled error/.test(l))).toEqual([]);
  });
});
