import { sql } from 'kysely';
import type { User } from '../schema.ts';
import type { Executor } from './users.ts';

/* SQL for the admin screens: finding users and the daily figures behind the dashboard charts. */

/** Escapes LIKE wildcards so a search for `a_b` finds `a_b`, not `axb`. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Users newest first. `q` finds an exact Telegram id, an @username (prefix, any case) or a first name
 * (substring); no `q` lists everyone.
 */
export async function searchUsers(
  db: Executor,
  opts: { q?: string; limit: number; offset: number },
): Promise<{ items: User[]; total: number }> {
  let base = db.selectFrom('users');
  const q = opts.q?.trim();
  if (q) {
    const id = /^\d{1,15}$/.test(q) ? Number(q) : undefined;
    const name = likeEscape(q.replace(/^@/, '').toLowerCase());
    base = base.where((eb) =>
      eb.or([
        ...(id !== undefined ? [eb('id', '=', id)] : []),
        eb(eb.fn('lower', ['username']), 'like', `${name}%`),
        ...(q.startsWith('@') ? [] : [eb(eb.fn('lower', ['firstName']), 'like', `%${name}%`)]),
      ]),
    );
  }
  const [items, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export interface DailyFigures {
  /** 'YYYY-MM-DD', UTC. */
  day: string;
  newUsers: number;
  /** Payments made that day, including any refunded since. */
  payments: number;
  /** Stars of that day's payments that have not been refunded. */
  starsRevenue: number;
}

/** New users and payments per UTC day since `since`; days without any are absent. */
export async function dailyFigures(db: Executor, since: Date): Promise<DailyFigures[]> {
  const day = sql<string>`to_char(${sql.ref('createdAt')} at time zone 'UTC', 'YYYY-MM-DD')`;
  const [users, payments] = await Promise.all([
    db
      .selectFrom('users')
      .select((eb) => [day.as('day'), eb.fn.countAll<number>().as('n')])
      .where('createdAt', '>=', since)
      .groupBy(sql`1`)
      .execute(),
    db
      .selectFrom('payments')
      .select((eb) => [
        day.as('day'),
        eb.fn.countAll<number>().as('n'),
        eb.fn.coalesce(eb.fn.sum<number>('amount').filterWhere('status', '=', 'paid'), eb.val(0)).as('stars'),
      ])
      .where('createdAt', '>=', since)
      .groupBy(sql`1`)
      .execute(),
  ]);
  const byDay = new Map<string, DailyFigures>();
  const at = (d: string) => {
    let row = byDay.get(d);
    if (!row) {
      row = { day: d, newUsers: 0, payments: 0, starsRevenue: 0 };
      byDay.set(d, row);
    }
    return row;
  };
  for (const u of users) at(u.day).newUsers = Number(u.n);
  for (const p of payments) {
    const row = at(p.day);
    row.payments = Number(p.n);
    row.starsRevenue = Number(p.stars);
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}
