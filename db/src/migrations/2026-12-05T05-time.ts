import { type Kysely, sql } from 'kysely';

/*
 * Time, one source of truth each: where the time zone came from (so the Mini App's detected zone
 * never overwrites a chosen one), when the user's day starts, and the morning reminder switched by
 * `notifications.morning` alone (reminder_time keeps the hour while it is off).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    // null: never set (UTC); 'auto': detected by the Mini App; 'user': chosen by the user.
    .addColumn('timezone_source', 'text', (c) => c.check(sql`timezone_source in ('auto', 'user')`))
    .addColumn('day_starts_at', 'text', (c) =>
      c.notNull().defaultTo('04:00').check(sql`day_starts_at ~ '^[0-2][0-9]:[0-5][0-9]$'`),
    )
    .execute();
  // The night a dream belongs to, fixed when it is written (a later zone change does not move it).
  await db.schema
    .alterTable('dreams')
    .addColumn('dream_date', 'text', (c) => c.check(sql`dream_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .execute();
  await sql`update dreams d set dream_date = to_char(
      (d.created_at at time zone u.timezone) - u.day_starts_at::interval, 'YYYY-MM-DD')
    from users u where u.id = d.user_id`.execute(db);
  // A zone other than the default was set in /settings or the Mini App: an explicit choice.
  await sql`update users set timezone_source = 'user' where timezone <> 'UTC'`.execute(db);
  // A reminder switched off by clearing its time: the switch says off, the time gets its default back.
  await sql`update users set notifications = jsonb_set(notifications, '{morning}', 'false'),
    reminder_time = '08:00' where reminder_time is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update users set reminder_time = null where notifications->>'morning' = 'false'`.execute(db);
  await db.schema.alterTable('dreams').dropColumn('dream_date').execute();
  await db.schema.alterTable('users').dropColumn('timezone_source').dropColumn('day_starts_at').execute();
}
