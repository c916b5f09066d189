import { type Kysely, sql } from 'kysely';

/*
 * The daily quota limits the analysis, not the journal: a dream over it is kept as `waiting_quota`
 * and analysed when the quota allows; a "no AI" save is `skipped`. The mood on waking sits beside
 * the mood before sleep, on the same 1..5 scale.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table dreams drop constraint if exists dreams_analysis_status_check`.execute(db);
  await sql`alter table dreams add constraint dreams_analysis_status_check
    check (analysis_status in ('pending', 'done', 'failed', 'waiting_quota', 'skipped'))`.execute(db);
  await db.schema
    .alterTable('dreams')
    .addColumn('mood_on_waking', 'smallint', (c) => c.check(sql`mood_on_waking between 1 and 5`))
    .execute();
  // The sweep looks for owners with waiting dreams, oldest first; few rows ever match.
  await sql`create index dreams_waiting_quota on dreams (user_id, created_at)
    where analysis_status = 'waiting_quota'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists dreams_waiting_quota`.execute(db);
  await db.schema.alterTable('dreams').dropColumn('mood_on_waking').execute();
  await sql`update dreams set analysis_status = 'failed' where analysis_status in ('waiting_quota', 'skipped')`.execute(
    db,
  );
  await sql`alter table dreams drop constraint if exists dreams_analysis_status_check`.execute(db);
  await sql`alter table dreams add constraint dreams_analysis_status_check
    check (analysis_status in ('pending', 'done', 'failed'))`.execute(db);
}
