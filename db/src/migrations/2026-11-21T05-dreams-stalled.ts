import { type Kysely, sql } from 'kysely';

// The stalled-work sweeper looks only at dreams with work in flight: a handful among millions.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index dreams_in_flight on dreams (updated_at)
    where analysis_status = 'pending' or image_status = 'pending' or video_status in ('pending', 'processing')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists dreams_in_flight`.execute(db);
}
