import { startTestServer, type TestServer } from '@mechta/testing/app';
import { signInitData } from '@mechta/testing/telegram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let s: TestServer;
let token: string;
let signedInUser: { limits?: unknown };
beforeAll(async () => {
  s = await startTestServer(
    { DREAM_MIN_CHARS: '25', DREAM_MAX_CHARS: '900', MAX_DREAMS_PER_DAY: '7' },
    { listen: false },
  );
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/v1/auth/telegram',
    payload: { init_data: signInitData({ id: 6001, first_name: 'Max', language_code: 'en' }, s.botToken) },
  });
  token = res.json().result.access_token;
  signedInUser = res.json().result.user;
});
afterAll(() => s.close());

const patch = (payload: unknown) =>
  s.app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: { authorization: `Bearer ${token}` },
    payload: payload as object,
  });

describe('PATCH /api/v1/me', () => {
  it('changes language, time zone, reminder, birth date and notifications', async () => {
    const res = await patch({
      language: 'ru',
      timezone: 'Europe/Moscow',
      reminder_time: '7:45',
      birth_date: '1990-05-17',
      notifications: { weekly: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toMatchObject({
      language: 'ru',
      timezone: 'Europe/Moscow',
      reminder_time: '07:45',
      birth_date: '1990-05-17',
      notifications: { weekly: false, morning: true },
    });
  });

  it('rejects an unknown time zone and an impossible date with localised field errors, saving nothing', async () => {
    const res = await patch({ timezone: 'Mars/Olympus', birth_date: '1990-02-31', language: 'en' });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    // the user's language is still ru (nothing was saved), so the messages are Russian
    expect(body.error.fields.timezone).toBe('неизвестный часовой пояс');
    expect(body.error.fields.birth_date).toBeTruthy();
    const me = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().result).toMatchObject({ language: 'ru', timezone: 'Europe/Moscow' });
  });

  it('takes the detected zone only while none was chosen, and a day start, with localised errors', async () => {
    // This user chose Europe/Moscow above: the device's zone does not replace it.
    const kept = await patch({ timezone_detected: 'Asia/Tokyo', day_starts_at: '5:00' });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().result).toMatchObject({
      timezone: 'Europe/Moscow',
      timezone_source: 'user',
      day_starts_at: '05:00',
    });
    const bad = await patch({ day_starts_at: '24:30', timezone_detected: 'Nowhere/Land' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual({
      day_starts_at: 'формат ЧЧ:ММ, например 04:00',
      timezone_detected: 'неизвестный часовой пояс',
    });
    // Off through PATCH is the same fact as the morning switch.
    const off = await patch({ reminder_time: null });
    expect(off.json().result).toMatchObject({ reminder_time: null, notifications: { morning: false } });
  });

  it('refuses unknown fields', async () => {
    const res = await patch({ plan: 'pro' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('the limits the Mini App checks before sending', () => {
  it('come from the server configuration, with sign-in and with GET /me', async () => {
    const limits = { dream_text_min: 25, dream_text_max: 900, dream_title_max: 120, dreams_per_day: 7 };
    expect(signedInUser.limits).toEqual(limits);
    const me = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().result.limits).toEqual(limits);
  });
});

describe('what the server can do, so the Mini App offers only that', () => {
  it('offline: no video, no voice, no AI pictures; with keys: each one on', async () => {
    const me = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().result.capabilities).toEqual({ video: false, voice: false, image_ai: false });

    const keyed = await startTestServer(
      {
        AI_PROVIDER: 'openai',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
        REPLICATE_API_TOKEN: 'r8_test',
        REPLICATE_BASE_URL: 'http://127.0.0.1:9',
      },
      { listen: false },
    );
    try {
      const res = await keyed.app.inject({
        method: 'POST',
        url: '/api/v1/auth/telegram',
        payload: {
          init_data: signInitData({ id: 6002, first_name: 'Kit', language_code: 'ru' }, keyed.botToken),
        },
      });
      expect(res.json().result.user.capabilities).toEqual({ video: true, voice: true, image_ai: true });
    } finally {
      await keyed.close();
    }
  });
});
