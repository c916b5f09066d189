import { type Kysely, sql } from 'kysely';

/*
 * A dream logged by voice keeps its voice note: the audio is a media row (kind `audio`, linked to
 * the dream, so deleting the dream deletes it) and the dream points at it for its `voice_url`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table dreams add column voice_media_id uuid references media (id) on delete set null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table dreams drop column if exists voice_media_id`.execute(db);
}
