import { startTestServer, type TestServer } from '@mechta/testing/app';
import { TEST_ADMIN_ID } from '@mechta/testing/core';
import { signInitData } from '@mechta/testing/telegram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let s: TestServer;
let user: Record<string, string>;
let admin: Record<string, string>;
let dreamId: string;

async function signIn(id: number): Promise<Record<string, string>> {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/v1/auth/telegram',
    payload: { init_data: signInitData({ id, first_name: `User${id}`, language_code: 'en' }, s.botToken) },
  });
  return { authorization: `Bearer ${res.json().result.access_token}` };
}

beforeAll(async () => {
  s = await startTestServer({ RATE_LIMIT_PER_MINUTE: '100000' }, { listen: false });
  user = await signIn(71_001);
  admin = await signIn(TEST_ADMIN_ID);
  const created = await s.app.inject({
    method: 'POST',
    url: '/api/v1/dreams',
    headers: user,
    payload: { text: 'I was flying over a quiet sea at night' },
  });
  dreamId = created.json().result.id;
});
afterAll(() => s.close());

/** Asserts the failure envelope with one of the given statuses and returns its error. */
function failed(res: { statusCode: number; json(): unknown }, statuses: number[]) {
  const body = res.json() as { ok: boolean; error: { code: string; http_code: number } };
  expect({ status: res.statusCode, ok: body.ok }).toEqual({
    status: expect.toSatisfy((x: number) => statuses.includes(x)),
    ok: false,
  });
  expect(body.error.http_code).toBe(res.statusCode);
  return body.error;
}

describe('paged routes bound page', () => {
  it('answers a page beyond any list (1e20, 1e400) with 422, on every paged route', async () => {
    const paged = ['/dreams', '/dreams/feed', '/wallet/ledger', '/admin/users', '/admin/payments'];
    for (const route of paged) {
      for (const page of ['1e20', '1e400', '99999999999999999999']) {
        const res = await s.app.inject({
          method: 'GET',
          url: `/api/v1${route}?page=${page}`,
          headers: admin,
        });
        expect(failed(res, [422]).code, `${route}?page=${page}`).toBe('VALIDATION_FAILED');
      }
    }
  });
});

describe('ids beyond bigint on admin routes', () => {
  it('answers 422, not a database error', async () => {
    for (const url of [
      '/api/v1/admin/users/99999999999999999999',
      '/api/v1/admin/users/99999999999999999999/block',
      '/api/v1/admin/payments?user_id=99999999999999999999',
      '/api/v1/admin/payments/99999999999999999999/refund',
    ]) {
      const method = url.endsWith('/block') || url.endsWith('/refund') ? 'POST' : 'GET';
      const res = await s.app.inject({ method, url, headers: admin });
      expect(failed(res, [422]).code, url).toBe('VALIDATION_FAILED');
    }
  });
});

describe('a NUL character anywhere in text', () => {
  it('is refused with 422 naming the field, before any route reads it', async () => {
    const cases = [
      { method: 'POST', url: '/api/v1/dreams', payload: { text: 'a dream about a \u0000 cat in a house' } },
      { method: 'PATCH', url: `/api/v1/dreams/${dreamId}`, payload: { title: 'night\u0000sea' } },
      { method: 'GET', url: '/api/v1/dreams?q=%00' },
      { method: 'GET', url: '/api/v1/dreams?tag=a%00b' },
      { method: 'GET', url: `/api/v1/dreams/${dreamId}%00` },
      {
        method: 'POST',
        url: '/api/v1/dreams',
        payload: { text: 'a dream about a cat in a house' },
        headers: { 'idempotency-key': 'key\u0000one' },
      },
      { method: 'GET', url: '/api/v1/admin/users?q=%00boss' },
      {
        method: 'POST',
        url: `/api/v1/admin/users/${71_001}/tokens`,
        payload: { amount: 1, reason: 'gift', idempotency_key: 'abc\u0000defgh' },
      },
      { method: 'PATCH', url: '/api/v1/me', payload: { timezone: 'Europe/\u0000Moscow' } },
    ] as const;
    for (const c of cases) {
      const headers = { ...admin, ...('headers' in c ? c.headers : {}) };
      const res = await s.app.inject({
        method: c.method,
        url: c.url,
        headers: c.url.includes('/admin/') ? headers : { ...headers, ...user },
        ...('payload' in c ? { payload: c.payload } : {}),
      });
      const error = failed(res, [422]);
      expect(error.code, `${c.method} ${c.url}`).toBe('VALIDATION_FAILED');
      expect(Object.values((res.json() as { error: { fields: object } }).error.fields)).toContain(
        'must not contain a NUL character',
      );
    }
    const dream = await s.app.inject({ method: 'GET', url: `/api/v1/dreams/${dreamId}`, headers: user });
    expect(dream.json().result.title).toBeNull();
  });
});

describe('impossible calendar dates', () => {
  it('answers ?from=2020-02-30 and ?to=2021-02-29 with 422', async () => {
    for (const q of ['from=2020-02-30', 'to=2021-02-29', 'from=2020-13-01', 'from=2020-00-10']) {
      const res = await s.app.inject({ method: 'GET', url: `/api/v1/dreams?${q}`, headers: user });
      expect(failed(res, [422]).code, q).toBe('VALIDATION_FAILED');
    }
    const leap = await s.app.inject({ method: 'GET', url: '/api/v1/dreams?from=2020-02-29', headers: user });
    expect(leap.statusCode).toBe(200);
  });
});

describe('malformed paths', () => {
  it('answer in the envelope, not in Fastify’s own format', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/%', 400, 'BAD_REQUEST'],
      ['/api/v1/%zz', 400, 'BAD_REQUEST'],
      ['/api/v1/dreams/%E0%A4%A', 400, 'BAD_REQUEST'],
      ['/%', 400, 'BAD_REQUEST'],
      [`/api/v1/dreams/${'a'.repeat(101)}`, 404, 'NOT_FOUND'],
      [`/api/v1/admin/users/${'9'.repeat(120)}`, 404, 'NOT_FOUND'],
    ];
    for (const [url, status, code] of cases) {
      const res = await s.app.inject({ method: 'GET', url, headers: { ...user, 'accept-language': 'ru' } });
      const error = failed(res, [status]);
      expect(error.code, url).toBe(code);
      expect((error as unknown as { message: string }).message).toMatch(/[а-я]/);
      expect(res.json().meta.request_id).toBe(res.headers['x-request-id']);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers a request Node’s HTTP parser refuses in the envelope too', async () => {
    const listening = await startTestServer({}, {});
    try {
      const { port } = new URL(listening.url);
      const net = await import('node:net');
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write('GET /api/v1/me HTTP/1.1\r\nHost: x\r\nIdempotency-Key: a\u0000b\r\n\r\n');
        });
        let data = '';
        socket.on('data', (d) => {
          data += d.toString();
        });
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
      expect(body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', http_code: 400 } });
    } finally {
      await listening.close();
    }
  });
});

describe('the rate limit key', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy sets it', async () => {
    const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3' }, { listen: false });
    const trusting = await startTestServer(
      { RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' },
      { listen: false },
    );
    try {
      const hit = (t: TestServer, i: number) =>
        t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/options',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
        });
      const direct = [];
      const proxied = [];
      for (let i = 1; i <= 5; i++) {
        direct.push((await hit(limited, i)).statusCode);
        proxied.push((await hit(trusting, i)).statusCode);
      }
      expect(direct).toEqual([200, 200, 200, 429, 429]);
      expect(proxied).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await limited.close();
      await trusting.close();
    }
  });
});
