import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type FakeBotApi, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import { startAppProcess } from '@mechta/testing/process';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * A clean stop of the real process on its embedded PostgreSQL (no DATABASE_URL): everything that
 * talks to the database stops before the database does, so nothing logs an error on the way out.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-stop-'));
let fake: FakeBotApi;
beforeAll(async () => {
  fake = await startFakeBotApi();
});
afterAll(async () => {
  await fake?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** pino's JSON lines the process printed (anything else, e.g. PostgreSQL's own output, is skipped). */
function logLines(output: string): Array<{ level: number; msg?: string }> {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg?: string });
}

it('SIGTERM with embedded PostgreSQL exits 0 and logs no error', { timeout: 120_000 }, async () => {
  const app = await startAppProcess({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
  });
  // A process that has been up a while: the bot long-polls, the queue's workers poll, a user talked.
  await fake.sendText({ id: 81_001, first_name: 'Ira', language_code: 'en' }, '/start');
  await fake.waitForMessage(81_001, (m) => String(m.text).includes('Ira'), 15_000);
  await new Promise((r) => setTimeout(r, 1000));
  const code = await app.stop();
  const lines = logLines(app.output());
  expect(lines.some((l) => l.msg === 'stopping')).toBe(true);
  expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  expect(code).toBe(0);
});
