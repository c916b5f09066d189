import { createBotHarness } from '@mechta/testing/botHarness';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { afterAll, describe, expect, it } from 'vitest';
import { startBot } from './launch.ts';

const cores: TestCore[] = [];
afterAll(async () => {
  await Promise.all(cores.map((c) => c.close()));
});

describe('startBot', () => {
  it('in webhook mode points Telegram at /telegram/webhook with the secret, keeping pending updates', async () => {
    const t = await createTestCore({
      BOT_MODE: 'webhook',
      PUBLIC_URL: 'https://mechta.example',
      WEBHOOK_SECRET: 'hook-secret_1',
    });
    cores.push(t);
    const h = createBotHarness(t.core);
    const running = await startBot(h.bot, t.core);
    const call = h.calls.find((c) => c.method === 'setWebhook');
    expect(call?.payload).toMatchObject({
      url: 'https://mechta.example/telegram/webhook',
      secret_token: 'hook-secret_1',
      drop_pending_updates: false,
    });
    expect(h.calls.some((c) => c.method === 'setMyCommands')).toBe(true);
    expect(h.calls.some((c) => c.method === 'getUpdates')).toBe(false);
    await running.stop();
  });

  it('in polling mode long-polls without dropping pending updates, and stops', async () => {
    const t = await createTestCore({ BOT_MODE: 'polling' });
    cores.push(t);
    const h = createBotHarness(t.core);
    const running = await startBot(h.bot, t.core);
    await expect.poll(() => h.calls.some((c) => c.method === 'getUpdates')).toBe(true);
    expect(h.calls.find((c) => c.method === 'deleteWebhook')?.payload.drop_pending_updates).toBe(false);
    await running.stop();
    expect(h.bot.isRunning()).toBe(false);
  });
});
