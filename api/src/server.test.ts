import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@mechta/core';
import { createTestDatabase, type TestDatabase } from '@mechta/testing/db';
import { type FakeBotApi, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server.ts';

/**
 * Telegram unreachable at start: between the process and the fake Bot API sits a gateway that
 * answers 502 Bad Gateway (as a proxy in front of an unreachable Telegram does) until it is opened.
 */
let fake: FakeBotApi;
let database: TestDatabase;
let gateway: http.Server;
let open = false;
let refused = 0;
let server: RunningServer | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-retry-'));

beforeAll(async () => {
  fake = await startFakeBotApi();
  database = await createTestDatabase();
  const target = new URL(fake.url);
  gateway = http.createServer((req, res) => {
    if (!open) {
      refused++;
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway</html>');
      return;
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => gateway?.close(resolve));
  await fake?.close();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function botState(url: string): Promise<string> {
  const health = (await (await fetch(`${url}/health`)).json()) as { bot: { state: string } };
  return health.bot.state;
}

it('keeps retrying while Telegram is unreachable at start, then polls and answers', async () => {
  const { port } = gateway.address() as AddressInfo;
  const config = loadConfig({
    NODE_ENV: 'test',
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    PORT: '0',
    AI_PROVIDER: 'offline',
  });
  server = await startServer(config, pino({ level: 'silent' }));
  const url = server.url;

  await expect.poll(() => botState(url), { timeout: 10_000 }).toBe('retrying');
  expect(refused).toBeGreaterThan(0);
  const health = await fetch(`${url}/health`);
  expect(health.status).toBe(200);
  expect(((await health.json()) as { status: string }).status).toBe('degraded');

  open = true;
  await expect.poll(() => botState(url), { timeout: 15_000, interval: 200 }).toBe('ok');
  const user = { id: 91_001, first_name: 'Rita', language_code: 'en' };
  await fake.sendText(user, '/start');
  await fake.waitForMessage(user.id, (m) => String(m.text).includes('Rita'), 15_000);
});
