import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { DB, Dream, DreamUpdate, Media, NewDream } from '../schema.ts';
import type { Executor } from './users.ts';

/*
 * Dreams SQL. Every per-user read starts from the (user_id, created_at desc) index; the public feed
 * filters by time in the query itself (public_until > now), never trusting a cleanup job to have run.
 */

/**
 * Every column but the generated search vector (large, only ever used in WHERE) and `analysis`,
 * which is read as text (below) and parsed here.
 */
const DREAM_COLUMNS = [
  'id',
  'userId',
  'text',
  'title',
  'lucid',
  'mood',
  'moodOnWaking',
  'language',
  'source',
  'analysisStatus',
  'category',
  'emotions',
  'tags',
  'symbols',
  'provider',
  'model',
  'promptTokens',
  'completionTokens',
  'costUsd',
  'processingMs',
  'imageMediaId',
  'imageStatus',
  'imageOffline',
  'imageSkipReason',
  'videoStatus',
  'videoProgress',
  'videoAttempts',
  'reanalyses',
  'videoExternalId',
  'videoMediaId',
  'videoError',
  'voiceMediaId',
  'visibility',
  'anonymous',
  'sharedAt',
  'publicUntil',
  'hiddenAt',
  'views',
  'dreamDate',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Dream)[];

// CamelCasePlugin would rename the keys inside the JSON (visual_prompt → visualPrompt); as text it
// passes through untouched.
const analysisText = sql<string | null>`analysis::text`.as('analysisJson');
const RETURNING = [...DREAM_COLUMNS, analysisText] as const;
const dreamColumns = [
  ...DREAM_COLUMNS.map((c) => `d.${c}` as const),
  sql<string | null>`d.analysis::text`.as('analysisJson'),
];

/** A row read with `analysisJson` as a dream with its analysis parsed. */
function fromRow<T extends { analysisJson: string | null }>(
  row: T,
): Omit<T, 'analysisJson'> & Pick<Dream, 'analysis'> {
  const { analysisJson, ...rest } = row;
  return { ...rest, analysis: analysisJson === null ? null : JSON.parse(analysisJson) };
}
const fromMaybe = <T extends { analysisJson: string | null }>(row: T | undefined) =>
  row ? fromRow(row) : undefined;

/** A dream with its author's display fields, as the feed and other viewers need it. */
export interface DreamWithAuthor extends Dream {
  authorFirstName: string;
  authorUsername: string | null;
}

export interface DreamFilters {
  /** Full-text query (websearch syntax), matched with both the Russian and English configurations. */
  q?: string;
  category?: string;
  emotion?: string;
  tag?: string;
  lucid?: boolean;
  /** Local calendar days (YYYY-MM-DD) in `timezone`, both inclusive. */
  fromDay?: string;
  toDay?: string;
  timezone?: string;
}

const tsQuery = (q: string) =>
  sql`(websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}))`;

/** Inserts the dream; undefined when a dream with this id already exists (a retried create). */
export async function insertDream(db: Executor, dream: NewDream): Promise<Dream | undefined> {
  return fromMaybe(
    await db
      .insertInto('dreams')
      .values(dream)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning(RETURNING)
      .executeTakeFirst(),
  );
}

export async function findDreamById(db: Executor, id: string): Promise<Dream | undefined> {
  return fromMaybe(await db.selectFrom('dreams').select(RETURNING).where('id', '=', id).executeTakeFirst());
}

export async function findDreamWithAuthor(db: Executor, id: string): Promise<DreamWithAuthor | undefined> {
  return fromMaybe(
    await db
      .selectFrom('dreams as d')
      .innerJoin('users as u', 'u.id', 'd.userId')
      .select(dreamColumns)
      .select(['u.firstName as authorFirstName', 'u.username as authorUsername'])
      .where('d.id', '=', id)
      .executeTakeFirst(),
  );
}

export async function updateDream(
  db: Executor,
  id: string,
  patch: DreamUpdate,
  at: Date,
): Promise<Dream | undefined> {
  return fromMaybe(
    await db
      .updateTable('dreams')
      .set({ ...patch, updatedAt: at })
      .where('id', '=', id)
      .returning(RETURNING)
      .executeTakeFirst(),
  );
}

/**
 * Updates only while the row still matches `guard`: a job's late write cannot undo what a newer step
 * (or a concurrent request) already decided. Undefined when the guard did not match.
 */
