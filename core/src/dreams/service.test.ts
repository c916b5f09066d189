import fs from 'node:fs/promises';
import { findDreamById, sumLedger } from '@mechta/db';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { registerDreamsJobs } from './jobs.ts';
import { tempDataDir, waitFor } from './testing.ts';
import type { CreateDreamInput, DreamView } from './types.ts';

const TTL = 3600;
let t: TestCore;
let dataDir: string;
let nextId = 9000;

beforeAll(async () => {
  dataDir = await tempDataDir();
  t = await createTestCore({
    DATA_DIR: dataDir,
    STARTING_TOKENS: '500',
    QUOTA_FREE_TEXT: '100',
    QUOTA_FREE_IMAGE: '100',
    DREAM_TTL_SECONDS: String(TTL),
  });
  await registerDreamsJobs(t.core);
  await t.core.queue.startWorkers();
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function newUser(opts: { language?: string; timezone?: string; name?: string } = {}) {
  const id = nextId++;
  const { user } = await t.core.users.registerFromTelegram({
    id,
    first_name: opts.name ?? `Dreamer${id}`,
    language_code: opts.language ?? 'ru',
  });
  if (opts.timezone) await t.core.users.updateSettings(id, { timezone: opts.timezone });
  return user;
}

const create = (userId: number, text: string, extra: Partial<CreateDreamInput> = {}) =>
  t.core.dreams.create(userId, { text, source: 'api', ...extra });

const analysed = (userId: number, id: string) =>
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

/** Seconds from the test clock to the next midnight in `timeZone`. */
function secondsToLocalMidnight(timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(t.clock.now);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return 86_400 - (n('hour') * 3600 + n('minute') * 60 + n('second'));
}

describe('creating a dream', () => {
  it('rejects 9 characters and 2001 characters with a localised field message, and charges nothing', async () => {
    const user = await newUser();
    const short = await errorOf(create(user.id, '   123456789   '));
    expect(short.code).toBe('VALIDATION_FAILED');
    expect(short.fields).toEqual({ text: 'validation-dream-too-short' });
    expect(t.core.translator.t('ru', short.fields!.text!)).toMatch(/коротко/);
    const long = await errorOf(create(user.id, 'я'.repeat(2001)));
    expect(long.fields).toEqual({ text: 'validation-dream-too-long' });
    expect(long.details).toMatchObject({ min: 10, max: 2000, length: 2001 });
    // the limits themselves are accepted
    const ok = [await create(user.id, 'я'.repeat(10)), await create(user.id, 'я'.repeat(2000))];
    const spent = (await t.core.wallet.ledger(user.id, { pageSize: 100 })).items.filter(
      (e) => e.action === 'analysis',
    );
    expect(spent.map((e) => e.idempotencyKey).sort()).toEqual(ok.map((d) => `dream:${d.id}:analysis`).sort());
    const mood = await errorOf(create(user.id, 'A perfectly fine dream text', { mood: 9 }));
    expect(mood.fields).toEqual({ mood: 'validation-dream-mood' });
  });

  it('allows 10 dreams per local day to a free user; the 11th is DAILY_LIMIT_REACHED and leaves nothing behind', async () => {
    const tz = 'Asia/Tokyo';
    const user = await newUser({ timezone: tz });
    // Start a little before 04:00 local, the default day start, so the next day comes within the test.
    t.clock.advance(secondsToLocalMidnight(tz) + 4 * 3600 - 120);
    for (let i = 0; i < 10; i++) await create(user.id, `Сон номер ${i}: я шёл по длинному коридору.`);
    const err = await errorOf(create(user.id, 'Одиннадцатый сон за день, который не поместится.'));
    expect(err.code).toBe('DAILY_LIMIT_REACHED');
    expect(err.args).toEqual({ limit: 10 });
    expect((await t.core.dreams.list(user.id, {})).total).toBe(10);
    const analyses = (await t.core.wallet.ledger(user.id, { pageSize: 100 })).items.filter(
      (e) => e.action === 'analysis',
    );
    expect(analyses).toHaveLength(10);
    // After 04:00 in Tokyo (not UTC, not midnight) the count starts again.
    t.clock.advance(180);
    await create(user.id, 'Новый день — новый сон про море и маяк.');
    expect((await t.core.dreams.list(user.id, {})).total).toBe(11);
  });

  it('files a dream written at 02:00 local under the night before (dream_date)', async () => {
    const user = await newUser({ timezone: 'Europe/Moscow' });
    // 02:00 in Moscow.
    t.clock.advance(secondsToLocalMidnight('Europe/Moscow') + 2 * 3600);
    const moscowDate = (at: Date) => new Date(at.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
    const night = await create(user.id, 'Мне снилось, что я иду по мосту над туманной рекой.');
    const yesterday = moscowDate(new Date(t.clock.now.getTime() - 86_400_000));
    expect(night.dream_date).toBe(yesterday);
    expect(moscowDate(t.clock.now)).not.toBe(yesterday);
    // At 05:00 it is the new day's date.
    t.clock.advance(3 * 3600);
    const morning = await create(user.id, 'Утром снилась лодка, которая плыла по полю подсолнухов.');
    expect(morning.dream_date).toBe(moscowDate(t.clock.now));
  });

  it('pro users have no daily limit', async () => {
    const user = await newUser();
    await t.core.wallet.setPlan(user.id, { plan: 'pro', hours: 24 });
    for (let i = 0; i < 11; i++) await create(user.id, `Pro dream number ${i} about a lighthouse.`);
    expect((await t.core.dreams.list(user.id, {})).total).toBe(11);
  });

  it('is never half-written: without tokens there is no dream and no charge', async () => {
    const user = await newUser();
    const { balance } = await t.core.wallet.getBalance(user.id);
    await t.core.wallet.revoke(user.id, balance, 'test');
    const err = await errorOf(create(user.id, 'A dream I cannot pay for today.'));
    expect(err.code).toBe('INSUFFICIENT_TOKENS');
    expect((await t.core.dreams.list(user.id, {})).total).toBe(0);
    expect((await t.core.wallet.getBalance(user.id)).balance).toBe(0);
  });

  it('a repeated create with the same idempotency key returns the same dream and charges once', async () => {
    const user = await newUser();
    const [a, b] = await Promise.all([
      create(user.id, 'The same dream sent twice by a flaky network.', { idempotencyKey: 'abc' }),
      create(user.id, 'The same dream sent twice by a flaky network.', { idempotencyKey: 'abc' }),
    ]);
    expect(a.id).toBe(b.id);
    expect((await t.core.dreams.list(user.id, {})).total).toBe(1);
    const spent = (await t.core.wallet.ledger(user.id, { pageSize: 100 })).items.filter(
      (e) => e.action === 'analysis',
    );
    expect(spent.map((e) => e.idempotencyKey)).toEqual([`dream:${a.id}:analysis`]);
  });

  it('a failure between the charge and the insert keeps the tokens and leaves no dream', async () => {
    const user = await newUser();
    const before = await t.core.wallet.getBalance(user.id);
    // A real failure inside PostgreSQL: this user's dream insert raises, and so does any refund
    // written for them, which stands for a process that dies before it could compensate.
    await sql`create function fail_for_test() returns trigger language plpgsql as $$
      begin raise exception 'injected failure'; end $$`.execute(t.core.db);
    await sql`create trigger fail_dream_insert before insert on dreams for each row
      when (new.user_id = ${sql.lit(user.id)}) execute function fail_for_test()`.execute(t.core.db);
    await sql`create trigger fail_refund before insert on wallet_ledger for each row
      when (new.user_id = ${sql.lit(user.id)} and new.kind = 'refund') execute function fail_for_test()`.execute(
      t.core.db,
    );
    try {
      await expect(
        create(user.id, 'A dream the database refuses to keep.', { idempotencyKey: 'crash-1' }),
      ).rejects.toThrow(/injected failure/);
    } finally {
      await sql`drop trigger fail_dream_insert on dreams`.execute(t.core.db);
      await sql`drop trigger fail_refund on wallet_ledger`.execute(t.core.db);
      await sql`drop function fail_for_test()`.execute(t.core.db);
    }
    const after = await t.core.wallet.getBalance(user.id);
    expect(after.balance).toBe(before.balance);
    expect(after.quotas.text.used).toBe(before.quotas.text.used);
    expect((await t.core.dreams.list(user.id, {})).total).toBe(0);
    expect((await t.core.wallet.ledger(user.id)).items.map((e) => e.kind)).toEqual(['welcome']);
    expect(await sumLedger(t.core.db, user.id)).toBe(before.balance);

    // The key is not spent: the same request sent again saves the dream and charges it once (its
    // analysis job may charge the picture meanwhile, under a key of its own).
    const dream = await create(user.id, 'A dream the database refuses to keep.', {
      idempotencyKey: 'crash-1',
    });
    expect((await t.core.dreams.list(user.id, {})).total).toBe(1);
    const spent = (await t.core.wallet.ledger(user.id)).items.filter((e) => e.action === 'analysis');
    expect(spent.map((e) => [e.kind, e.idempotencyKey, e.delta])).toEqual([
      ['spend', `dream:${dream.id}:analysis`, -t.core.wallet.prices().analysis],
    ]);
  });
});

describe('journal search and filters', () => {
  let user: { id: number };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    user = await newUser();
    const dreams: Record<string, [string, Partial<CreateDreamInput>?]> = {
      flight: ['Я летал над ночным городом, и огни мерцали внизу, было легко и свободно.'],
      chase: [
        'За мной гнался огромный чёрный пёс по пустым улицам, я бежал и задыхался от страха.',
        { lucid: true },
      ],
      english: ['I was flying over the sea at dawn and felt completely free.', { language: 'en' }],
      flightNoun: ['Во сне был долгий полёт на воздушном шаре над горами.'],
    };
    for (const [k, [text, extra]] of Object.entries(dreams)) ids[k] = (await create(user.id, text, extra)).id;
    for (const id of Object.values(ids)) await analysed(user.id, id);
  });
  const found = async (q: Parameters<typeof t.core.dreams.list>[1]) =>
    (await t.core.dreams.list(user.id, q)).items.map((d) => d.id).sort();

  it('finds Russian words by their stem: "летать" finds "летал"', async () => {
    expect(await found({ q: 'летать' })).toEqual([ids.flight]);
    expect(await found({ q: 'пустая улица' })).toEqual([ids.chase]);
    expect(await found({ q: 'воздушные шары' })).toEqual([ids.flightNoun]);
    // the analysis's words count too: the offline analyser calls the "пёс" a dog
    expect(await found({ q: 'собака' })).toEqual([ids.chase]);
    expect(await found({ q: 'пианино' })).toEqual([]);
  });

  it('"полёт" (ё or е, any case form) finds "полёт", and the "летал" dream through its analysis narrative', async () => {
    // PostgreSQL stems "летал" and "полёт" apart; the analysis ("Сон о полёте…") is indexed too.
    const flights = [ids.flightNoun, ids.flight].sort();
    expect(await found({ q: 'полёт' })).toEqual(flights);
    expect(await found({ q: 'полет' })).toEqual(flights);
    expect(await found({ q: 'полёта' })).toEqual(flights);
  });

  it('finds English words by their stem, and multi-word queries need every word', async () => {
    expect(await found({ q: 'fly' })).toEqual([ids.english]);
    expect(await found({ q: 'flies sea' })).toEqual([ids.english]);
    expect(await found({ q: 'flies mountains' })).toEqual([]);
  });

  it('filters by category, emotion, tag, lucid and date range, together with paging', async () => {
    expect(await found({ category: 'chase' })).toEqual([ids.chase]);
    expect(await found({ lucid: true })).toEqual([ids.chase]);
    expect(await found({ lucid: false })).toEqual([ids.flight, ids.english, ids.flightNoun].sort());
    const chase = await t.core.dreams.get(user.id, ids.chase!);
    const emotion = chase.analysis!.emotions[0]!;
    expect(await found({ emotion: emotion.toUpperCase() })).toContain(ids.chase);
    const tag = chase.analysis!.tags[0]!;
    expect(await found({ tag })).toContain(ids.chase);
    const day = (offset: number) =>
      new Date(t.clock.now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    expect(await found({ from: '2000-01-01', to: '2000-01-02' })).toEqual([]);
    expect((await found({ from: day(-1), to: day(1) })).length).toBe(4);
    expect(await found({ from: day(2) })).toEqual([]);
    const page = await t.core.dreams.list(user.id, { page: 2, pageSize: 3 });
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items).toHaveLength(1);
    const bad = await errorOf(t.core.dreams.list(user.id, { from: 'yesterday' }));
    expect(bad.fields).toEqual({ from: 'validation-dream-date' });
  });
});

describe('sharing to the public feed', () => {
  it(`is visible to others 1 s before DREAM_TTL_SECONDS after sharing, never after; it stays in the journal`, async () => {
    const author = await newUser({ name: 'Alisa' });
    const viewer = await newUser();
    const dream = await create(author.id, 'Мне снилось, что я летал над морем на рассвете.');
    await analysed(author.id, dream.id);
    const image = (await findDreamById(t.core.db, dream.id))!.imageMediaId!;
    expect(image).toBeTruthy();

    // Private: others cannot see it or its picture.
    expect((await errorOf(t.core.dreams.get(viewer.id, dream.id))).code).toBe('NOT_FOUND');
    expect((await errorOf(t.core.dreams.media(viewer.id, image))).code).toBe('NOT_FOUND');

    const shared = await t.core.dreams.share(author.id, dream.id, {});
    expect(shared.visibility).toBe('public');
    t.clock.advance(TTL - 1);
    const feed = await t.core.dreams.feed(viewer.id, { pageSize: 100 });
    const item = feed.items.find((d) => d.id === dream.id);
    expect(item?.author).toEqual({ id: author.id, name: 'Alisa' });
    expect(item?.image_url).toMatch(/^\/media\//);
    expect(item?.own).toBe(false);
    expect((await t.core.dreams.get(viewer.id, dream.id)).text).toContain('летал');
    await expect(t.core.dreams.media(null, image)).resolves.toMatchObject({
      mime: expect.stringMatching(/^image\//),
    });

    t.clock.advance(2);
    const after = await t.core.dreams.feed(viewer.id, { pageSize: 100 });
    expect(after.items.map((d) => d.id)).not.toContain(dream.id);
    expect((await errorOf(t.core.dreams.get(viewer.id, dream.id))).code).toBe('NOT_FOUND');
    expect((await errorOf(t.core.dreams.media(null, image))).code).toBe('NOT_FOUND');
    const mine = await t.core.dreams.get(author.id, dream.id);
    expect(mine).toMatchObject({ visibility: 'private', public_until: null });
    expect(mine.image_url).toMatch(/^\/media\//);

    // The scheduled clean-up then makes the row itself private.
    await t.core.dreams.expirePublic();
    expect((await findDreamById(t.core.db, dream.id))?.visibility).toBe('private');
  });

  it('an anonymous dream shows no author; views are counted once per viewer, never the author', async () => {
    const author = await newUser({ name: 'Secret' });
    const [v1, v2] = [await newUser(), await newUser()];
    const dream = await create(author.id, 'Anonymous dream about a door in the middle of a field.');
    await t.core.dreams.share(author.id, dream.id, { anonymous: true });
    const seen = async (viewerId: number): Promise<DreamView | undefined> =>
      (await t.core.dreams.feed(viewerId, { pageSize: 100 })).items.find((d) => d.id === dream.id);
    expect(await seen(v1.id)).toMatchObject({ author: null, anonymous: true, views: 1 });
    expect((await seen(v1.id))?.views).toBe(1);
    expect((await seen(v2.id))?.views).toBe(2);
    expect((await seen(author.id))?.views).toBe(2);
    expect(JSON.stringify(await seen(v2.id))).not.toContain('Secret');

    const unshared = await t.core.dreams.unshare(author.id, dream.id);
    expect(unshared.visibility).toBe('private');
    expect(await seen(v1.id)).toBeUndefined();
  });
});

describe('insights', () => {
  it('category mix, top symbols and emotions, emotions per week, streaks and lucid share', async () => {
    const user = await newUser({ language: 'en', timezone: 'Europe/Moscow' });
    const texts = [
      'I was flying over the city at night and felt free and happy.',
      'A huge dog was chasing me through dark streets and I was terrified.',
      'I was flying above the clouds, the city lights far below.',
    ];
    const made: string[] = [];
    for (const [i, text] of texts.entries()) {
      made.push((await create(user.id, text, { lucid: i === 0 })).id);
      t.clock.advance(86_400);
    }
    for (const id of made) await analysed(user.id, id);
    const insights = await t.core.dreams.insights(user.id);
    expect(insights.total).toBe(3);
    expect(insights.lucid_share).toBeCloseTo(1 / 3, 2);
    expect(insights.categories[0]).toEqual({ category: 'flight', count: 2 });
    expect(insights.categories).toContainEqual({ category: 'chase', count: 1 });
    expect(insights.symbols.find((s) => s.symbol === 'city')?.count).toBe(2);
    expect(insights.emotions.length).toBeGreaterThan(0);
    expect(insights.emotions_over_time).toHaveLength(12);
    expect(insights.emotions_over_time.at(-1)?.week).toMatch(/^\d{4}-W\d{2}$/);
    const counted = insights.emotions_over_time.reduce(
      (n, w) => n + Object.values(w.emotions).reduce((a, b) => a + b, 0),
      0,
    );
    expect(counted).toBe(insights.emotions.reduce((n, e) => n + e.count, 0));
    // three consecutive days; today (the day after the last) has none yet, so the streak still holds
    expect(insights.streak).toEqual({ current: 3, longest: 3, days_logged_last_30: 3 });
    t.clock.advance(2 * 86_400);
    expect((await t.core.dreams.insights(user.id)).streak).toMatchObject({ current: 0, longest: 3 });
  });

  it('counts a streak by the day start: 23:00 and 02:00 the next calendar day are one night', async () => {
    const user = await newUser({ timezone: 'Europe/Moscow' });
    // 23:00 in Moscow, then 02:00 past midnight: one night, one day logged (by midnight it was two).
    t.clock.advance(secondsToLocalMidnight('Europe/Moscow') + 23 * 3600);
    await create(user.id, 'I was walking along a frozen river under a very bright moon.');
    t.clock.advance(3 * 3600);
    await create(user.id, 'Then the river turned into a road and I drove an old blue car.');
    const { streak } = await t.core.dreams.insights(user.id);
    expect(streak).toEqual({ current: 1, longest: 1, days_logged_last_30: 1 });
  });
});

describe('journal page cache', () => {
  it('shows the user’s own changes at once and background progress within seconds', async () => {
    const user = await newUser();
    const empty = await t.core.dreams.list(user.id, {});
    expect(empty.total).toBe(0);
    const dream = await create(
      user.id,
      'Мне снилось, что я летал над ночным морем и звёзды отражались в воде.',
    );
    const afterCreate = await t.core.dreams.list(user.id, {});
    expect(afterCreate.items.map((d) => d.id)).toEqual([dream.id]);
    // the analysis finishes in a job: the page catches up without any user action
    await waitFor(
      () => t.core.dreams.list(user.id, {}),
      (page) => page.items[0]?.analysis_status === 'done',
      { what: 'the cached journal to show the analysis' },
    );
    await t.core.dreams.share(user.id, dream.id, { anonymous: true });
    expect((await t.core.dreams.list(user.id, {})).items[0]?.visibility).toBe('public');
    await t.core.dreams.remove(user.id, dream.id);
    expect((await t.core.dreams.list(user.id, {})).total).toBe(0);
  });
});
