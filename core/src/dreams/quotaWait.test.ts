import fs from 'node:fs/promises';
import { sumLedger } from '@mechta/db';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { nextLocalMidnight } from '../wallet/day.ts';
import { registerDreamsJobs } from './jobs.ts';
import { tempDataDir, waitFor } from './testing.ts';

/* The quota limits the analysis, not the journal; a "no AI" save; the mood on waking. */

const QUOTA = 2;
const START = 50;
let t: TestCore;
let dataDir: string;
let nextId = 19_000;

beforeAll(async () => {
  dataDir = await tempDataDir();
  t = await createTestCore({
    DATA_DIR: dataDir,
    STARTING_TOKENS: String(START),
    QUOTA_FREE_TEXT: String(QUOTA),
    QUOTA_FREE_IMAGE: '0',
  });
  await registerDreamsJobs(t.core);
  await t.core.queue.startWorkers();
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function newUser(timezone = 'Asia/Tokyo') {
  const id = nextId++;
  await t.core.users.registerFromTelegram({ id, first_name: `Dreamer${id}`, language_code: 'en' });
  await t.core.users.updateSettings(id, { timezone });
  return id;
}

const text = (n: number) => `Dream number ${n}: I walked along a long corridor full of doors and water.`;
const create = (userId: number, n: number, extra: { analyze?: boolean; moodOnWaking?: number | null } = {}) =>
  t.core.dreams.create(userId, { text: text(n), source: 'api', ...extra });
const settled = (userId: number, id: string) =>
  waitFor(
    () => t.core.dreams.get(userId, id),
    (d) => d.analysis_status !== 'pending',
    { what: 'the analysis' },
  );
const spent = async (userId: number) => START - (await sumLedger(t.core.db, userId));
const price = () => t.core.wallet.prices().analysis;

describe('over the daily analysis quota', () => {
  it('keeps the dream as waiting, charges nothing for it, and analyses it on the next local day', async () => {
    const user = await newUser();
    for (let n = 1; n <= QUOTA; n++) await settled(user, (await create(user, n)).id);
    const over = await create(user, QUOTA + 1);
    expect(over.analysis).toBeNull();
    expect(over.analysis_status).toBe('waiting_quota');
    // In the journal, not lost; only the analyses that started were paid for.
    const journal = await t.core.dreams.list(user, {});
    expect(journal.items.map((d) => d.id)).toContain(over.id);
    expect(await spent(user)).toBe(QUOTA * price());

    // Still today: the sweep leaves it waiting.
    expect(await t.core.dreams.sweepWaiting()).toBe(0);
    expect((await t.core.dreams.get(user, over.id)).analysis_status).toBe('waiting_quota');

    // Past the start of the user's next day (04:00 in Tokyo, not UTC) the quota is back and the sweep starts it.
    const midnight = nextLocalMidnight(t.clock.now, 'Asia/Tokyo', '04:00');
    t.clock.advance((midnight.getTime() - t.clock.now.getTime()) / 1000 + 60);
    expect(await t.core.dreams.sweepWaiting()).toBeGreaterThanOrEqual(1);
    const done = await settled(user, over.id);
    expect(done.analysis_status).toBe('done');
    expect(done.analysis).not.toBeNull();
    expect(await spent(user)).toBe((QUOTA + 1) * price());
    expect((await t.core.wallet.getBalance(user)).quotas.text.used).toBe(1);
  });

  it('analyses the waiting dreams at once when the user gets pro', async () => {
    const user = await newUser('Europe/Moscow');
    for (let n = 1; n <= QUOTA; n++) await create(user, n);
    const a = await create(user, 10);
    const b = await create(user, 11);
    expect([a.analysis_status, b.analysis_status]).toEqual(['waiting_quota', 'waiting_quota']);
    await t.core.wallet.setPlan(user, { plan: 'pro', hours: 24 });
    expect((await settled(user, a.id)).analysis_status).toBe('done');
    expect((await settled(user, b.id)).analysis_status).toBe('done');
  });

  it('a waiting dream whose owner has no tokens left keeps waiting through the next day, quietly', async () => {
    const user = await newUser('UTC');
    for (let n = 1; n <= QUOTA; n++) await create(user, n);
    const waiting = await create(user, 30);
    await t.core.wallet.revoke(user, START, 'test: spend it all');
    t.clock.advance(86_400);
    await t.core.dreams.sweepWaiting();
    expect((await t.core.dreams.get(user, waiting.id)).analysis_status).toBe('waiting_quota');
    // Tokens granted: the dream starts at once.
    await t.core.wallet.grant(user, 5, 'test: top up');
    expect((await settled(user, waiting.id)).analysis_status).toBe('done');
  });

  it('a waiting dream deleted is never charged', async () => {
    const user = await newUser();
    for (let n = 1; n <= QUOTA; n++) await create(user, n);
    const waiting = await create(user, 20);
    await t.core.dreams.remove(user, waiting.id);
    expect(await spent(user)).toBe(QUOTA * price());
  });
});

describe('a "no AI" save', () => {
  it('is kept as skipped with nothing charged, and analysed (and charged) when asked for later', async () => {
    const user = await newUser();
    const quiet = await create(user, 1, { analyze: false });
    expect(quiet.analysis_status).toBe('skipped');
    expect(quiet.analysis).toBeNull();
    expect(await spent(user)).toBe(0);
    expect((await t.core.wallet.getBalance(user)).quotas.text.used).toBe(0);

    const asked = await t.core.dreams.requestAnalysis(user, quiet.id);
    expect(asked.analysis_status).not.toBe('skipped');
    expect((await settled(user, quiet.id)).analysis_status).toBe('done');
    expect(await spent(user)).toBe(price());
    // Asking again changes nothing and charges nothing more.
    await t.core.dreams.requestAnalysis(user, quiet.id);
    expect(await spent(user)).toBe(price());
  });

  it('asked for over the quota, it waits for the quota instead', async () => {
    const user = await newUser();
    for (let n = 1; n <= QUOTA; n++) await create(user, n);
    const quiet = await create(user, 5, { analyze: false });
    const asked = await t.core.dreams.requestAnalysis(user, quiet.id);
    expect(asked.analysis_status).toBe('waiting_quota');
    expect(await spent(user)).toBe(QUOTA * price());
  });
});

describe('mood on waking', () => {
  it('is kept beside the mood before sleep, 1..5, and editable', async () => {
    const user = await newUser();
    const d = await create(user, 1, { analyze: false, moodOnWaking: 4 });
    expect(d.mood_on_waking).toBe(4);
    const edited = await t.core.dreams.update(user, d.id, { moodOnWaking: 2 });
    expect(edited.mood_on_waking).toBe(2);
    const err = await create(user, 2, { moodOnWaking: 6 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION_FAILED');
    expect((err as AppError).fields?.mood_on_waking).toBe('validation-dream-mood');
  });
});
