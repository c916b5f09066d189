import { startTestServer, type TestServer } from '@mechta/testing/app';
import { signInitData, signInitDataPairs } from '@mechta/testing/telegram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({}, { listen: false });
});
afterAll(() => s.close());

const anna = { id: 5001, first_name: 'Анна', username: 'anna', language_code: 'ru' };

async function signIn(initData = signInitData(anna, s.botToken)) {
  return s.app.inject({ method: 'POST', url: '/api/v1/auth/telegram', payload: { init_data: initData } });
}

describe('POST /api/v1/auth/telegram', () => {
  it('signs in with valid init data and creates the user in their language', async () => {
    const res = await signIn();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(true);
    expect(body.error).toBeNull();
    expect(body.meta.request_id).toBeTruthy();
    expect(body.result.user).toMatchObject({ id: 5001, first_name: 'Анна', language: 'ru', plan: 'free' });
    expect(body.result.access_token).toMatch(/^ey/);
    const me = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${body.result.access_token}` },
    });
    expect(me.json().result.username).toBe('anna');
  });

  it('refuses tampered init data', async () => {
    const raw = signInitData(anna, s.botToken);
    const tampered = raw.replace(encodeURIComponent('"id":5001'), encodeURIComponent('"id":5002'));
    expect(tampered).not.toBe(raw);
    const res = await signIn(tampered);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INIT_DATA_INVALID');
  });

  it('refuses init data older than 24 hours', async () => {
    const old = signInitData(anna, s.botToken, new Date(Date.now() - 25 * 3600_000));
    const res = await signIn(old);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      ok: false,
      result: null,
      error: { code: 'INIT_DATA_EXPIRED', http_code: 401 },
    });
  });

  it('refuses init data signed for another bot', async () => {
    const foreign = signInitData(anna, '999999:ANOTHER-BOT-TOKEN-abcdefghijklmnop');
    const res = await signIn(foreign);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INIT_DATA_INVALID');
  });

  const now = () => String(Math.floor(Date.now() / 1000));
  const userJson = (u: unknown) => JSON.stringify(u);

  it('signs in with HMAC-valid init data that has no signature field (clients before Bot API 8.0)', async () => {
    const raw = signInitDataPairs(
      [
        ['query_id', 'AAH-old-client'],
        ['user', userJson({ id: 5003, first_name: 'Вера', language_code: 'ru' })],
        ['auth_date', now()],
      ],
      s.botToken,
    );
    expect(raw).not.toContain('signature');
    const res = await signIn(raw);
    expect(res.statusCode).toBe(200);
    expect(res.json().result.user).toMatchObject({ id: 5003, first_name: 'Вера' });
  });

  it('refuses HMAC-valid init data whose fields are malformed, with INIT_DATA_INVALID', async () => {
    const user = userJson(anna);
    const cases: Record<string, [string, string][]> = {
      'user not JSON': [
        ['user', '{"id":5001,'],
        ['auth_date', now()],
      ],
      'user twice': [
        ['user', user],
        ['user', userJson({ ...anna, id: 5009 })],
        ['auth_date', now()],
      ],
      'auth_date twice': [
        ['user', user],
        ['auth_date', now()],
        ['auth_date', String(Number(now()) - 60)],
      ],
      'no user': [['auth_date', now()]],
      'user without id': [
        ['user', userJson({ first_name: 'Анна' })],
        ['auth_date', now()],
      ],
      'NUL in first_name': [
        ['user', userJson({ id: 5001, first_name: 'Ан\u0000на' })],
        ['auth_date', now()],
      ],
      'auth_date an hour ahead': [
        ['user', user],
        ['auth_date', String(Math.floor(Date.now() / 1000) + 3600)],
      ],
      'auth_date not a number': [
        ['user', user],
        ['auth_date', 'soon'],
      ],
    };
    for (const id of ['"abc"', 'null', '[]', '1.5', '1e20', '-5', '0', '{}']) {
      cases[`id ${id}`] = [
        ['user', `{"id":${id},"first_name":"Анна"}`],
        ['auth_date', now()],
      ];
    }
    for (const [name, pairs] of Object.entries(cases)) {
      const res = await signIn(signInitDataPairs(pairs, s.botToken));
      expect({ name, status: res.statusCode, code: res.json().error?.code }).toEqual({
        name,
        status: 401,
        code: 'INIT_DATA_INVALID',
      });
    }
  });

  it('accepts init data dated a minute ahead (a client clock slightly fast)', async () => {
    const raw = signInitData(anna, s.botToken, new Date(Date.now() + 60_000));
    expect((await signIn(raw)).statusCode).toBe(200);
  });

  it('answers a missing body field with 422 and the field named', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/auth/telegram', payload: {} });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.error.fields)).toContain('init_data');
  });

  it('has no demo sign-in when a bot token is configured', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/auth/demo' });
    expect(res.statusCode).toBe(404);
    const options = await s.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    expect(options.json().result).toMatchObject({ telegram: true, demo: false });
  });
});

describe('refresh rotation, sessions and logout', () => {
  it('rotates refresh tokens: the old one is refused after use', async () => {
    const first = (await signIn()).json().result;
    const r1 = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: first.refresh_token },
    });
    expect(r1.statusCode).toBe(200);
    const second = r1.json().result;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const reuse = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: first.refresh_token },
    });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('UNAUTHORIZED');
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: second.refresh_token },
    });
    expect(again.statusCode).toBe(200);
  });

  it('lists sessions, logs out one, then everywhere', async () => {
    const a = (await signIn()).json().result;
    const b = (await signIn()).json().result;
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    const list = await s.app.inject({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      headers: auth(a.access_token),
    });
    const sessions = list.json().result as Array<{ id: string; current: boolean }>;
    expect(sessions.find((x) => x.id === a.session_id)?.current).toBe(true);
    expect(sessions.some((x) => x.id === b.session_id)).toBe(true);

    const out = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: auth(a.access_token),
    });
    expect(out.statusCode).toBe(200);
    const afterLogout = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: auth(a.access_token),
    });
    expect(afterLogout.statusCode).toBe(401);
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(b.access_token) })).statusCode,
    ).toBe(200);

    const all = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: auth(b.access_token),
      payload: { all: true },
    });
    expect(all.json().result.ended).toBeGreaterThanOrEqual(1);
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(b.access_token) })).statusCode,
    ).toBe(401);
  });

  it('refuses a garbage bearer token', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().ok).toBe(false);
  });
});
