import { findDreamById, sumLedger } from '@mechta/db';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadingInput } from '../ai/types.ts';
import { AppError } from '../errors.ts';
import { readDreamOffline } from './offline.ts';

let t: TestCore;
let nextId = 19_000;

beforeAll(async () => {
  t = await createTestCore({ STARTING_TOKENS: '10', QUOTA_FREE_TEXT: '100', PRICE_READING: '2' });
});
afterAll(async () => {
  await t.close();
});

async function newUser(language = 'ru') {
  const id = nextId++;
  await t.core.users.registerFromTelegram({ id, first_name: `Dreamer${id}`, language_code: language });
  return id;
}

/** A dream saved and analysed offline, synchronously through the job the API would queue. */
async function dream(userId: number, text: string): Promise<string> {
  const view = await t.core.dreams.create(userId, { text, source: 'api' });
  const { analyzeDreamOffline } = await import('../ai/offline/analyser.ts');
  const row = await findDreamById(t.core.db, view.id);
  const analysis = analyzeDreamOffline(text, row?.language ?? 'ru');
  await t.core.db
    .updateTable('dreams')
    .set({
      analysis: JSON.stringify(analysis),
      analysisStatus: 'done',
      symbols: analysis.symbols,
      emotions: analysis.emotions,
    })
    .where('id', '=', view.id)
    .execute();
  return view.id;
}

const base: ReadingInput = {
  lens: 'jung',
  language: 'en',
  dreamText: '',
  symbols: ['sea', 'house'],
  emotions: ['fear'],
  recurring: [],
  favouredLenses: [],
  rejectedLenses: [],
};

describe('the offline reader', () => {
  it('names the symbols and emotions and says what each lens sees in them, in 3-5 sentences', () => {
    const jung = readDreamOffline(base);
    expect(jung).toContain('sea');
    expect(jung).toContain('house');
    expect(jung).toContain('the unconscious itself');
    expect(jung).toContain('fear');
    const sentences = jung.split(/(?<=[.!?])\s+/);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(5);
    const folk = readDreamOffline({
      ...base,
      lens: 'folk',
      language: 'ru',
      symbols: ['море'],
      emotions: ['страх'],
    });
    expect(folk).toMatch(/народные поверья.*фольклор/);
    expect(folk).toContain('море');
    expect(readDreamOffline({ ...base, lens: 'cognitive' })).toContain('day');
  });
});

describe('readings', () => {
  it('the third sea dream this month: the reading says so', async () => {
    const user = await newUser('en');
    await dream(user, 'I was swimming in the sea at night, the water was warm and calm.');
    await dream(user, 'A grey sea rolled up to my old house and I watched the waves.');
    const third = await dream(user, 'I stood on the shore of the sea and felt afraid of the waves.');
    const { reading } = await t.core.readings.read(user, third, 'cognitive');
    expect(reading.text).toContain('The sea again — the third time this month');
    expect(reading.offline).toBe(true);
    expect(reading.verdict).toBeNull();
  });

  it('charges once under a key per dream and lens; asking the same lens again returns the stored reading free', async () => {
    const user = await newUser('ru');
    const id = await dream(user, 'Мне снилось море и старый дом у воды, мне было страшно.');
    const first = await t.core.readings.read(user, id, 'jung');
    expect(first.charged).toBe(2);
    expect(first.reading.text).toContain('море');
    expect(await sumLedger(t.core.db, user)).toBe(10 - 1 - 2);
    const again = await t.core.readings.read(user, id, 'jung');
    expect(again.charged).toBe(0);
    expect(again.reading).toEqual(first.reading);
    expect(await sumLedger(t.core.db, user)).toBe(10 - 1 - 2);
    const list = await t.core.readings.list(user, id);
    expect(list.map((r) => r.lens)).toEqual(['jung']);
  });

  it('stores the verdict and leans on the lens marked "fits" in later readings', async () => {
    const user = await newUser('ru');
    const a = await dream(user, 'Мне снилась змея в саду, я была спокойна и смотрела на неё.');
    const first = await t.core.readings.read(user, a, 'jung');
    const marked = await t.core.readings.setVerdict(user, a, first.reading.id, 'fits');
    expect(marked.verdict).toBe('fits');
    expect((await t.core.readings.list(user, a))[0]?.verdict).toBe('fits');
    const b = await dream(user, 'Я шла по лесу и нашла ключ, было любопытно.');
    const same = await t.core.readings.read(user, b, 'jung');
    expect(same.reading.text).toContain('Вы отмечали, что этот взгляд вам подходит');
    const other = await t.core.readings.read(user, b, 'folk');
    expect(other.reading.text).toContain('Раньше вам подходил юнгианский взгляд');
  });

  it('another user’s dream, an unknown lens and an unknown reading are refused, nothing charged', async () => {
    const owner = await newUser('en');
    const id = await dream(owner, 'I was flying over a city at night and felt free.');
    const stranger = await newUser('en');
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof AppError ? e.code : 'other'),
      );
    expect(await code(t.core.readings.read(stranger, id, 'jung'))).toBe('NOT_FOUND');
    expect(await code(t.core.readings.read(owner, id, 'tarot'))).toBe('VALIDATION_FAILED');
    expect(
      await code(t.core.readings.setVerdict(owner, id, '00000000-0000-4000-8000-000000000000', 'fits')),
    ).toBe('NOT_FOUND');
    expect(await sumLedger(t.core.db, stranger)).toBe(10);
    expect(await sumLedger(t.core.db, owner)).toBe(10 - 1);
  });

  it('with too few tokens the reading is refused with INSUFFICIENT_TOKENS and not stored', async () => {
    const user = await newUser('en');
    const ids = [];
    for (let i = 0; i < 4; i++)
      ids.push(await dream(user, `I walked through a forest at night number ${i} and was calm.`));
    // 10 tokens, 4 analyses at 1 → 6 left; three readings at 2 leave 0.
    for (const id of ids.slice(0, 3)) await t.core.readings.read(user, id, 'folk');
    const err = await t.core.readings.read(user, ids[3] as string, 'folk').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INSUFFICIENT_TOKENS');
    expect(await t.core.readings.list(user, ids[3] as string)).toEqual([]);
  });
});
