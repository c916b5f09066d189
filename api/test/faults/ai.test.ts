import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { registerDreamsJobs } from '@mechta/core';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { type FakeOpenAi, startFakeOpenAi } from '@mechta/testing/fake-openai';
import { signInitData } from '@mechta/testing/telegram';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The AI provider fails half the time (seeded: HTTP 500s and requests it never answers, ended by a
 * short client timeout). Every dream must still get its analysis (retried, then offline) and its
 * picture, every token charged must be for something delivered or refunded exactly once, and no job
 * may be left waiting.
 */
const PRICES = { analysis: 1, image: 2 };
const STARTING_TOKENS = 100;
const USERS = [83001, 83002, 83003];
const DREAMS_PER_USER = 4;

let fake: FakeOpenAi;
let s: TestServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-faults-ai-'));
  fake = await startFakeOpenAi();
  fake.setFaults({ rate: 0.5, seed: 20261204 });
  s = await startTestServer(
    {
      DATA_DIR: dataDir,
      AI_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-fake',
      OPENAI_BASE_URL: fake.url,
      AI_TIMEOUT_MS: '300',
      STARTING_TOKENS: String(STARTING_TOKENS),
      QUOTA_FREE_TEXT: '100',
      QUOTA_FREE_IMAGE: '100',
      MAX_DREAMS_PER_DAY: '100',
      PRICE_ANALYSIS: String(PRICES.analysis),
      PRICE_IMAGE: String(PRICES.image),
    },
    { listen: false },
  );
  await registerDreamsJobs(s.core);
  await s.core.queue.startWorkers();
});
afterAll(async () => {
  await s?.close();
  await fake?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function signIn(id: number): Promise<string> {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/v1/auth/telegram',
    payload: { init_data: signInitData({ id, first_name: `Dreamer${id}`, language_code: 'en' }, s.botToken) },
  });
  return res.json().result.access_token;
}

interface DreamView {
  id: string;
  analysis_status: string;
  image_status: string;
  image_skipped: string | null;
}

const settled = (d: DreamView) =>
  d.analysis_status !== 'pending' &&
  d.image_status !== 'pending' &&
  !(d.image_status === 'none' && !d.image_skipped);

describe('the AI provider fails half the time', { timeout: 90_000 }, () => {
  it('every dream is analysed and drawn, every token is for something delivered or refunded once, no job is stuck', async () => {
    const tokens = await Promise.all(USERS.map(signIn));
    const created = await Promise.all(
      USERS.flatMap((_, u) =>
        Array.from({ length: DREAMS_PER_USER }, async (_x, i) => {
          const res = await s.app.inject({
            method: 'POST',
            url: '/api/v1/dreams',
            headers: { authorization: `Bearer ${tokens[u]}` },
            payload: {
              text: `I dreamt of flying over a night city, version ${u}-${i}, with warm lights below.`,
            },
          });
          expect(res.statusCode, res.body).toBe(201);
          return { user: u, id: res.json().result.id as string };
        }),
      ),
    );

    // Wait (bounded) until every dream's work has settled one way or the other.
    const deadline = Date.now() + 60_000;
    let views: DreamView[] = [];
    for (;;) {
      views = await Promise.all(
        created.map(async ({ user, id }) => {
          const res = await s.app.inject({
            method: 'GET',
            url: `/api/v1/dreams/${id}`,
            headers: { authorization: `Bearer ${tokens[user]}` },
          });
          return res.json().result as DreamView;
        }),
      );
      if (views.every(settled) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(
      views.filter((d) => !settled(d)),
      'no dream is left waiting',
    ).toEqual([]);
    // The faults did happen, both kinds.
    expect(fake.faultCounts.error).toBeGreaterThan(0);
    expect(fake.faultCounts.hang).toBeGreaterThan(0);
    // Retried, then answered offline: every dream has its analysis, and a picture.
    expect(views.map((d) => d.analysis_status)).toEqual(views.map(() => 'done'));
    expect(views.map((d) => d.image_status)).toEqual(views.map(() => 'done'));
    const { rows: sources } = await sql<{ offline: boolean; n: number }>`
      select image_offline as offline, count(*)::int as n from dreams group by image_offline`.execute(s.db);
    // Some pictures are the offline art that stands in for a failed remote one.
    expect(sources.find((r) => r.offline)?.n ?? 0).toBeGreaterThan(0);

    // The ledger: per user, what was charged minus what was refunded is what was delivered.
    for (const [u, userId] of USERS.entries()) {
      const mine = views.filter((_, i) => created[i]!.user === u);
      const { items } = await s.core.wallet.ledger(userId, { pageSize: 100 });
      const spent = -items.filter((e) => e.kind === 'spend').reduce((sum, e) => sum + e.delta, 0);
      const refunded = items.filter((e) => e.kind === 'refund').reduce((sum, e) => sum + e.delta, 0);
      const delivered =
        mine.filter((d) => d.analysis_status === 'done').length * PRICES.analysis +
        mine.filter((d) => d.image_status === 'done').length * PRICES.image;
      expect(spent - refunded, `user ${userId}`).toBe(delivered);
      // Each charge key is charged once and refunded at most once.
      const keys = items.map((e) => `${e.kind}:${e.idempotencyKey}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect((await s.core.wallet.getBalance(userId)).balance).toBe(STARTING_TOKENS - delivered);
    }

    // No dreams job is left queued, retrying or active.
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job
      where name like 'dream.%' and state in ('created', 'retry', 'active')`.execute(s.db);
    expect(rows[0]!.n).toBe(0);
  });
});
