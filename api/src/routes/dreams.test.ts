import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { registerDreamsJobs } from '@mechta/core';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { signInitData } from '@mechta/testing/telegram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let s: TestServer;
let dataDir: string;
const tokens: Record<string, string> = {};
const ids = { alice: 6101, bob: 6102, carol: 6103 };

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-api-dreams-'));
  s = await startTestServer(
    { DATA_DIR: dataDir, STARTING_TOKENS: '100', QUOTA_FREE_TEXT: '100', QUOTA_FREE_IMAGE: '100' },
    { listen: false },
  );
  await registerDreamsJobs(s.core);
  await s.core.queue.startWorkers();
  for (const [name, id] of Object.entries(ids)) {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/auth/telegram',
      payload: {
        init_data: signInitData(
          {
            id,
            first_name: name[0]!.toUpperCase() + name.slice(1),
            language_code: name === 'alice' ? 'ru' : 'en',
          },
          s.botToken,
        ),
      },
    });
    tokens[name] = res.json().result.access_token;
  }
});
afterAll(async () => {
  await s.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const call = (
  who: keyof typeof ids,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) =>
  s.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(payload ? { payload } : {}),
  });

async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function analysedDream(who: keyof typeof ids, text: string) {
  const created = await call(who, 'POST', '/api/v1/dreams', { text });
  expect(created.statusCode).toBe(201);
  const id = created.json().result.id as string;
  const res = await until(
    () => call(who, 'GET', `/api/v1/dreams/${id}`),
    (r) => r.json().result?.image_status === 'done',
  );
  return res.json().result;
}

describe('POST /api/v1/dreams', () => {
  it('creates a dream in the contract shape (201), analysed in the background', async () => {
    const res = await call('alice', 'POST', '/api/v1/dreams', {
      text: 'Мне снилось, что я летал над ночным городом.',
      lucid: true,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ ok: true, error: null, meta: { request_id: expect.any(String) } });
    expect(body.result).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      text: 'Мне снилось, что я летал над ночным городом.',
      lucid: true,
      analysis: null,
      analysis_status: 'pending',
      image_url: null,
      video: null,
      visibility: 'private',
      own: true,
    });
    const done = await until(
      () => call('alice', 'GET', `/api/v1/dreams/${body.result.id}`),
      (r) => r.json().result.image_status === 'done',
    );
    expect(done.json().result.analysis).toMatchObject({
      category: 'flight',
      themes: expect.any(Array),
      emotions: expect.any(Array),
      symbols: expect.any(Array),
      narrative: expect.any(String),
      tags: expect.any(Array),
      confidence: expect.any(Number),
      visual_prompt: expect.any(String),
      video_prompt: expect.any(String),
    });
  });

  it('answers 422 with a localised message for a too short text', async () => {
    const res = await call('alice', 'POST', '/api/v1/dreams', { text: '123456789' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { text: 'слишком коротко — опишите сон ещё парой слов' },
    });
    const en = await call('bob', 'POST', '/api/v1/dreams', { text: 'x'.repeat(2001) });
    expect(en.json().error.fields.text).toBe('too long — please shorten it a little');
    const extra = await call('bob', 'POST', '/api/v1/dreams', {
      text: 'A long enough dream text',
      plan: 'pro',
    });
    expect(extra.statusCode).toBe(422);
  });

  it('an Idempotency-Key makes a retried POST return the same dream', async () => {
    const send = () =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/dreams',
        headers: { authorization: `Bearer ${tokens.carol}`, 'idempotency-key': 'retry-1' },
        payload: { text: 'A dream about a library with endless shelves.' },
      });
    const [a, b] = [await send(), await send()];
    expect(a.json().result.id).toBe(b.json().result.id);
  });
});

