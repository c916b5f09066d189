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
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-api-readings-'));
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

async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const balance = async (who: keyof typeof ids) =>
  (await call(who, 'GET', '/api/v1/wallet')).json().result.balance as number;

describe('readings API', () => {
  it('POST writes and charges once, again returns the stored one free; GET lists; PATCH marks', async () => {
    const created = await call('alice', 'POST', '/api/v1/dreams', {
      text: 'Мне снилось море и старый дом на берегу, было тревожно.',
    });
    const id = created.json().result.id as string;
    // The analysis and its image are paid for first; the reading's charge is measured after them.
    await until(
      async () => (await call('alice', 'GET', `/api/v1/dreams/${id}`)).json().result,
      (d) => d.analysis_status !== 'pending' && d.image_status !== 'pending',
    );
    const before = await balance('alice');
    const first = await call('alice', 'POST', `/api/v1/dreams/${id}/readings`, { lens: 'jung' });
    expect(first.statusCode).toBe(201);
    const reading = first.json().result;
    expect(Object.keys(reading).sort()).toEqual(['created_at', 'id', 'lens', 'offline', 'text', 'verdict']);
    expect(reading).toMatchObject({ lens: 'jung', offline: true, verdict: null });
    expect(reading.text).toContain('море');
    expect(await balance('alice')).toBe(before - 1);

    const again = await call('alice', 'POST', `/api/v1/dreams/${id}/readings`, { lens: 'jung' });
    expect(again.statusCode).toBe(200);
    expect(again.json().result).toEqual(reading);
    expect(await balance('alice')).toBe(before - 1);

    const list = await call('alice', 'GET', `/api/v1/dreams/${id}/readings`);
    expect(list.json().result).toEqual([reading]);

    const marked = await call('alice', 'PATCH', `/api/v1/dreams/${id}/readings/${reading.id}`, {
      verdict: 'fits',
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().result.verdict).toBe('fits');

    // Someone else's dream is unknown to them, whatever they try.
    expect((await call('bob', 'GET', `/api/v1/dreams/${id}/readings`)).statusCode).toBe(404);
    expect((await call('bob', 'POST', `/api/v1/dreams/${id}/readings`, { lens: 'folk' })).statusCode).toBe(
      404,
    );
    const foreign = await call('bob', 'PATCH', `/api/v1/dreams/${id}/readings/${reading.id}`, {
      verdict: 'does_not_fit',
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
  });

  it('an unknown lens or verdict is a localised 422, not a 5xx', async () => {
    const created = await call('bob', 'POST', '/api/v1/dreams', {
      text: 'I was walking through a dark forest and found a key.',
    });
    const id = created.json().result.id as string;
    const bad = await call('bob', 'POST', `/api/v1/dreams/${id}/readings`, { lens: 'tarot' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const reading = (await call('bob', 'POST', `/api/v1/dreams/${id}/readings`, { lens: 'folk' })).json()
      .result;
    expect(reading.text).toMatch(/folklore/);
    const badVerdict = await call('bob', 'PATCH', `/api/v1/dreams/${id}/readings/${reading.id}`, {
      verdict: 'maybe',
    });
    expect(badVerdict.statusCode).toBe(422);
  });
});
