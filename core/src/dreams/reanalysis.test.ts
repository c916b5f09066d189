import fs from 'node:fs/promises';
import type { LedgerEntry } from '@mechta/db';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { registerDreamsJobs } from './jobs.ts';
import { tempDataDir, waitFor } from './testing.ts';

const DREAM_RU =
  'Мне снилось, что я летала над ночным городом, огни мерцали внизу, и было совсем не страшно.';
const SEA_EN = 'I was swimming in a warm sea at night with dolphins, and the water glowed green under me.';

let t: TestCore;
let dataDir: string;
let nextId = 19_000;

beforeAll(async () => {
  dataDir = await tempDataDir();
  t = await createTestCore({
    DATA_DIR: dataDir,
    STARTING_TOKENS: '100',
    // A dream and two re-analyses fit into the day's text quota; a third re-analysis does not.
    QUOTA_FREE_TEXT: '3',
    QUOTA_FREE_IMAGE: '50',
    PRICE_ANALYSIS: '2',
    PRICE_IMAGE: '1',
  });
  await registerDreamsJobs(t.core);
  await t.core.queue.startWorkers();
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function newUser(language = 'en') {
  const id = nextId++;
  const { user } = await t.core.users.registerFromTelegram({
    id,
    first_name: `Dreamer${id}`,
    language_code: language,
  });
  return user;
}

const balanceOf = async (userId: number) => (await t.core.wallet.getBalance(userId)).balance;
const ledger = async (userId: number): Promise<LedgerEntry[]> =>
  (await t.core.wallet.ledger(userId, { pageSize: 100 })).items;
const settled = (userId: number, id: string) =>
  waitFor(
    () => t.core.dreams.get(userId, id),
    (d) => d.analysis_status !== 'pending' && d.image_status !== 'pending',
    { what: 'the analysis' },
  );
const errorOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

describe('editing a saved dream', () => {
  it('validates the new text as a new dream is validated, and saves every field at once', async () => {
    const user = await newUser('ru');
    const dream = await settled(
      user.id,
      (await t.core.dreams.create(user.id, { text: DREAM_RU, source: 'api' })).id,
    );
    const short = await errorOf(t.core.dreams.update(user.id, dream.id, { text: '  коротко  ' }));
    expect(short.code).toBe('VALIDATION_FAILED');
    expect(short.fields).toEqual({ text: 'validation-dream-too-short' });
    const long = await errorOf(t.core.dreams.update(user.id, dream.id, { text: 'я'.repeat(2001) }));
    expect(long.fields).toEqual({ text: 'validation-dream-too-long' });
    expect((await t.core.dreams.get(user.id, dream.id)).text).toBe(DREAM_RU);

    const edited = await t.core.dreams.update(user.id, dream.id, {
      text: `  ${SEA_EN}  `,
      title: 'Glowing sea',
      lucid: true,
      mood: 4,
    });
    expect(edited).toMatchObject({ text: SEA_EN, title: 'Glowing sea', lucid: true, mood: 4 });
    // Editing is free and keeps the analysis of the old text until one is asked for.
    expect(edited.analysis?.narrative).toBe(dream.analysis?.narrative);
    expect(await t.core.dreams.get(user.id, dream.id)).toMatchObject({ text: SEA_EN, title: 'Glowing sea' });
    // Another user's dream does not exist for them.
    const other = await newUser();
    expect((await errorOf(t.core.dreams.update(other.id, dream.id, { text: SEA_EN }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('analysing a dream again', () => {
  it('charges once per request under its own key, keeps the old analysis until the new one, respects the quota', async () => {
    const user = await newUser();
    const created = await t.core.dreams.create(user.id, { text: DREAM_RU, source: 'api' });
    const first = await settled(user.id, created.id);
    await t.core.dreams.update(user.id, first.id, { text: SEA_EN });
    const before = await balanceOf(user.id);

    const pending = await t.core.dreams.reanalyze(user.id, first.id);
    expect(pending.analysis_status).toBe('pending');
    expect(pending.analysis?.narrative).toBe(first.analysis?.narrative);
    // Asking again while it runs charges nothing more.
    await t.core.dreams.reanalyze(user.id, first.id);
    const second = await settled(user.id, first.id);
    expect(second.analysis_status).toBe('done');
    expect(second.analysis?.narrative).not.toBe(first.analysis?.narrative);
    expect(await balanceOf(user.id)).toBe(before - 2);

    await t.core.dreams.reanalyze(user.id, first.id);
    await settled(user.id, first.id);
    const keys = (await ledger(user.id)).filter((e) => e.kind === 'spend').map((e) => e.idempotencyKey);
    expect(keys.sort()).toEqual(
      [
        `dream:${first.id}:analysis`,
        `dream:${first.id}:image`,
        `dream:${first.id}:reanalysis:1`,
        `dream:${first.id}:reanalysis:2`,
      ].sort(),
    );
    expect(await balanceOf(user.id)).toBe(before - 4);

    // The day's text quota (3) is used up: refused, nothing charged, the analysis stays as it was.
    const refused = await errorOf(t.core.dreams.reanalyze(user.id, first.id));
    expect(refused.code).toBe('QUOTA_EXCEEDED');
    expect(await t.core.dreams.get(user.id, first.id)).toMatchObject({ analysis_status: 'done' });
    expect(await balanceOf(user.id)).toBe(before - 4);
  });

  it('a dream deleted while its re-analysis runs gives back that re-analysis', async () => {
    const user = await newUser();
    const first = await settled(
      user.id,
      (await t.core.dreams.create(user.id, { text: SEA_EN, source: 'api' })).id,
    );
    const before = await balanceOf(user.id);
    const real = t.core.ai.text;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    Object.assign(t.core.ai, {
      text: {
        ...real,
        async analyzeDream(input: Parameters<typeof real.analyzeDream>[0]) {
          await held;
          return real.analyzeDream(input);
        },
      },
    });
    try {
      await t.core.dreams.reanalyze(user.id, first.id);
      expect(await balanceOf(user.id)).toBe(before - 2);
      await t.core.dreams.remove(user.id, first.id);
      expect(await balanceOf(user.id)).toBe(before);
      const keys = (await ledger(user.id)).map((e) => e.idempotencyKey);
      expect(keys).toContain(`refund:dream:${first.id}:reanalysis:1`);
    } finally {
      release();
      Object.assign(t.core.ai, { text: real });
    }
  });

  it('a re-analysis that fails for good is refunded and the previous analysis stays', async () => {
    const user = await newUser('ru');
    const first = await settled(
      user.id,
      (await t.core.dreams.create(user.id, { text: DREAM_RU, source: 'api' })).id,
    );
    const before = await balanceOf(user.id);
    const real = t.core.ai.text;
    Object.assign(t.core.ai, {
      text: {
        async analyzeDream() {
          throw new Error('the meanings are asleep');
        },
      },
    });
    try {
      await t.core.dreams.reanalyze(user.id, first.id);
      expect(await balanceOf(user.id)).toBe(before - 2);
      const after = await waitFor(
        async () =>
          (await ledger(user.id)).find((e) => e.idempotencyKey === `refund:dream:${first.id}:reanalysis:1`),
        (e) => e !== undefined,
        { what: 'the refund', timeoutMs: 20_000 },
      );
      expect(after?.delta).toBe(2);
    } finally {
      Object.assign(t.core.ai, { text: real });
    }
    const back = await t.core.dreams.get(user.id, first.id);
    expect(back.analysis_status).toBe('done');
    expect(back.analysis?.narrative).toBe(first.analysis?.narrative);
    expect(await balanceOf(user.id)).toBe(before);
  });
});
