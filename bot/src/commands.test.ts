import { createBotHarness } from '@mechta/testing/botHarness';
import { createTestCore, TEST_ADMIN_ID, type TestCore } from '@mechta/testing/core';
import { afterAll, describe, expect, it } from 'vitest';
import { registerCommands } from './commands.ts';

/** CONTRACT.md's commands that work today; /moment, /today, /wheel, /wants, /ritual, /goals, /export and
 * /delete_me are not built yet, so they answer when typed but are not advertised. */
const CONTRACT_COMMANDS = [
  'start',
  'help',
  'menu',
  'dream',
  'dreams',
  'feed',
  'balance',
  'buy',
  'referrals',
  'settings',
  'cancel',
];

const cores: TestCore[] = [];
afterAll(async () => {
  await Promise.all(cores.map((c) => c.close()));
});

describe('registerCommands', () => {
  it('publishes every working command in Russian and English, and /admin to each admin', async () => {
    const t = await createTestCore();
    cores.push(t);
    const h = createBotHarness(t.core);
    await registerCommands(h.bot, t.core);
    const lists = h.calls.filter((c) => c.method === 'setMyCommands').map((c) => c.payload);

    const forLanguage = (code?: string) => lists.find((p) => p.language_code === code && !p.scope);
    const ru = forLanguage('ru');
    const en = forLanguage('en');
    expect(ru?.commands.map((c: { command: string }) => c.command)).toEqual(CONTRACT_COMMANDS);
    expect(en?.commands.map((c: { command: string }) => c.command)).toEqual(CONTRACT_COMMANDS);
    expect(ru?.commands.find((c: { command: string }) => c.command === 'settings').description).toBe(
      'Язык, часовой пояс, напоминания',
    );
    expect(en?.commands.find((c: { command: string }) => c.command === 'dream').description).toBe(
      'Log a dream',
    );
    expect(forLanguage(undefined)?.commands).toEqual(en?.commands);
    for (const p of lists) {
      for (const c of p.commands) expect(c.description.length).toBeGreaterThan(2);
    }

    const adminLists = lists.filter((p) => p.scope?.type === 'chat');
    expect(adminLists.length).toBeGreaterThan(0);
    for (const p of adminLists) {
      expect(p.scope.chat_id).toBe(TEST_ADMIN_ID);
      expect(p.commands.map((c: { command: string }) => c.command)).toEqual([...CONTRACT_COMMANDS, 'admin']);
    }
    expect(
      lists
        .filter((p) => !p.scope)
        .every((p) => !p.commands.some((c: { command: string }) => c.command === 'admin')),
    ).toBe(true);
    // Without https there is no Mini App to put behind the menu button.
    expect(h.calls.some((c) => c.method === 'setChatMenuButton')).toBe(false);
  });

  it('makes the menu button open the Mini App when PUBLIC_URL is https', async () => {
    const t = await createTestCore({ PUBLIC_URL: 'https://mechta.example' });
    cores.push(t);
    const h = createBotHarness(t.core);
    await registerCommands(h.bot, t.core);
    const call = h.calls.find((c) => c.method === 'setChatMenuButton');
    expect(call?.payload.menu_button).toEqual({
      type: 'web_app',
      text: 'Mechta',
      web_app: { url: 'https://mechta.example/' },
    });
  });
});
