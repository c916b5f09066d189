import { sql } from 'kysely';
import type { Executor } from './repositories/users.ts';

/**
 * Bulk demo/benchmark data generated inside PostgreSQL (generate_series), so a million rows do not
 * cross the wire. Users get ids from `firstUserId`; dreams are spread evenly over them, over the
 * last year, in Russian and English, with analyses shaped like the offline analyser's.
 */
export async function seedUsers(db: Executor, opts: { firstUserId: number; count: number }): Promise<void> {
  await sql`
    insert into users (id, first_name, username, language, language_code, notifications, referral_code)
    select ${opts.firstUserId}::bigint + g, 'Dreamer ' || g, 'dreamer_' || g,
           case when g % 3 = 0 then 'en' else 'ru' end, case when g % 3 = 0 then 'en' else 'ru' end,
           '{"morning":true,"rituals":true,"weekly":true,"generations":true,"resonances":true}'::jsonb,
           'seed' || (${opts.firstUserId}::bigint + g)
    from generate_series(0, ${opts.count - 1}::int) g
    on conflict (id) do nothing`.execute(db);
}

const RU = [
  'Мне снилось, что я летал над ночным городом и огни внизу мерцали',
  'За мной гнались по тёмным переулкам, и шаги становились всё ближе',
  'Я бродил по бесконечному коридору школы, лампы мигали',
  'Мой дом превращался в лес, стены прорастали ветвями',
  'Лестница вела вниз, но я поднимался всё выше, и вода текла вверх',
  'Старый замок, холодный туман и тени на стенах',
  'Я плыл по морю под звёздами, и рыбы светились',
  'Поезд ехал без машиниста через поля подсолнухов',
];
const EN = [
  'I was flying over mountains at sunrise, gliding between the peaks',
  'Something chased me through a dark forest and I could not scream',
  'I walked an empty mall at night under humming fluorescent lights',
  'My hands turned into feathers and the room melted into the sea',
  'Gravity reversed and the furniture floated up to the ceiling',
  'A gothic cathedral full of candles and whispering statues',
  'I found a door in my kitchen that led to my grandmother garden',
  'The ocean was made of glass and whales sang under my feet',
];
const CATEGORIES = ['flight', 'chase', 'liminal', 'transformation', 'physics', 'gothic', 'other', 'other'];
const EMOTIONS = ['fear', 'joy', 'wonder', 'calm', 'anxiety', 'sadness', 'awe', 'curiosity'];
const SYMBOLS = ['city', 'forest', 'corridor', 'house', 'stairs', 'castle', 'sea', 'train'];

/** Inserts `count` dreams spread over users firstUserId … firstUserId + users − 1. */
export async function seedDreams(
  db: Executor,
  opts: { firstUserId: number; users: number; count: number; batch?: number },
): Promise<void> {
  const batch = opts.batch ?? 100_000;
  for (let from = 0; from < opts.count; from += batch) {
    const to = Math.min(opts.count, from + batch) - 1;
    await sql`
      insert into dreams (id, user_id, text, title, lucid, mood, language, source, analysis, analysis_status,
                          category, emotions, tags, symbols, image_status, created_at, updated_at)
      select gen_random_uuid(),
             ${opts.firstUserId}::bigint + (g % ${opts.users}::int),
             case when g % 3 = 0 then (${EN}::text[])[1 + g % 8] || ', and then ' || (${EN}::text[])[1 + (g / 8) % 8] || '.'
                  else (${RU}::text[])[1 + g % 8] || ', а потом ' || lower((${RU}::text[])[1 + (g / 8) % 8]) || '.' end,
             'Dream #' || g, g % 7 = 0, 1 + g % 5,
             case when g % 3 = 0 then 'en' else 'ru' end, 'bot',
             jsonb_build_object('title', 'Dream #' || g, 'category', (${CATEGORIES}::text[])[1 + g % 8],
               'themes', jsonb_build_array((${SYMBOLS}::text[])[1 + g % 8]), 'emotions', jsonb_build_array((${EMOTIONS}::text[])[1 + g % 8]),
               'symbols', jsonb_build_array((${SYMBOLS}::text[])[1 + g % 8], (${SYMBOLS}::text[])[1 + (g / 8) % 8]),
               'narrative', 'A seeded dream for load tests.', 'tags', jsonb_build_array((${CATEGORIES}::text[])[1 + g % 8]),
               'confidence', 0.7, 'visual_prompt', 'ethereal seeded scene', 'video_prompt', 'POV seeded shot',
               'provider', 'offline', 'offline', true),
             'done', (${CATEGORIES}::text[])[1 + g % 8],
             array[(${EMOTIONS}::text[])[1 + g % 8]], array[(${CATEGORIES}::text[])[1 + g % 8]],
             array[(${SYMBOLS}::text[])[1 + g % 8], (${SYMBOLS}::text[])[1 + (g / 8) % 8]],
             'none',
             now() - make_interval(secs => (g % 31536000)::double precision),
             now()
      from generate_series(${from}::int, ${to}::int) g`.execute(db);
  }
  await sql`analyze dreams`.execute(db);
  await sql`analyze users`.execute(db);
}

export async function countRows(db: Executor, table: 'users' | 'dreams'): Promise<number> {
  const r = await sql<{ n: string }>`select count(*)::bigint as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The query plan PostgreSQL picks for a statement (EXPLAIN ANALYZE), as text lines. */
export async function explain(
  db: Executor,
  statement: { sql: string; parameters: readonly unknown[] },
): Promise<string[]> {
  const r = await db.executeQuery<{ 'QUERY PLAN': string }>({
    sql: `explain (analyze, buffers off, costs off) ${statement.sql}`,
    parameters: statement.parameters,
    query: { kind: 'RawNode' } as never,
    queryId: { queryId: 'explain' },
  });
  return r.rows.map((row) => Object.values(row)[0] as string);
}
