import { createTestDatabase, type TestDatabase } from '@mechta/testing/db';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import { type RedisServer, startRedisServer } from '@mechta/testing/faults/redisServer';
import { type AppProcess, startAppProcess } from '@mechta/testing/process';
import { signInitData } from '@mechta/testing/telegram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Redis goes away mid-run and comes back. Where it was a cache (users, sessions, journal pages, rate
 * limit, update ids, bot sessions) the process must fall back to PostgreSQL and keep answering at
 * once — no hung request, no crash — and pick Redis up again when it returns.
 */
let fake: FakeBotApi;
let database: TestDatabase;
let redis: RedisServer;
let app: AppProcess;

beforeAll(async () => {
  [fake, database, redis] = await Promise.all([startFakeBotApi(), createTestDatabase(), startRedisServer()]);
  app = await startAppProcess({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    BOT_MODE: 'polling',
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
  });
});
afterAll(async () => {
  await app?.stop();
  await redis?.kill();
  await fake?.close();
  await database?.drop();
});

/** A request that must be answered within `ms`; returns the status, the body and the time taken. */
async function timed(path: string, init: RequestInit = {}, ms = 3000) {
  const started = Date.now();
  const res = await fetch(app.url + path, { ...init, signal: AbortSignal.timeout(ms) });
  const body = (await res.json()) as { ok: boolean; result: never; error: { code: string } | null };
  return { status: res.status, body, took: Date.now() - started };
}

const json = (token: string | undefined, method: string, payload?: object): RequestInit => ({
  method,
  headers: {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  },
  body: payload ? JSON.stringify(payload) : undefined,
});

async function signIn(user: FakeUser): Promise<string> {
  const res = await timed(
    '/api/v1/auth/telegram',
    json(undefined, 'POST', {
      init_data: signInitData({ id: user.id, first_name: user.first_name, language_code: 'en' }, fake.token),
    }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.result as { access_token: string }).access_token;
}

/** The bot answers /help with a new message within a few seconds. */
async function expectBotAnswers(user: FakeUser) {
  const before = new Set(fake.messagesTo(user.id).map((m) => m.message_id));
  await fake.sendText(user, '/help');
  await fake.waitForMessage(
    user.id,
    (m) => !before.has(m.message_id) && /keeps your dreams/.test(String(m.text)),
    8000,
  );
}

async function exercise(user: FakeUser, token: string, text: string) {
  const me = await timed('/api/v1/me', json(token, 'GET'));
  expect(me.status, JSON.stringify(me.body)).toBe(200);
  const created = await timed('/api/v1/dreams', json(token, 'POST', { text }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = (created.body.result as { id: string }).id;
  const list = await timed('/api/v1/dreams?page_size=50', json(token, 'GET'));
  expect(list.status).toBe(200);
  expect((list.body.result as { id: string }[]).map((d) => d.id)).toContain(id);
  await expectBotAnswers(user);
  return id;
}

describe.sequential('Redis goes away mid-run', { timeout: 60_000 }, () => {
  const anna: FakeUser = { id: 81001, first_name: 'Anna', language_code: 'en' };
  const dreams: string[] = [];
  let token = '';

  it('before: the API and the bot work with Redis', async () => {
    await fake.sendText(anna, '/start');
    await fake.waitForMessage(anna.id, (m) => /Hi, Anna!/.test(String(m.text)), 15_000);
    token = await signIn(anna);
    dreams.push(
      await exercise(anna, token, 'I was walking through a forest made of glass, before the outage.'),
    );
    const health = await timed('/health');
    expect(health.body).toMatchObject({ status: 'ok', redis: 'ok' });
  });

  it('while Redis is down: every answer comes at once, degraded to PostgreSQL', async () => {
    await redis.kill();
    const health = await timed('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'degraded', redis: 'down', database: 'ok' });
    for (let i = 0; i < 3; i++) {
      dreams.push(await exercise(anna, token, `During the outage I dreamt of a lighthouse, number ${i}.`));
    }
    // A new sign-in (a session row and its cache entry) works too.
    const second = await signIn(anna);
    const me = await timed('/api/v1/me', json(second, 'GET'));
    expect(me.status).toBe(200);
    for (const path of ['/api/v1/me', '/api/v1/dreams', '/api/v1/wallet']) {
      const r = await timed(path, json(token, 'GET'), 1500);
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
    }
  });

  it('after Redis returns: the clients reconnect by themselves and nothing was lost', async () => {
    await redis.start();
    const deadline = Date.now() + 10_000;
    let health = await timed('/health');
    while (health.body && (health.body as { redis: string }).redis !== 'ok' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      health = await timed('/health');
    }
    expect(health.body).toMatchObject({ status: 'ok', redis: 'ok' });
    dreams.push(await exercise(anna, token, 'After the outage the glass forest turned into a warm sea.'));
    const list = await timed('/api/v1/dreams?page_size=50', json(token, 'GET'));
    const ids = (list.body.result as { id: string }[]).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(dreams));
    expect(dreams).toHaveLength(5);
    // The process neither crashed nor left ioredis errors unhandled.
    const out = app.output();
    expect(out).not.toContain('Unhandled error event');
    // One warning for the outage, not one per reconnect attempt; no request failed for it.
    expect(out.match(/Redis is unreachable/g)).toHaveLength(1);
    expect(out).not.toMatch(/"level":50/);
  });
});