describe('GET /api/v1/dreams', () => {
  it('lists with pagination, search and filters', async () => {
    await call('bob', 'POST', '/api/v1/dreams', {
      text: 'I was flying over the sea and the waves were silver.',
    });
    await call('bob', 'POST', '/api/v1/dreams', { text: 'Someone was chasing me through an empty mall.' });
    const page = await call('bob', 'GET', '/api/v1/dreams?page=1&page_size=1');
    expect(page.statusCode).toBe(200);
    expect(page.json().result).toHaveLength(1);
    expect(page.json().meta.pagination).toEqual({
      page: 1,
      page_size: 1,
      total: 2,
      total_pages: 2,
      has_next: true,
      has_prev: false,
    });
    const q = await call('bob', 'GET', `/api/v1/dreams?q=${encodeURIComponent('flies sea')}`);
    expect(q.json().result.map((d: { text: string }) => d.text)).toEqual([
      'I was flying over the sea and the waves were silver.',
    ]);
    const lucid = await call('bob', 'GET', '/api/v1/dreams?lucid=true');
    expect(lucid.json().result).toEqual([]);
    const bad = await call('bob', 'GET', '/api/v1/dreams?category=nightmare');
    expect(bad.statusCode).toBe(422);
    const big = await call('bob', 'GET', '/api/v1/dreams?page_size=101');
    expect(big.statusCode).toBe(422);
  });
});