/** Dreams whose pending work has not moved since the given instants (oldest first). */
export async function findStalledDreams(
  db: Executor,
  opts: { workBefore: Date; videoBefore: Date; limit: number },
): Promise<Dream[]> {
  const rows = await db
    .selectFrom('dreams')
    .select(RETURNING)
    .where((eb) =>
      eb.or([
        eb.and([
          eb.or([eb('analysisStatus', '=', 'pending'), eb('imageStatus', '=', 'pending')]),
          eb('updatedAt', '<', opts.workBefore),
        ]),
        eb.and([eb('videoStatus', 'in', ['pending', 'processing']), eb('updatedAt', '<', opts.videoBefore)]),
      ]),
    )
    .orderBy('updatedAt')
    .limit(opts.limit)
    .execute();
  return rows.map(fromRow);
}

export async function updateDreamIf(
  db: Executor,
  id: string,
  guard: {
    analysisStatus?: Dream['analysisStatus'];
    imageStatus?: Dream['imageStatus'];
    videoStatus?: Dream['videoStatus'][];
    videoAttempts?: number;
    reanalyses?: number;
  },
  patch: DreamUpdate,
  at: Date,
): Promise<Dream | undefined> {
  let q = db
    .updateTable('dreams')
    .set({ ...patch, updatedAt: at })
    .where('id', '=', id);
  if (guard.analysisStatus) q = q.where('analysisStatus', '=', guard.analysisStatus);
  if (guard.imageStatus) q = q.where('imageStatus', '=', guard.imageStatus);
  if (guard.videoAttempts !== undefined) q = q.where('videoAttempts', '=', guard.videoAttempts);
  if (guard.reanalyses !== undefined) q = q.where('reanalyses', '=', guard.reanalyses);
  if (guard.videoStatus) {
    const statuses = guard.videoStatus;
    q = q.where((eb) =>
      eb.or(statuses.map((s) => (s === null ? eb('videoStatus', 'is', null) : eb('videoStatus', '=', s)))),
    );
  }
  return fromMaybe(await q.returning(RETURNING).executeTakeFirst());
}

