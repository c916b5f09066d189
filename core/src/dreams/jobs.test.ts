import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { findDreamById, insertDream, type LedgerEntry } from '@mechta/db';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageAi } from '../ai/types.ts';
import { AppError } from '../errors.ts';
import type { Notifier } from '../notifier.ts';
import { createDreamsJobHandlers, registerDreamsJobs } from './jobs.ts';
import { fileExists, tempDataDir, waitFor } from './testing.ts';
import type { DreamView } from './types.ts';

/** Records what the jobs tell users, as the bot would receive it. */
function recordingNotifier() {
  const events: Array<{ kind: string; userId: number; dream: DreamView; extra?: unknown }> = [];
  const notifier: Notifier = {
    async text() {},
    async dreamAnalysed(userId, dream, target) {
      events.push({ kind: 'analysed', userId, dream, extra: target });
    },
    async dreamImage(userId, dream, image) {
      events.push({ kind: 'image', userId, dream, extra: image });
    },
    async dreamVideo(userId, dream, target, file) {
      events.push({ kind: 'video', userId, dream, extra: { target, file } });
    },
    async dreamFailed(userId, dream, kind, refunded) {
      events.push({ kind: `failed:${kind}`, userId, dream, extra: refunded });
    },
  };
  return { notifier, events };
}

const DREAM_RU = 'Мне снилось, что я летал над ночным городом, огни мерцали внизу, и было совсем не страшно.';

let t: TestCore;
let dataDir: string;
let nextId = 7000;
const rec = recordingNotifier();

