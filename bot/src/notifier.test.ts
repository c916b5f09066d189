import { createBotHarness } from '@mechta/testing/botHarness';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createBotNotifier } from './notifier.ts';

const cores: TestCore[] = [];
afterAll(async () => {
  await Promise.all(cores.map((c) => c.close()));
});

async function setUp(env: Record<string, string> = {}) {
  const t = await createTestCore(env);
  cores.push(t);
  const h = createBotHarness(t.core);
  return { t, h, notifier: createBotNotifier(h.bot, t.core) };
}

describe('bot notifier', () => {
  it('sends HTML text with inline buttons; Mini App buttons open as web apps over https', async () => {
    const { h, notifier } = await setUp({ PUBLIC_URL: 'https://mechta.example' });
    await notifier.text(42, '<b>Your dream is ready</b>', {
      buttons: [
        [
          { text: 'Open', webAppPath: '/dreams/7' },
          { text: 'Again', callbackData: 'dream:7:again' },
        ],
        [{ text: 'Site', url: 'https://example.org' }],
      ],
    });
    const reply = h.lastReply();
    expect(reply?.chatId).toBe(42);
    expect(reply?.text).toBe('<b>Your dream is ready</b>');
    expect(reply?.payload.parse_mode).toBe('HTML');
    expect(reply?.keyboard).toEqual([
      [
        { text: 'Open', web_app: { url: 'https://mechta.example/dreams/7' } },
        { text: 'Again', callback_data: 'dream:7:again' },
      ],
      [{ text: 'Site', url: 'https://example.org' }],
    ]);
  });

  it('falls back to a plain link when the Mini App is not on https', async () => {
    const { h, notifier } = await setUp({ PUBLIC_URL: 'http://127.0.0.1:8080' });
    await notifier.text(43, 'hello', { buttons: [[{ text: 'Open', webAppPath: 'dreams' }]] });
    expect(h.lastReply()?.keyboard).toEqual([[{ text: 'Open', url: 'http://127.0.0.1:8080/dreams' }]]);
  });

  it('skips users who blocked the bot instead of failing the job', async () => {
    const { h, notifier } = await setUp();
    h.respondOnce('sendMessage', {
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    await expect(notifier.text(44, 'hello')).resolves.toBeUndefined();
    h.respondOnce('sendMessage', { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    await expect(notifier.text(45, 'hello')).rejects.toThrow('chat not found');
  });
});