/** Deletes a user's dream (its media rows go with it) and returns the media rows whose files must go. */
export async function deleteDream(
  db: Executor,
  id: string,
  userId: number,
): Promise<{ deleted: boolean; media: Media[] }> {
  const media = await db.selectFrom('media').selectAll().where('dreamId', '=', id).execute();
  const row = await db
    .deleteFrom('dreams')
    .where('id', '=', id)
    .where('userId', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return { deleted: Boolean(row), media: row ? media : [] };
}

/**
 * Serialises a user's dream creation until the transaction ends, so that two concurrent creates
 * cannot both slip under the daily limit. An advisory lock: no row (and no FK check) waits on it.
 */
export async function lockUserDreams(db: Executor, userId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`dreams:${userId}`}, 0))`.execute(db);
}

/** Dreams the user logged from `dayStart` (their local day's start, core/src/time) up to `at`. */
export async function countDreamsOnLocalDay(
  db: Executor,
  userId: number,
  at: Date,
  dayStart: Date,
): Promise<number> {
  const r = await db
    .selectFrom('dreams')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('createdAt', '>=', dayStart)
    .where('createdAt', '<=', at)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function applyFilters<O>(
  q: SelectQueryBuilder<DB & { d: DB['dreams'] }, 'd', O>,
  userId: number,
  f: DreamFilters,
): SelectQueryBuilder<DB & { d: DB['dreams'] }, 'd', O> {
  let out = q.where('d.userId', '=', userId);
  if (f.q) out = out.where(sql<boolean>`d.search @@ ${tsQuery(f.q)}`);
  if (f.category) out = out.where('d.category', '=', f.category);
  if (f.emotion) out = out.where(sql<boolean>`d.emotions @> array[${f.emotion}]::text[]`);
  if (f.tag) out = out.where(sql<boolean>`d.tags @> array[${f.tag}]::text[]`);
  if (f.lucid !== undefined) out = out.where('d.lucid', '=', f.lucid);
  const tz = f.timezone ?? 'UTC';
  if (f.fromDay) {
    out = out.where('d.createdAt', '>=', sql<Date>`(${f.fromDay}::date::timestamp at time zone ${tz})`);
  }
  if (f.toDay) {
    out = out.where('d.createdAt', '<', sql<Date>`((${f.toDay}::date + 1)::timestamp at time zone ${tz})`);
  }
  return out;
}

/** A page of the user's journal, newest first (best match first when searching). */
export async function listDreams(
  db: Executor,
  userId: number,
  filters: DreamFilters,
  page: { limit: number; offset: number },
): Promise<{ items: Dream[]; total: number }> {
  // One statement: the page and, beside each row, the count of all matches (a window over the
  // same filtered set), so a journal page costs one round trip instead of two.
  let items = applyFilters(
    db.selectFrom('dreams as d').select(dreamColumns).select(sql<number>`count(*) over ()`.as('fullCount')),
    userId,
    filters,
  );
  if (filters.q) items = items.orderBy(sql`ts_rank(d.search, ${tsQuery(filters.q)})`, 'desc');
  const rows = await items
    .orderBy('d.createdAt', 'desc')
    .orderBy('d.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  if (rows.length > 0 || page.offset === 0) {
    return {
      items: rows.map(({ fullCount: _, ...row }) => fromRow(row)),
      total: Number(rows[0]?.fullCount ?? 0),
    };
  }
  // Past the last page there is no row to carry the count: ask for it alone.
  const count = await applyFilters(
    db.selectFrom('dreams as d').select((eb) => eb.fn.countAll<number>().as('n')),
    userId,
    filters,
  ).executeTakeFirstOrThrow();
  return { items: [], total: Number(count.n) };
}

const inFeed = (at: Date) => (eb: ExpressionBuilder<DB & { d: DB['dreams']; u: DB['users'] }, 'd' | 'u'>) =>
  eb.and([
    eb('d.visibility', '=', 'public'),
    eb('d.publicUntil', '>', at),
    eb('d.hiddenAt', 'is', null),
    eb('u.isBlocked', '=', false),
  ]);

/** Public dreams whose window is still open at `at`, newest share first. */
export async function listFeed(
  db: Executor,
  at: Date,
  page: { limit: number; offset: number },
): Promise<{ items: DreamWithAuthor[]; total: number }> {
  const items = await db
    .selectFrom('dreams as d')
    .innerJoin('users as u', 'u.id', 'd.userId')
    .select(dreamColumns)
    .select(['u.firstName as authorFirstName', 'u.username as authorUsername'])
    .where(inFeed(at))
    // public_until = shared_at + TTL, so this is "newest share first" and it walks the partial index.
    .orderBy('d.publicUntil', 'desc')
    .orderBy('d.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('dreams as d')
    .innerJoin('users as u', 'u.id', 'd.userId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inFeed(at))
    .executeTakeFirstOrThrow();
  return { items: items.map(fromRow), total: Number(count.n) };
}

/** Counts one view per viewer per dream; returns the new view counts of the dreams that got one. */
export async function recordDreamViews(
  db: Executor,
  dreamIds: string[],
  viewerId: number,
  at: Date,
): Promise<Map<string, number>> {
  if (!dreamIds.length) return new Map();
  const { rows } = await sql<{ id: string; views: number }>`
    with fresh as (
      insert into dream_views (dream_id, viewer_id, viewed_at)
      select unnest(${dreamIds}::uuid[]), ${viewerId}, ${at}
      on conflict do nothing
      returning dream_id
    )
    update dreams set views = views + 1
    where id in (select dream_id from fresh)
    returning id, views`.execute(db);
  return new Map(rows.map((r) => [r.id, Number(r.views)]));
}

/** Public dreams whose window has closed go back to private (they stay in the author's journal). */
export async function expirePublicDreams(db: Executor, at: Date): Promise<number> {
  const rows = await db
    .updateTable('dreams')
    .set({ visibility: 'private', updatedAt: at })
    .where('visibility', '=', 'public')
    .where('publicUntil', '<=', at)
    .returning('id')
    .execute();
  return rows.length;
}

// ---- insights -------------------------------------------------------------------------------

export interface DreamTotals {
  total: number;
  lucid: number;
}

export async function dreamTotals(db: Executor, userId: number): Promise<DreamTotals> {
  const r = await db
    .selectFrom('dreams')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.countAll<number>().filterWhere('lucid', '=', true).as('lucid'),
    ])
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), lucid: Number(r.lucid) };
}

export async function dreamCategoryCounts(
  db: Executor,
  userId: number,
): Promise<Array<{ category: string; count: number }>> {
  const rows = await db
    .selectFrom('dreams')
    .select((eb) => ['category', eb.fn.countAll<number>().as('count')])
    .where('userId', '=', userId)
    .where('category', 'is not', null)
    .groupBy('category')
    .orderBy('count', 'desc')
    .orderBy('category')
    .execute();
  return rows.map((r) => ({ category: r.category as string, count: Number(r.count) }));
}

/** The most frequent values of an array column (symbols, emotions, tags) across the user's dreams. */
export async function topDreamLabels(
  db: Executor,
  userId: number,
  column: 'symbols' | 'emotions' | 'tags',
  limit: number,
): Promise<Array<{ label: string; count: number }>> {
  const { rows } = await sql<{ label: string; count: number }>`
    select l.label, count(*)::int as count
    from dreams d cross join lateral unnest(d.${sql.ref(column)}) as l(label)
    where d.user_id = ${userId}
    group by l.label
    order by count desc, l.label
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ label: r.label, count: Number(r.count) }));
}

