import { sql } from 'kysely';
import type { DreamReading, NewDreamReading, ReadingLens, ReadingVerdict } from '../schema.ts';
import type { Executor } from './users.ts';

/** Stores a reading unless the dream already has one for the lens; answers the stored one either way. */
export async function insertReading(db: Executor, reading: NewDreamReading): Promise<DreamReading> {
  const inserted = await db
    .insertInto('dreamReadings')
    .values(reading)
    .onConflict((oc) => oc.columns(['dreamId', 'lens']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return inserted;
  const existing = await findReading(db, reading.dreamId, reading.lens);
  if (!existing) throw new Error('reading vanished after a conflicting insert');
  return existing;
}

export async function findReading(
  db: Executor,
  dreamId: string,
  lens: ReadingLens,
): Promise<DreamReading | undefined> {
  return db
    .selectFrom('dreamReadings')
    .selectAll()
    .where('dreamId', '=', dreamId)
    .where('lens', '=', lens)
    .executeTakeFirst();
}

export async function findReadingById(db: Executor, id: string): Promise<DreamReading | undefined> {
  return db.selectFrom('dreamReadings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listReadings(db: Executor, dreamId: string): Promise<DreamReading[]> {
  return db
    .selectFrom('dreamReadings')
    .selectAll()
    .where('dreamId', '=', dreamId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Sets the verdict of the dream's reading; undefined when the reading is not the dream's. */
export async function setReadingVerdict(
  db: Executor,
  dreamId: string,
  readingId: string,
  verdict: ReadingVerdict | null,
  at: Date,
): Promise<DreamReading | undefined> {
  return db
    .updateTable('dreamReadings')
    .set({ verdict, updatedAt: at })
    .where('id', '=', readingId)
    .where('dreamId', '=', dreamId)
    .returningAll()
    .executeTakeFirst();
}

/** How many readings of each lens the user marked "fits" and "does not fit". */
export async function readingVerdictCounts(
  db: Executor,
  userId: number,
): Promise<{ lens: ReadingLens; fits: number; doesNotFit: number }[]> {
  const rows = await db
    .selectFrom('dreamReadings')
    .select([
      'lens',
      sql<number>`count(*) filter (where verdict = 'fits')::int`.as('fits'),
      sql<number>`count(*) filter (where verdict = 'does_not_fit')::int`.as('doesNotFit'),
    ])
    .where('userId', '=', userId)
    .where('verdict', 'is not', null)
    .groupBy('lens')
    .execute();
  return rows;
}

/**
 * How many of the user's dreams since `since` (the given one included) carry each of `symbols`,
 * matched on the analysis's symbol labels.
 */
export async function countSymbolRecurrence(
  db: Executor,
  userId: number,
  symbols: string[],
  since: Date,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (symbols.length === 0) return counts;
  // CamelCasePlugin does not touch raw SQL, so the columns are spelt as stored.
  const { rows } = await sql<{ symbol: string; n: number }>`
    select s.symbol, count(d.id)::int as n
    from unnest(${symbols}::text[]) as s(symbol)
    left join dreams d
      on d.user_id = ${userId} and d.created_at >= ${since} and d.symbols @> array[s.symbol]
    group by s.symbol`.execute(db);
  for (const row of rows) counts.set(row.symbol, Number(row.n ?? 0));
  return counts;
}
