import fs from 'node:fs/promises';
import { findDreamById } from '@mechta/db';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import {
  type FakeOpenAi,
  SAMPLE_DREAM_ANALYSIS,
  startFakeOpenAi,
  TINY_PNG,
} from '@mechta/testing/fake-openai';
import { FAKE_MP4, type FakeReplicate, startFakeReplicate } from '@mechta/testing/fake-replicate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifier } from '../notifier.ts';
import { registerDreamsJobs } from './jobs.ts';
import { fileExists, tempDataDir, waitFor } from './testing.ts';
import type { DreamView } from './types.ts';

/* The dreams pipeline against the real provider clients, talking to local fake OpenAI and Replicate servers. */

let t: TestCore;
let openai: FakeOpenAi;
let replicate: FakeReplicate;
let dataDir: string;
let nextId = 8000;
const events: Array<{
  kind: string;
  userId: number;
  dream: DreamView;
  refunded?: number;
  file?: { path: string; mime: string };
}> = [];

const notifier: Notifier = {
  async text() {},
  async dreamAnalysed(userId, dream) {
    events.push({ kind: 'analysed', userId, dream });
  },
  async dreamImage(userId, dream) {
    events.push({ kind: 'image', userId, dream });
  },
  async dreamVideo(userId, dream, _target, file) {
    events.push({ kind: 'video', userId, dream, file });
  },
  async dreamFailed(userId, dream, kind, refunded) {
    events.push({ kind: `failed:${kind}`, userId, dream, refunded });
  },
};

