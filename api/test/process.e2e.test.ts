import { createTestDatabase, type TestDatabase } from '@mechta/testing/db';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from '@mechta/testing/fake-bot-api';
import { freePort, startAppProcess } from '@mechta/testing/process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/**
 * The whole process (api/src/main.ts) against a fake Telegram: what a user sees in the chat,
 * in both delivery modes, across a restart.
 */
let fake: FakeBotApi;
let database: TestDatabase;
const stops: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  fake = await startFakeBotApi();
  database = await createTestDatabase();
});
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});
afterAll(async () => {
  await fake.close();
  await database.drop();
});

const baseEnv = () => ({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, DATABASE_URL: database.url });

async function start(env: Record<string, string>, port?: number) {
  const app = await startAppProcess({ ...baseEnv(), ...env }, { port });
  stops.push(() => app.stop());
  return app;
}

function lastText(user: FakeUser): string {
  const msgs = fake.messagesTo(user.id);
  return String(msgs.at(-1)?.text ?? '');
}

describe('the real process against a fake Bot API', { timeout: 120_000 }, () => {
  it('polling: /start greets in Russian with the menu, and a language change survives a restart', async () => {
    const olga: FakeUser = { id: 71001, first_name: 'Ольга', language_code: 'ru' };
    await start({ BOT_MODE: 'polling' });
    await fake.sendText(olga, '/start');
    await fake.waitForMessage(olga.id, (m) => /Привет, Ольга/.test(String(m.text)), 15_000);
    // The main menu is a message of its own, after the greeting.
    const menu = await fake.waitForMessage(olga.id, (m) => m.text === 'Главное меню', 15_000);
    expect(menu.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(
      expect.arrayContaining(['🌙 Записать сон', '⚙️ Настройки']),
    );
    // commands were registered in both languages
    const langs = fake.calls.filter((c) => c.method === 'setMyCommands').map((c) => c.payload.language_code);
    expect(langs).toEqual(expect.arrayContaining(['ru', 'en']));

    // change the language to English through /settings
    await fake.sendText(olga, '/settings');
    const card = await fake.waitForMessage(olga.id, (m) => /Настройки/.test(String(m.text)), 15_000);
    await fake.pressButton(olga, card, /Язык/);
    const chooser = await fake.waitForMessage(
      olga.id,
      (m) => (m.reply_markup?.inline_keyboard.flat() ?? []).some((b) => /English/.test(b.text)),
      15_000,
    );
    await fake.pressButton(olga, chooser, /English/);
    await fake.waitForMessage(
      olga.id,
      (m) => /Language set to English/.test(String(m.text) + String(m.caption)),
      15_000,
    );

    // restart the process: the choice is in the database, not in memory
    await stops.pop()!();
    await start({ BOT_MODE: 'polling' });
    await fake.sendText(olga, '/help');
    await fake.waitForMessage(
      olga.id,
      (m) => /Mechta<\/b>|Mechta keeps your dreams/.test(String(m.text)),
      15_000,
    );
    expect(lastText(olga)).toContain('keeps your dreams');
  });

  it('webhook: Telegram POSTs updates with the secret; /start gets the localised menu; a redelivery is handled once', async () => {
    const port = await freePort();
    const tom: FakeUser = { id: 71002, first_name: 'Tom', language_code: 'en' };
    await start(
      { BOT_MODE: 'webhook', PUBLIC_URL: `http://127.0.0.1:${port}`, WEBHOOK_SECRET: 'e2e-secret_1' },
      port,
    );
    const hook = await fake.waitForCall('setWebhook', undefined, { since: 0, timeoutMs: 15_000 });
    expect(hook?.payload).toMatchObject({
      url: `http://127.0.0.1:${port}/telegram/webhook`,
      secret_token: 'e2e-secret_1',
    });
    const update = await fake.sendText(tom, '/start');
    await fake.waitForMessage(tom.id, (m) => /Hi, Tom!/.test(String(m.text)), 15_000);
    const before = fake.messagesTo(tom.id).length;
    await fake.deliverRaw(update);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.messagesTo(tom.id).length).toBe(before);
  });
});
