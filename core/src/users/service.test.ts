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

describe('time settings', () => {
  it('a detected zone fills in an unset one but never overwrites a chosen one', async () => {
    const { user } = await t.core.users.registerFromTelegram({ ...from, id: 42_010 });
    expect(t.core.users.toPublic(user)).toMatchObject({ timezone: 'UTC', timezone_source: null });
    const detected = await t.core.users.updateSettings(user.id, { timezone_detected: 'Asia/Tokyo' });
    expect(t.core.users.toPublic(detected)).toMatchObject({
      timezone: 'Asia/Tokyo',
      timezone_source: 'auto',
    });
    const chosen = await t.core.users.updateSettings(user.id, { timezone: 'Europe/Moscow' });
    expect(chosen.timezoneSource).toBe('user');
    const again = await t.core.users.updateSettings(user.id, { timezone_detected: 'America/New_York' });
    expect(again.timezone).toBe('Europe/Moscow');
  });

  it('validates the day start and refuses a bad detected zone', async () => {
    const { user } = await t.core.users.registerFromTelegram({ ...from, id: 42_011 });
    expect(t.core.users.toPublic(user).day_starts_at).toBe('04:00');
    expect((await t.core.users.updateSettings(user.id, { day_starts_at: '5:30' })).dayStartsAt).toBe('05:30');
    const err = await t.core.users
      .updateSettings(user.id, { day_starts_at: '25:00', timezone_detected: 'Mars/Olympus' })
      .catch((e) => e);
    expect(err.fields).toEqual({
      day_starts_at: 'validation-day-start',
      timezone_detected: 'validation-timezone',
    });
  });

  it('the morning reminder has one switch: "off" and notifications.morning read the same', async () => {
    const { user } = await t.core.users.registerFromTelegram({ ...from, id: 42_012 });
    const off = t.core.users.toPublic(await t.core.users.updateSettings(user.id, { reminder_time: null }));
    expect(off).toMatchObject({ reminder_time: null, notifications: { morning: false } });
    // Switching it back on from the 🔔 list brings the kept hour back.
    const on = await t.core.users.updateSettings(user.id, { notifications: { morning: true } });
    expect(t.core.users.toPublic(on)).toMatchObject({
      reminder_time: '08:00',
      notifications: { morning: true },
    });
    const later = await t.core.users.updateSettings(user.id, { notifications: { morning: false } });
    expect(t.core.users.toPublic(later).reminder_time).toBeNull();
    // Setting a time switches it on.
    const timed = await t.core.users.updateSettings(user.id, { reminder_time: '07:15' });
    expect(t.core.users.toPublic(timed)).toMatchObject({
      reminder_time: '07:15',
      notifications: { morning: true },
    });
  });
});