beforeAll(async () => {
  openai = await startFakeOpenAi();
  replicate = await startFakeReplicate();
  dataDir = await tempDataDir();
  t = await createTestCore({
    DATA_DIR: dataDir,
    AI_PROVIDER: 'openai',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: openai.url,
    REPLICATE_API_TOKEN: 'r8_test',
    REPLICATE_BASE_URL: replicate.url,
    STARTING_TOKENS: '100',
    QUOTA_FREE_TEXT: '50',
    QUOTA_FREE_IMAGE: '50',
    PRICE_VIDEO: '10',
  });
  t.core.setNotifier(notifier);
  await registerDreamsJobs(t.core, { videoPollIntervalMs: 20 });
  await t.core.queue.startWorkers();
});
afterAll(async () => {
  await t.close();
  await openai.close();
  await replicate.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function newUser() {
  const id = nextId++;
  return (await t.core.users.registerFromTelegram({ id, first_name: `Dreamer${id}`, language_code: 'en' }))
    .user;
}
const balanceOf = async (userId: number) => (await t.core.wallet.getBalance(userId)).balance;

async function analysedDream(userId: number) {
  const created = await t.core.dreams.create(userId, {
    text: 'I was flying over the night city, the lights were blinking below and I felt free.',
    source: 'api',
  });
  return waitFor(
    () => t.core.dreams.get(userId, created.id),
    (d) => d.analysis_status !== 'pending' && d.image_status !== 'pending',
    { what: 'the analysis and image' },
  );
}

describe('analysis through the OpenAI-compatible API', () => {
  it('stores the provider answer with its token usage', async () => {
    const user = await newUser();
    const dream = await analysedDream(user.id);
    expect(dream.analysis).toMatchObject({
      category: SAMPLE_DREAM_ANALYSIS.category,
      narrative: SAMPLE_DREAM_ANALYSIS.narrative,
      provider: 'openai',
      offline: false,
    });
    expect(dream.image_status).toBe('done');
    expect(dream.image_offline).toBe(false);
    const row = await findDreamById(t.core.db, dream.id);
    expect(row).toMatchObject({ provider: 'openai', promptTokens: 420, completionTokens: 180 });
    expect(row?.costUsd).toBeGreaterThan(0);
  });

  it('when the API answers 500, the offline analyser still gives an analysis, labelled offline', async () => {
    openai.setDefault('chat', { kind: 'error', status: 500 });
    openai.setDefault('images', { kind: 'error', status: 500 });
    try {
      const user = await newUser();
      const dream = await analysedDream(user.id);
      expect(dream.analysis_status).toBe('done');
      expect(dream.analysis).toMatchObject({ category: 'flight', provider: 'offline', offline: true });
      expect(dream.image_status).toBe('done');
      expect(dream.image_offline).toBe(true);
    } finally {
      openai.setDefault('chat', { kind: 'chat', content: JSON.stringify(SAMPLE_DREAM_ANALYSIS) });
      openai.setDefault('images', { kind: 'image', data: TINY_PNG });
    }
  });
});

describe('video on Replicate', () => {
  it('moves pending → processing (progress saved and reported) → completed with the file stored', async () => {
    const user = await newUser();
    const dream = await analysedDream(user.id);
    const before = await balanceOf(user.id);
    const requested = await t.core.dreams.requestVideo(user.id, dream.id, { chatId: user.id, messageId: 7 });
    expect(requested.video).toMatchObject({ status: 'pending', progress: 0, url: null });
    expect(await balanceOf(user.id)).toBe(before - 10);

    // Asking again while it runs charges nothing more.
    await t.core.dreams.requestVideo(user.id, dream.id);
    expect(await balanceOf(user.id)).toBe(before - 10);

    const done = await waitFor(
      () => t.core.dreams.get(user.id, dream.id),
      (d) => d.video?.status === 'completed' || d.video?.status === 'failed',
      { what: 'the video' },
    );
    expect(done.video).toMatchObject({ status: 'completed', progress: 100, error: null });
    expect(done.video?.url).toMatch(/^\/media\/[0-9a-f-]{36}\?exp=\d+&sig=/);

    const updates = events.filter((e) => e.userId === user.id && e.kind === 'video');
    const progress = updates.map((e) => `${e.dream.video?.status}:${e.dream.video?.progress}`);
    expect(progress).toEqual(['processing:0', 'processing:40', 'processing:80', 'completed:100']);
    const file = updates.at(-1)?.file;
    expect(file?.mime).toBe('video/mp4');
    expect(await fs.readFile(file!.path)).toEqual(FAKE_MP4);
    expect(await balanceOf(user.id)).toBe(before - 10);
    // The prompt sent is the analysis's video prompt.
    const create = replicate.requests
      .filter((r) => r.method === 'POST' && r.path.includes('/predictions'))
      .at(-1);
    expect((create?.json?.input as { prompt?: string } | undefined)?.prompt).toBe(
      SAMPLE_DREAM_ANALYSIS.video_prompt,
    );
  });

  it('a failed generation is refunded and reported; asking again charges a fresh attempt', async () => {
    const user = await newUser();
    const dream = await analysedDream(user.id);
    const before = await balanceOf(user.id);
    replicate.scriptNext({
      steps: [
        { status: 'starting' },
        { status: 'processing', progress: 10 },
        { status: 'failed', error: 'CUDA out of memory' },
      ],
    });
    await t.core.dreams.requestVideo(user.id, dream.id);
    const failed = await waitFor(
      () => t.core.dreams.get(user.id, dream.id),
      (d) => d.video?.status === 'completed' || d.video?.status === 'failed',
      { what: 'the video to fail' },
    );
    expect(failed.video).toMatchObject({ status: 'failed', url: null, error: 'CUDA out of memory' });
    const told = await waitFor(
      async () => events.find((e) => e.userId === user.id && e.kind === 'failed:video'),
      (e) => e !== undefined,
      { what: 'the failure message' },
    );
    expect(told?.refunded).toBe(10);
    expect(await balanceOf(user.id)).toBe(before);

    await t.core.dreams.requestVideo(user.id, dream.id);
    const second = await waitFor(
      () => t.core.dreams.get(user.id, dream.id),
      (d) => d.video?.status === 'completed' || d.video?.status === 'failed',
      { what: 'the second video' },
    );
    expect(second.video?.status).toBe('completed');
    expect(await balanceOf(user.id)).toBe(before - 10);
    const keys = (await t.core.wallet.ledger(user.id, { pageSize: 100 })).items
      .filter((e) => e.action === 'video' && e.kind === 'spend')
      .map((e) => e.idempotencyKey)
      .sort();
    expect(keys).toEqual([`dream:${dream.id}:video`, `dream:${dream.id}:video:2`]);
  });

  it('a failure between the video charge and its claim keeps the tokens and claims nothing', async () => {
    const user = await newUser();
    const dream = await analysedDream(user.id);
    const before = await balanceOf(user.id);
    await sql`create function fail_for_test() returns trigger language plpgsql as $$
      begin raise exception 'injected failure'; end $$`.execute(t.core.db);
    const inject = async (trigger: string, on: string, when: string) => {
      await sql`${sql.raw(`create trigger ${trigger} before insert or update on ${on} for each row when (${when}) execute function fail_for_test()`)}`.execute(
        t.core.db,
      );
      try {
        await expect(t.core.dreams.requestVideo(user.id, dream.id)).rejects.toThrow(/injected failure/);
      } finally {
        await sql`${sql.raw(`drop trigger ${trigger} on ${on}`)}`.execute(t.core.db);
      }
      expect(await balanceOf(user.id)).toBe(before);
      expect((await t.core.dreams.get(user.id, dream.id)).video).toBeNull();
    };
    try {
      // The claim fails (so, in the old order, after the charge) …
      await inject('fail_video_claim', 'dreams', `new.id = '${dream.id}' and new.video_status = 'pending'`);
      // … and the charge fails after the claim.
      await inject('fail_video_charge', 'wallet_ledger', `new.user_id = ${user.id} and new.action = 'video'`);
    } finally {
      await sql`drop function fail_for_test()`.execute(t.core.db);
    }
    const requested = await t.core.dreams.requestVideo(user.id, dream.id);
    expect(requested.video?.status).toBe('pending');
    expect(await balanceOf(user.id)).toBe(before - 10);
    await waitFor(
      () => t.core.dreams.get(user.id, dream.id),
      (d) => d.video?.status === 'completed' || d.video?.status === 'failed',
      { what: 'the video' },
    );
  });

  it('deleting the dream removes the video file too', async () => {
    const user = await newUser();
    const dream = await analysedDream(user.id);
    await t.core.dreams.requestVideo(user.id, dream.id);
    await waitFor(
      () => t.core.dreams.get(user.id, dream.id),
      (d) => d.video?.status === 'completed',
      { what: 'the video' },
    );
    const rows = await t.core.db.selectFrom('media').selectAll().where('dreamId', '=', dream.id).execute();
    expect(rows.map((r) => r.kind).sort()).toEqual(['image', 'video']);
    await t.core.dreams.remove(user.id, dream.id);
    for (const r of rows) expect(await fileExists(t.core.media.filePath(r))).toBe(false);
  });
});