beforeAll(async () => {
  dataDir = await tempDataDir();
  t = await createTestCore({
    DATA_DIR: dataDir,
    STARTING_TOKENS: '100',
    QUOTA_FREE_TEXT: '50',
    QUOTA_FREE_IMAGE: '50',
    PRICE_ANALYSIS: '1',
    PRICE_IMAGE: '2',
  });
  t.core.setNotifier(rec.notifier);
  await registerDreamsJobs(t.core);
  await t.core.queue.startWorkers();
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function newUser(language = 'ru') {
  const id = nextId++;
  const { user } = await t.core.users.registerFromTelegram({
    id,
    first_name: `Dreamer${id}`,
    language_code: language,
  });
  return user;
}

const balanceOf = async (userId: number) => (await t.core.wallet.getBalance(userId)).balance;
const spends = async (userId: number): Promise<LedgerEntry[]> =>
  (await t.core.wallet.ledger(userId, { pageSize: 100 })).items.filter((e) => e.kind === 'spend');

const untilImageSettles = (userId: number, dreamId: string) =>
  waitFor(
    () => t.core.dreams.get(userId, dreamId),
    (d) =>
      d.image_status === 'done' ||
      d.image_status === 'failed' ||
      d.image_skipped !== null ||
      d.analysis_status === 'failed',
    { what: 'the image to settle' },
  );

describe('log a dream, end to end (offline AI)', () => {
  it('create → analysis job → image job: the view shows analysis and a signed image URL; the user is told each step', async () => {
    const user = await newUser();
    const before = await balanceOf(user.id);
    const created = await t.core.dreams.create(user.id, {
      text: DREAM_RU,
      source: 'bot',
      notify: { chatId: user.id, messageId: 42 },
    });
    expect(created).toMatchObject({
      analysis_status: 'pending',
      analysis: null,
      image_url: null,
      visibility: 'private',
    });

    const done = await untilImageSettles(user.id, created.id);
    expect(done.analysis_status).toBe('done');
    expect(done.analysis).toMatchObject({ category: 'flight', provider: 'offline', offline: true });
    expect(done.analysis?.visual_prompt.length).toBeGreaterThan(10);
    expect(done.title).toBeTruthy();
    expect(done.image_status).toBe('done');
    expect(done.image_offline).toBe(true);
    expect(done.image_url).toMatch(/^\/media\/[0-9a-f-]{36}\?exp=\d+&sig=[\w-]+$/);

    // analysis (1) + image (2), each charged once
    expect(await balanceOf(user.id)).toBe(before - 3);
    expect((await spends(user.id)).map((e) => e.idempotencyKey).sort()).toEqual(
      [`dream:${created.id}:analysis`, `dream:${created.id}:image`].sort(),
    );

    const mine = rec.events.filter((e) => e.userId === user.id);
    expect(mine.map((e) => e.kind)).toEqual(['analysed', 'image']);
    expect(mine[0]?.extra).toEqual({ chatId: user.id, messageId: 42 });
    expect(mine[0]?.dream.image_status).toBe('pending');
    const image = mine[1]?.extra as { path: string; mime: string };
    expect(image.mime).toMatch(/^image\//);
    expect(image.path.startsWith(dataDir)).toBe(true);
    expect(await fileExists(image.path)).toBe(true);

    // usage and timing are stored with the analysis
    const row = await findDreamById(t.core.db, created.id);
    expect(row).toMatchObject({ provider: 'offline', category: 'flight', promptTokens: 0 });
    expect(row?.processingMs).toBeGreaterThanOrEqual(0);
  });

  it('when the image quota is used up, the analysis still arrives and says why there is no picture', async () => {
    const user = await newUser('en');
    // Spend today's image quota elsewhere.
    for (let i = 0; i < 50; i++) {
      await t.core.wallet.charge({
        userId: user.id,
        action: 'analysis',
        idempotencyKey: `q:${user.id}:${i}`,
        quota: 'image',
      });
    }
    const created = await t.core.dreams.create(user.id, {
      text: 'I was flying over a sleeping city and the lights were blinking below me.',
      source: 'api',
    });
    const done = await untilImageSettles(user.id, created.id);
    expect(done).toMatchObject({
      analysis_status: 'done',
      image_status: 'none',
      image_skipped: 'QUOTA_EXCEEDED',
    });
    const analysed = rec.events.find((e) => e.userId === user.id && e.kind === 'analysed');
    expect(analysed?.dream.image_skipped).toBe('QUOTA_EXCEEDED');
    expect((await spends(user.id)).some((e) => e.idempotencyKey === `dream:${created.id}:image`)).toBe(false);
  });

  it('an analysis job delivered twice charges the image once and makes one picture', async () => {
    const user = await newUser();
    const created = await t.core.dreams.create(user.id, { text: DREAM_RU, source: 'api' });
    await untilImageSettles(user.id, created.id);
    const balance = await balanceOf(user.id);
    // A redelivery (e.g. the worker died after finishing but before acknowledging), run in-line.
    const handlers = createDreamsJobHandlers({
      db: t.core.db,
      logger: t.core.logger,
      queue: t.core.queue,
      wallet: t.core.wallet,
      ai: t.core.ai,
      media: t.core.media,
      now: t.core.now,
      notifier: () => t.core.notifier,
    });
    const job = { id: 'redelivered', retryCount: 0, retryLimit: 2 };
    await handlers.analyze({ dreamId: created.id }, job);
    await handlers.image({ dreamId: created.id }, job);
    expect(await balanceOf(user.id)).toBe(balance);
    expect(
      (await spends(user.id)).filter((e) => e.idempotencyKey === `dream:${created.id}:image`),
    ).toHaveLength(1);
    const media = await t.core.db.selectFrom('media').selectAll().where('dreamId', '=', created.id).execute();
    expect(media).toHaveLength(1);
  });
});

describe('failures and retries', () => {
  it('an image that fails once is retried and charged once', async () => {
    const user = await newUser();
    const real = t.core.ai.image;
    let calls = 0;
    const flaky: ImageAi = {
      async generate(input) {
        calls++;
        if (calls === 1) throw new Error('provider hiccup');
        return real.generate(input);
      },
    };
    Object.assign(t.core.ai, { image: flaky });
    try {
      const before = await balanceOf(user.id);
      const created = await t.core.dreams.create(user.id, { text: DREAM_RU, source: 'api' });
      const done = await untilImageSettles(user.id, created.id);
      expect(done.image_status).toBe('done');
      expect(calls).toBe(2);
      expect(await balanceOf(user.id)).toBe(before - 3);
      expect(
        (await spends(user.id)).filter((e) => e.idempotencyKey === `dream:${created.id}:image`),
      ).toHaveLength(1);
    } finally {
      Object.assign(t.core.ai, { image: real });
    }
  });

  it('an image that keeps failing is refunded after the last retry and the user is told', async () => {
    const user = await newUser();
    const real = t.core.ai.image;
    Object.assign(t.core.ai, {
      image: {
        async generate() {
          throw new Error('provider down');
        },
      } satisfies ImageAi,
    });
    try {
      const before = await balanceOf(user.id);
      const created = await t.core.dreams.create(user.id, { text: DREAM_RU, source: 'api' });
      const failed = await untilImageSettles(user.id, created.id);
      expect(failed).toMatchObject({ analysis_status: 'done', image_status: 'failed', image_url: null });
      const told = await waitFor(
        async () => rec.events.find((e) => e.userId === user.id && e.kind === 'failed:image'),
        (e) => e !== undefined,
        { what: 'the failure message' },
      );
      expect(told?.extra).toBe(2);
      // only the analysis stays paid
      expect(await balanceOf(user.id)).toBe(before - 1);
    } finally {
      Object.assign(t.core.ai, { image: real });
    }
  });

  it('an analysis that fails for good is refunded and reported; the dream stays, marked failed', async () => {
    const user = await newUser();
    const real = t.core.ai.text;
    Object.assign(t.core.ai, {
      text: {
        async analyzeDream() {
          throw new Error('database of meanings unavailable');
        },
      },
    });
    try {
      const before = await balanceOf(user.id);
      const created = await t.core.dreams.create(user.id, { text: DREAM_RU, source: 'api' });
      expect(await balanceOf(user.id)).toBe(before - 1);
      const failed = await waitFor(
        () => t.core.dreams.get(user.id, created.id),
        (d) => d.analysis_status === 'failed',
        { what: 'the analysis to fail' },
      );
      expect(failed.image_status).toBe('none');
      await waitFor(
        async () => rec.events.find((e) => e.userId === user.id && e.kind === 'failed:analysis'),
        (e) => e !== undefined,
        { what: 'the failure message' },
      );
      expect(await balanceOf(user.id)).toBe(before);
    } finally {
      Object.assign(t.core.ai, { text: real });
    }
  });
});

describe('video while offline', () => {
  it('answers AI_UNAVAILABLE and charges nothing', async () => {
    const user = await newUser();
    const created = await t.core.dreams.create(user.id, { text: DREAM_RU, source: 'api' });
    await untilImageSettles(user.id, created.id);
    const before = await balanceOf(user.id);
    const err = await t.core.dreams.requestVideo(user.id, created.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('AI_UNAVAILABLE');
    expect(await balanceOf(user.id)).toBe(before);
    expect((await t.core.dreams.get(user.id, created.id)).video).toBeNull();
  });
});

describe('deleting a dream', () => {
  it('removes its image file from disk', async () => {
    const user = await newUser();
    const created = await t.core.dreams.create(user.id, { text: DREAM_RU, source: 'api' });
    await untilImageSettles(user.id, created.id);
    const [media] = await t.core.db
      .selectFrom('media')
      .selectAll()
      .where('dreamId', '=', created.id)
      .execute();
    const file = t.core.media.filePath(media!);
    expect(await fileExists(file)).toBe(true);
    await t.core.dreams.remove(user.id, created.id);
    expect(await fileExists(file)).toBe(false);
    expect(await t.core.db.selectFrom('media').selectAll().where('id', '=', media!.id).execute()).toEqual([]);
    await expect(t.core.dreams.get(user.id, created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("removeForUser deletes all of a user's files (for /delete_me, before the user row goes)", async () => {
    const user = await newUser();
    const created = await t.core.dreams.create(user.id, { text: DREAM_RU, source: 'api' });
    await untilImageSettles(user.id, created.id);
    const rows = await t.core.db.selectFrom('media').selectAll().where('userId', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(await t.core.media.removeForUser(user.id)).toBe(1);
    expect(await fileExists(t.core.media.filePath(rows[0]!))).toBe(false);
  });
});

describe('stalled work', () => {
  it('fails and refunds work whose job vanished, once, and tells the user', async () => {
    const user = await newUser();
    const before = await balanceOf(user.id);
    const id = randomUUID();
    // A dream whose analysis was paid for but whose job was lost two hours ago.
    await t.core.wallet.charge({
      userId: user.id,
      action: 'analysis',
      idempotencyKey: `dream:${id}:analysis`,
      quota: 'text',
    });
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await insertDream(t.core.db, {
      id,
      userId: user.id,
      text: DREAM_RU,
      language: 'ru',
      source: 'api',
      createdAt: twoHoursAgo,
      updatedAt: twoHoursAgo,
    });
    // A fresh pending dream is left alone: its job may still be running.
    const fresh = randomUUID();
    await insertDream(t.core.db, {
      id: fresh,
      userId: user.id,
      text: DREAM_RU,
      language: 'ru',
      source: 'api',
    });
    expect(await balanceOf(user.id)).toBe(before - 1);

    const handlers = createDreamsJobHandlers({
      db: t.core.db,
      logger: t.core.logger,
      queue: t.core.queue,
      wallet: t.core.wallet,
      ai: t.core.ai,
      media: t.core.media,
      now: t.core.now,
      notifier: () => t.core.notifier,
    });
    expect(await handlers.sweepStalled()).toBe(1);
    expect((await findDreamById(t.core.db, id))?.analysisStatus).toBe('failed');
    expect((await findDreamById(t.core.db, fresh))?.analysisStatus).toBe('pending');
    expect(await balanceOf(user.id)).toBe(before);
    expect(
      rec.events.some((e) => e.userId === user.id && e.kind === 'failed:analysis' && e.extra === 1),
    ).toBe(true);
    // a second sweep finds nothing and refunds nothing more
    expect(await handlers.sweepStalled()).toBe(0);
    expect(await balanceOf(user.id)).toBe(before);
  });
});
