import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { registerDreamsJobs } from '@mechta/core';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { signInitData } from '@mechta/testing/telegram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/* POST /dreams over the analysis quota (201, waiting_quota), analyze:false, mood_on_waking. */

let s: TestServer;
let dataDir: string;
const tokens: Record<number, string> = {};
const TEXT = 'I walked through a forest of glass trees and every step rang like a small bell.';

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-api-dreams-quota-'));
  s = await startTestServer(
    { DATA_DIR: dataDir, STARTING_TOKENS: '20', QUOTA_FREE_TEXT: '1', QUOTA_FREE_IMAGE: '0' },
    { listen: false },
  );
  await registerDreamsJobs(s.core);
  await s.core.queue.startWorkers();
});
afterAll(async () => {
  await s.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function signIn(id: number, language: 'ru' | 'en') {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/v1/auth/telegram',
    payload: { init_data: signInitData({ id, first_name: `U${id}`, language_code: language }, s.botToken) },
  });
  tokens[id] = res.json().result.access_token;
}

const call = (who: number, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  s.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(payload ? { payload } : {}),
  });

async function until(who: number, id: string, done: (d: { analysis_status: string }) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const d = (await call(who, 'GET', `/api/v1/dreams/${id}`)).json().result;
    if (done(d) || Date.now() > deadline) return d;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const balance = async (who: number) =>
  (await call(who, 'GET', '/api/v1/wallet')).json().result.balance as number;

describe('POST /api/v1/dreams over the daily analysis quota', () => {
  it('answers 201 with analysis null and analysis_status "waiting_quota"; the dream is in the journal', async () => {
    const who = 7201;
    await signIn(who, 'ru');
    const first = await call(who, 'POST', '/api/v1/dreams', { text: TEXT });
    expect(first.statusCode).toBe(201);
    await until(who, first.json().result.id, (d) => d.analysis_status === 'done');
    const start = await balance(who);

    const over = await call(who, 'POST', '/api/v1/dreams', { text: `${TEXT} Again.` });
    expect(over.statusCode).toBe(201);
    expect(over.json().result).toMatchObject({ analysis: null, analysis_status: 'waiting_quota' });
    expect(await balance(who)).toBe(start);
    const list = (await call(who, 'GET', '/api/v1/dreams')).json();
    expect(list.result.map((d: { id: string }) => d.id)).toContain(over.json().result.id);

    // Asking for it again today changes nothing: it still waits, and nothing is charged.
    const again = await call(who, 'POST', `/api/v1/dreams/${over.json().result.id}/analysis`);
    expect(again.statusCode).toBe(202);
    expect(again.json().result.analysis_status).toBe('waiting_quota');
    expect(await balance(who)).toBe(start);
  });
});

describe('a "no AI" save through the API', () => {
  it('analyze:false → "skipped", nothing charged; POST /analysis later analyses and charges it', async () => {
    const who = 7202;
    await signIn(who, 'en');
    const start = await balance(who);
    const res = await call(who, 'POST', '/api/v1/dreams', {
      text: TEXT,
      analyze: false,
      mood: 2,
      mood_on_waking: 5,
    });
    expect(res.statusCode).toBe(201);
    const dream = res.json().result;
    expect(dream).toMatchObject({ analysis: null, analysis_status: 'skipped', mood: 2, mood_on_waking: 5 });
    expect(await balance(who)).toBe(start);

    const asked = await call(who, 'POST', `/api/v1/dreams/${dream.id}/analysis`);
    expect(asked.statusCode).toBe(202);
    expect((await until(who, dream.id, (d) => d.analysis_status === 'done')).analysis_status).toBe('done');
    expect(await balance(who)).toBe(start - s.core.wallet.prices().analysis);

    const patched = await call(who, 'PATCH', `/api/v1/dreams/${dream.id}`, { mood_on_waking: 3 });
    expect(patched.json().result.mood_on_waking).toBe(3);
  });

  it('a mood on waking outside 1..5 is a localised VALIDATION_FAILED naming the field', async () => {
    const who = 7202;
    const res = await call(who, 'POST', '/api/v1/dreams', { text: TEXT, mood_on_waking: 9 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields).toHaveProperty('mood_on_waking');
  });
});
