import { startTestServer, type TestServer, type TestServerOptions } from '@mechta/testing/app';
import { testRedisUrl } from '@mechta/testing/db';
import { afterAll, describe, expect, it } from 'vitest';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});
async function server(env: Record<string, string | undefined> = {}, extend?: TestServerOptions['extend']) {
  const s = await startTestServer(env, { listen: false, extend });
  servers.push(s);
  return s;
}

describe('the HTTP app', () => {
  it('reports health of the database and the queue', async () => {
    const s = await server();
    const res = await s.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', queue: 'ok', redis: 'off' });
  });

  it('answers 503 when the database is down', async () => {
    const s = await server();
    await s.database.cutOff();
    const res = await s.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'down', database: 'down' });
    await s.database.restore();
    expect((await s.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('serves the OpenAPI document with every route', async () => {
    const s = await server();
    const res = await s.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/v1/auth/telegram', '/api/v1/auth/refresh', '/api/v1/me']),
    );
    expect((await s.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('wraps 404, 413, 415 and 422 in the envelope, in the asked language', async () => {
    const s = await server();
    const nf = await s.app.inject({
      method: 'GET',
      url: '/api/v1/nowhere',
      headers: { 'accept-language': 'ru-RU' },
    });
    expect(nf.statusCode).toBe(404);
    expect(nf.json()).toMatchObject({
      ok: false,
      result: null,
      error: { code: 'NOT_FOUND', http_code: 404 },
    });
    expect(nf.json().error.message).toBe('Не удалось найти.');
    expect(nf.json().meta.request_id).toBe(nf.headers['x-request-id']);

    const big = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/telegram',
      payload: { init_data: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');

    const type = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/telegram',
      headers: { 'content-type': 'application/x-weird' },
      payload: 'hello',
    });
    expect(type.statusCode).toBe(415);
    expect(type.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/telegram',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().ok).toBe(false);
  });

  it('hides the message of a 500', async () => {
    const s = await server({}, (app) => {
      app.get('/api/v1/boom-test', async () => {
        throw new Error('secret internals: password=hunter2');
      });
    });
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/boom-test' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toContain('hunter2');
  });

  it('rate limits /api/v1 with a 429 envelope', async () => {
    const s = await server({ RATE_LIMIT_PER_MINUTE: '3' });
    const codes: number[] = [];
    let last: { error: { code: string; details: { retry_after_seconds: number } } } | undefined;
    for (let i = 0; i < 5; i++) {
      const r = await s.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
      codes.push(r.statusCode);
      last = r.json();
    }
    expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
    expect(codes[4]).toBe(429);
    expect(last?.error.code).toBe('RATE_LIMITED');
    expect(last?.error.details.retry_after_seconds).toBeGreaterThan(0);
  });

  it.skipIf(!testRedisUrl())('shares the rate limit between instances through Redis', async () => {
    const prefix = `mechta-test-shared-${Date.now()}:`;
    const a = await startTestServer(
      { RATE_LIMIT_PER_MINUTE: '4' },
      { listen: false, useRedis: true, cachePrefix: prefix },
    );
    const b = await startTestServer(
      { RATE_LIMIT_PER_MINUTE: '4' },
      { listen: false, useRedis: true, cachePrefix: prefix },
    );
    servers.push(a, b);
    const codes: number[] = [];
    for (const s of [a, b, a, b, a, b]) {
      codes.push((await s.app.inject({ method: 'GET', url: '/api/v1/auth/options' })).statusCode);
    }
    // four requests in all pass, whichever instance took them; then both refuse
    expect(codes).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('rejects a wrong webhook secret with 401 before reading the body', async () => {
    const s = await server({ WEBHOOK_SECRET: 'right-secret' });
    const res = await s.app.inject({
      method: 'POST',
      url: '/telegram/webhook',
      headers: { 'x-telegram-bot-api-secret-token': 'wrong', 'content-type': 'application/json' },
      payload: '{"this is": not even json',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('sets security headers that still let Telegram frame the Mini App', async () => {
    const s = await server();
    const res = await s.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(String(res.headers['content-security-policy'])).toContain('frame-ancestors');
  });

  it('answers the JSON API with the headers of an API, not of a page, and never lets it be cached', async () => {
    const s = await server();
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    const failed = await s.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(failed.statusCode).toBe(401);
    expect(failed.headers['cache-control']).toBe('no-store');
  });

  it('offers the demo sign-in only without a bot token, when asked for', async () => {
    const s = await server({ BOT_TOKEN: '', DEMO_MODE: 'true' });
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/auth/demo' });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.user.first_name).toBe('Demo');
  });

  it('has no demo sign-in in production without a bot token unless DEMO_MODE=true', async () => {
    const s = await server({ BOT_TOKEN: '', NODE_ENV: 'production' });
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/auth/demo' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    const options = await s.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    expect(options.json().result).toMatchObject({ telegram: false, demo: false });
  });
});
