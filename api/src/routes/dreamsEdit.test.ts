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
const ids = { alice: 6201, bob: 6202 };

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-api-dreams-edit-'));
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
          { id, first_name: name, language_code: name === 'alice' ? 'ru' : 'en' },
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

const call = (who: keyof typeof ids, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  s.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(payload ? { payload } : {}),
  });

async function until(who: keyof typeof ids, id: string, done: (d: Record<string, unknown>) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const d = (await call(who, 'GET', `/api/v1/dreams/${id}`)).json().result;
    if (done(d) || Date.now() > deadline) return d;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const balance = async (who: keyof typeof ids) =>
  (await call(who, 'GET', '/api/v1/wallet')).json().result.balance as number;

describe('PATCH /api/v1/dreams/{id} with a new text', () => {
  it('saves the text with the limits of a new dream; errors are localised; a NUL is refused', async () => {
    const created = await call('alice', 'POST', '/api/v1/dreams', {
      text: 'Мне снился старый дом у реки, где горел свет.',
    });
    const id = created.json().result.id as string;
    const text = 'Мне снилось, что я плыла по тёплому морю ночью, и вода светилась зелёным.';
    const res = await call('alice', 'PATCH', `/api/v1/dreams/${id}`, {
      text,
      title: 'Море',
      lucid: true,
      mood: 5,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toMatchObject({ text, title: 'Море', lucid: true, mood: 5 });

    const short = await call('alice', 'PATCH', `/api/v1/dreams/${id}`, { text: 'коротко' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { text: 'слишком коротко — опишите сон ещё парой слов' },
    });
    const nul = await call('alice', 'PATCH', `/api/v1/dreams/${id}`, { text: `${text}\u0000` });
    expect(nul.statusCode).toBe(422);
    expect((await call('alice', 'GET', `/api/v1/dreams/${id}`)).json().result.text).toBe(text);
  });
});

describe('POST /api/v1/dreams/{id}/reanalysis', () => {
  it('analyses the edited text again: 202 pending with the old analysis shown, charged once, then the new one', async () => {
    const created = await call('bob', 'POST', '/api/v1/dreams', {
      text: 'I was lost in a school corridor before an exam and every door was locked.',
    });
    const id = created.json().result.id as string;
    const first = await until('bob', id, (d) => d.analysis_status === 'done' && d.image_status === 'done');
    await call('bob', 'PATCH', `/api/v1/dreams/${id}`, {
      text: 'I was swimming in a warm sea at night with dolphins, and the water glowed green.',
    });
    const before = await balance('bob');
    const res = await call('bob', 'POST', `/api/v1/dreams/${id}/reanalysis`);
    expect(res.statusCode).toBe(202);
    expect(res.json().result).toMatchObject({ id, analysis_status: 'pending' });
    expect(res.json().result.analysis.narrative).toBe((first.analysis as { narrative: string }).narrative);
    const price = s.core.wallet.prices().analysis;
    expect(await balance('bob')).toBe(before - price);
    const done = await until('bob', id, (d) => d.analysis_status === 'done');
    expect((done.analysis as { narrative: string }).narrative).not.toBe(
      (first.analysis as { narrative: string }).narrative,
    );
    expect(await balance('bob')).toBe(before - price);
  });

  it("is 404 for another user's dream and charges them nothing", async () => {
    const created = await call('alice', 'POST', '/api/v1/dreams', {
      text: 'Мой личный сон о лесе и лисе у костра.',
    });
    const id = created.json().result.id as string;
    const before = await balance('bob');
    const res = await call('bob', 'POST', `/api/v1/dreams/${id}/reanalysis`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await balance('bob')).toBe(before);
  });

  it('is documented in the OpenAPI schema', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths['/api/v1/dreams/{id}/reanalysis'])).toEqual(['post']);
  });
});
