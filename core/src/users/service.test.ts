import { createTestCore, type TestCore } from '@mechta/testing/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.close());

const from = { id: 42_001, first_name: 'Lena', username: 'lena', language_code: 'ru' };

describe('users service', () => {
  it('serves a returning user from the cache and never serves a stale copy after a change', async () => {
    const first = await t.core.users.registerFromTelegram(from);
    expect(first.created).toBe(true);
    expect(first.user.language).toBe('ru');
    const again = await t.core.users.registerFromTelegram(from);
    expect(again.created).toBe(false);

    await t.core.users.updateSettings(from.id, { language: 'en', timezone: 'UTC+3' });
    const afterSettings = await t.core.users.registerFromTelegram(from);
    expect(afterSettings.user.language).toBe('en');
    expect(afterSettings.user.timezone).toBe('Etc/GMT-3');

    await t.core.users.setBlocked(from.id, true);
    expect((await t.core.users.registerFromTelegram(from)).user.isBlocked).toBe(true);
    await t.core.users.setBlocked(from.id, false);
    expect((await t.core.users.registerFromTelegram(from)).user.isBlocked).toBe(false);
  });

  it('refreshes Telegram-owned fields when they change', async () => {
    await t.core.users.registerFromTelegram({ ...from, id: 42_002 });
    const renamed = await t.core.users.registerFromTelegram({
      ...from,
      id: 42_002,
      first_name: 'Елена',
      username: 'elena',
    });
    expect(renamed.user).toMatchObject({ firstName: 'Елена', username: 'elena' });
    expect((await t.core.users.findUser(42_002))?.username).toBe('elena');
  });

  it('rejects impossible settings and saves none of the valid ones in the same request', async () => {
    await expect(
      t.core.users.updateSettings(from.id, {
        timezone: 'Europe/Berlin',
        birth_date: '31.02.1990',
        reminder_time: '25:00',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { birth_date: 'validation-birthdate', reminder_time: 'validation-reminder' },
    });
    expect((await t.core.users.findUser(from.id))?.timezone).toBe('Etc/GMT-3');
  });
});
