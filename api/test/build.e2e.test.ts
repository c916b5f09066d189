import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createTestDatabase, type TestDatabase } from '@mechta/testing/db';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import { type AppProcess, startAppProcess } from '@mechta/testing/process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The process as run.sh and the Dockerfile start it: `pnpm build`, then `node dist/main.js`.
 * The bundle must find what the sources find next to themselves (locales, docs assets), and the
 * heavy optional modules must stay unloaded until something uses them.
 */
let fake: FakeBotApi;
let database: TestDatabase;
let app: AppProcess;

beforeAll(async () => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'pipe' });
  fake = await startFakeBotApi();
  database = await createTestDatabase();
  app = await startAppProcess(
    { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, DATABASE_URL: database.url, BOT_MODE: 'polling' },
    { entry: 'build' },
  );
}, 120_000);
afterAll(async () => {
  expect(await app?.stop()).toBe(0);
  await fake?.close();
  await database?.drop();
});

describe('the built process (dist/main.js)', { timeout: 60_000 }, () => {
  it('greets in Russian from its locale files and serves the API docs', async () => {
    const olga: FakeUser = { id: 72001, first_name: 'Ольга', language_code: 'ru' };
    await fake.sendText(olga, '/start');
    await fake.waitForMessage(olga.id, (m) => /Привет, Ольга/.test(String(m.text)), 15_000);
    const doc = await fetch(`${app.url}/docs/json`);
    expect(doc.status).toBe(200);
    expect(Object.keys(((await doc.json()) as { paths: object }).paths).length).toBeGreaterThan(10);
    expect((await fetch(`${app.url}/docs/`)).status).toBe(200);
  });

  it('has not loaded sharp (libvips) while no picture was drawn', () => {
    // A native library shows up in the process's memory map the moment sharp is imported.
    const maps = fs.readFileSync(`/proc/${app.pid}/maps`, 'utf8');
    expect(maps).not.toMatch(/libvips/);
  });
});