describe("another user's private dream", () => {
  it('is 404 NOT_FOUND on every dream route', async () => {
    const dream = await analysedDream('alice', 'Мой личный сон о старом доме у реки, где горел свет.');
    const url = `/api/v1/dreams/${dream.id}`;
    const attempts = [
      call('bob', 'GET', url),
      call('bob', 'PATCH', url, { title: 'mine now' }),
      call('bob', 'DELETE', url),
      call('bob', 'POST', `${url}/share`, { anonymous: false }),
      call('bob', 'DELETE', `${url}/share`),
      call('bob', 'POST', `${url}/video`),
      call('bob', 'GET', `${url}/video`),
      call('bob', 'GET', '/api/v1/dreams/not-a-uuid'),
      call('bob', 'GET', '/api/v1/dreams/00000000-0000-4000-8000-000000000000'),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', http_code: 404 } });
    }
    // and nothing changed for the owner
    const mine = (await call('alice', 'GET', url)).json().result;
    expect(mine).toMatchObject({ title: dream.title, visibility: 'private' });
    // nor can a signed URL be made up for its image
    const forged = (dream.image_url as string).replace(/sig=[^&]+/, 'sig=AAAA');
    const denied = await s.app.inject({ method: 'GET', url: forged });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('editing, sharing, feed, media and deleting', () => {
  it('PATCH changes the fields the owner sends', async () => {
    const dream = await analysedDream('carol', 'A dream of a train that never stops at any station.');
    const res = await call('carol', 'PATCH', `/api/v1/dreams/${dream.id}`, {
      title: 'The Endless Train',
      mood: 4,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toMatchObject({ title: 'The Endless Train', mood: 4 });
    const bad = await call('carol', 'PATCH', `/api/v1/dreams/${dream.id}`, { text: 'short' });
    expect(bad.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { text: expect.any(String) },
    });
  });

  it('a shared dream is in the feed, its image served by signed URL; after unsharing both are gone for others', async () => {
    const dream = await analysedDream('alice', 'Мне снилось, что я плыл на лодке по звёздному небу.');
    const own = await s.app.inject({ method: 'GET', url: dream.image_url });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toMatch(/^image\//);
    expect(own.headers['cache-control']).toMatch(/^private, max-age=\d+, immutable$/);
    expect(Number(/max-age=(\d+)/.exec(own.headers['cache-control'] as string)?.[1])).toBeGreaterThan(3600);
    expect(own.rawPayload.length).toBeGreaterThan(100);
    // ranges work (a <video> element seeks with them)
    const part = await s.app.inject({ method: 'GET', url: dream.image_url, headers: { range: 'bytes=0-9' } });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload).toEqual(own.rawPayload.subarray(0, 10));

    const shared = await call('alice', 'POST', `/api/v1/dreams/${dream.id}/share`, { anonymous: true });
    expect(shared.json().result).toMatchObject({ visibility: 'public', anonymous: true });
    const feed = await call('bob', 'GET', '/api/v1/dreams/feed?page_size=50');
    expect(feed.statusCode).toBe(200);
    expect(feed.json().meta.pagination).toMatchObject({ page: 1, page_size: 50 });
    const item = feed.json().result.find((d: { id: string }) => d.id === dream.id);
    expect(item).toMatchObject({ author: null, own: false, views: 1 });
    const theirs = await s.app.inject({ method: 'GET', url: item.image_url });
    expect(theirs.statusCode).toBe(200);
    // others get a short link (about an hour), never past the end of the feed window
    const theirAge = Number(/max-age=(\d+)/.exec(theirs.headers['cache-control'] as string)?.[1]);
    expect(theirAge).toBeLessThanOrEqual(3660);
    expect(theirAge).toBeLessThanOrEqual((Date.parse(item.public_until) - s.clock.now.getTime()) / 1000);
    expect((await call('bob', 'GET', `/api/v1/dreams/${dream.id}`)).statusCode).toBe(200);

    await call('alice', 'DELETE', `/api/v1/dreams/${dream.id}/share`);
    const gone = await s.app.inject({ method: 'GET', url: item.image_url });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('NOT_FOUND');
    expect((await call('bob', 'GET', `/api/v1/dreams/${dream.id}`)).statusCode).toBe(404);
    // the owner's link still works
    expect((await s.app.inject({ method: 'GET', url: dream.image_url })).statusCode).toBe(200);
  });

  it('an expired media link answers 403', async () => {
    const dream = await analysedDream('carol', 'A dream about a clock tower whose hands run backwards.');
    const url = s.core.media.signedUrl(dream.image_url.match(/\/media\/([^?]+)/)[1], 60);
    expect((await s.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    s.clock.advance(200);
    const expired = await s.app.inject({ method: 'GET', url });
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error.code).toBe('FORBIDDEN');
  });

  it('video while offline: 503 AI_UNAVAILABLE and the balance is unchanged', async () => {
    const dream = await analysedDream('carol', 'A dream about a lighthouse in the desert, shining at noon.');
    const before = (await s.core.wallet.getBalance(ids.carol)).balance;
    const res = await call('carol', 'POST', `/api/v1/dreams/${dream.id}/video`);
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('AI_UNAVAILABLE');
    expect((await s.core.wallet.getBalance(ids.carol)).balance).toBe(before);
    const state = await call('carol', 'GET', `/api/v1/dreams/${dream.id}/video`);
    expect(state.json()).toMatchObject({ ok: true, result: null });
  });

  it('DELETE removes the dream and its image file', async () => {
    const dream = await analysedDream('bob', 'A dream about a house made entirely of glass and rain.');
    const mediaId = dream.image_url.match(/\/media\/([^?]+)/)[1];
    const row = await s.core.media.get(mediaId);
    const file = s.core.media.filePath(row!);
    await expect(fs.stat(file)).resolves.toBeTruthy();
    const res = await call('bob', 'DELETE', `/api/v1/dreams/${dream.id}`);
    expect(res.json()).toMatchObject({ ok: true, result: { id: dream.id, deleted: true } });
    await expect(fs.stat(file)).rejects.toThrow();
    expect((await call('bob', 'GET', `/api/v1/dreams/${dream.id}`)).statusCode).toBe(404);
    expect((await s.app.inject({ method: 'GET', url: dream.image_url })).statusCode).toBe(404);
  });

  it('insights come back in their documented shape', async () => {
    const res = await call('alice', 'GET', '/api/v1/dreams/insights');
    expect(res.statusCode).toBe(200);
    const insights = res.json().result;
    expect(insights.total).toBeGreaterThanOrEqual(3);
    expect(insights.streak.current).toBeGreaterThanOrEqual(1);
    expect(insights.categories.map((c: { category: string }) => c.category)).toContain('flight');
    expect(insights.emotions_over_time).toHaveLength(12);
  });
});

describe('OpenAPI', () => {
  it('documents every dreams route and the media route', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const p of [
      '/api/v1/dreams',
      '/api/v1/dreams/feed',
      '/api/v1/dreams/insights',
      '/api/v1/dreams/{id}',
      '/api/v1/dreams/{id}/share',
      '/api/v1/dreams/{id}/video',
      '/media/{id}',
    ]) {
      expect(doc.paths[p], p).toBeTruthy();
    }
    expect(Object.keys(doc.paths['/api/v1/dreams/{id}'])).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
  });
});