/**
 * Emotion counts per week (weeks start on Monday in the user's time zone) for the `weeks` weeks
 * ending with the one that contains `at`; every week is listed, empty ones with no emotions.
 */
export async function emotionsByWeek(
  db: Executor,
  userId: number,
  at: Date,
  timezone: string,
  weeks: number,
): Promise<Array<{ week: string; emotion: string | null; count: number }>> {
  const { rows } = await sql<{ week: string; emotion: string | null; count: number }>`
    with bounds as (
      select date_trunc('week', ${at}::timestamptz at time zone ${timezone}) as this_week
    ), week_list as (
      select generate_series(this_week - ${`${weeks - 1} weeks`}::interval, this_week, interval '1 week') as wk
      from bounds
    ), counted as (
      select date_trunc('week', d.created_at at time zone ${timezone}) as wk, e.emotion, count(*)::int as count
      from dreams d cross join lateral unnest(d.emotions) as e(emotion), bounds b
      where d.user_id = ${userId}
        and d.created_at >= ((b.this_week - ${`${weeks - 1} weeks`}::interval) at time zone ${timezone})
      group by 1, 2
    )
    select to_char(w.wk, 'IYYY-"W"IW') as week, c.emotion, coalesce(c.count, 0) as count
    from week_list w left join counted c on c.wk = w.wk
    order by w.wk, c.count desc nulls last, c.emotion`.execute(db);
  return rows.map((r) => ({ week: r.week, emotion: r.emotion, count: Number(r.count) }));
}

/** Runs of consecutive local days with at least one dream (oldest first) and days logged recently. */
export async function dreamDayRuns(
  db: Executor,
  userId: number,
  at: Date,
  timezone: string,
  recentDays: number,
  /** 'HH:MM': the user's day start (core/src/time); a dream before it counts for the day before. */
  dayStartsAt = '00:00',
): Promise<{ runs: Array<{ start: string; end: string; length: number }>; today: string; recent: number }> {
  const { rows } = await sql<{ start: string; end: string; length: number }>`
    with days as (
      select distinct ((created_at at time zone ${timezone}) - ${dayStartsAt}::interval)::date as day
      from dreams where user_id = ${userId}
    ), grouped as (
      select day, day - (row_number() over (order by day))::int as grp from days
    )
    select min(day)::text as start, max(day)::text as "end", count(*)::int as length
    from grouped group by grp order by min(day)`.execute(db);
  const meta = await sql<{ today: string; recent: number }>`
    select ((${at}::timestamptz at time zone ${timezone}) - ${dayStartsAt}::interval)::date::text as today,
      (select count(distinct ((created_at at time zone ${timezone}) - ${dayStartsAt}::interval)::date)::int from dreams
        where user_id = ${userId}
          and ((created_at at time zone ${timezone}) - ${dayStartsAt}::interval)::date
            > ((${at}::timestamptz at time zone ${timezone}) - ${dayStartsAt}::interval)::date - ${recentDays}::int
          and created_at <= ${at}) as recent`.execute(db);
  const m = meta.rows[0];
  return {
    runs: rows.map((r) => ({ start: r.start, end: r.end, length: Number(r.length) })),
    today: m?.today ?? '',
    recent: Number(m?.recent ?? 0),
  };
}

/** Owners of dreams waiting for their analysis quota, those waiting longest first. */
export async function findUsersWithWaitingDreams(db: Executor, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('dreams')
    .select((eb) => ['userId', eb.fn.min('createdAt').as('since')])
    .where('analysisStatus', '=', 'waiting_quota')
    .groupBy('userId')
    .orderBy('since')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.userId));
}

/** A user's dreams waiting for their analysis quota, oldest first. */
export async function findWaitingDreams(db: Executor, userId: number, limit: number): Promise<Dream[]> {
  const rows = await db
    .selectFrom('dreams')
    .select(RETURNING)
    .where('userId', '=', userId)
    .where('analysisStatus', '=', 'waiting_quota')
    .orderBy('createdAt')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}
