import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Files under DATA_DIR/media; `path` is relative to DATA_DIR so the folder can move.
  await db.schema
    .createTable('media')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('dream_id', 'uuid')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('image', 'video', 'audio', 'file')`))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('bytes', 'bigint', (c) => c.notNull().check(sql`bytes >= 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('media_user').on('media').column('user_id').execute();

  await db.schema
    .createTable('dreams')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('lucid', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('mood', 'smallint', (c) => c.check(sql`mood between 1 and 5`))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('ru', 'en')`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('bot', 'api')`))
    .addColumn('analysis', 'jsonb')
    .addColumn('analysis_status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`analysis_status in ('pending', 'done', 'failed')`),
    )
    // Copied out of `analysis` so that filters and insights are plain column reads.
    .addColumn('category', 'text')
    .addColumn('emotions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('symbols', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('provider', 'text')
    .addColumn('model', 'text')
    .addColumn('prompt_tokens', 'integer')
    .addColumn('completion_tokens', 'integer')
    .addColumn('cost_usd', sql`numeric(12, 6)`)
    .addColumn('processing_ms', 'integer')
    .addColumn('image_media_id', 'uuid', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('image_status', 'text', (c) =>
      c.notNull().defaultTo('none').check(sql`image_status in ('none', 'pending', 'done', 'failed')`),
    )
    .addColumn('image_offline', 'boolean', (c) => c.notNull().defaultTo(false))
    // Why there is no image when the analysis could not pay for one (QUOTA_EXCEEDED, INSUFFICIENT_TOKENS).
    .addColumn('image_skip_reason', 'text')
    .addColumn('video_status', 'text', (c) =>
      c.check(sql`video_status in ('pending', 'processing', 'completed', 'failed')`),
    )
    .addColumn('video_progress', 'smallint', (c) =>
      c.notNull().defaultTo(0).check(sql`video_progress between 0 and 100`),
    )
    // Each video request is charged under its own key (a refunded key is closed for good).
    .addColumn('video_attempts', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('video_external_id', 'text')
    .addColumn('video_media_id', 'uuid', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('video_error', 'text')
    .addColumn('visibility', 'text', (c) =>
      c.notNull().defaultTo('private').check(sql`visibility in ('private', 'public')`),
    )
    .addColumn('anonymous', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('shared_at', 'timestamptz')
    .addColumn('public_until', 'timestamptz')
    // Set by moderation: a hidden dream leaves the feed whatever its window says.
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Both configurations: Russian stems Cyrillic words (летал → лета), English stems Latin ones;
    // a query is tried in both, so a dream is found whatever language it or the query is in.
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(sql`(
        setweight(to_tsvector('russian', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('russian', text), 'B') ||
        setweight(to_tsvector('english', text), 'B') ||
        setweight(to_tsvector('russian', coalesce(analysis ->> 'narrative', '')), 'C') ||
        setweight(to_tsvector('english', coalesce(analysis ->> 'narrative', '')), 'C')
      )`)
        .stored(),
    )
    .execute();

  await sql`alter table media add constraint media_dream_fk foreign key (dream_id) references dreams (id) on delete cascade`.execute(
    db,
  );
  await db.schema
    .createIndex('media_dream')
    .on('media')
    .column('dream_id')
    .where('dream_id', 'is not', null)
    .execute();

  // A journal page, the daily-limit count and every per-user filter start from this index: a user
  // has a few dozen dreams, so the other conditions are checked on that handful of rows.
  await sql`create index dreams_user_created on dreams (user_id, created_at desc, id desc)`.execute(db);
  // The feed: only rows that are public at all, ordered by when their window ends.
  await sql`create index dreams_public_until on dreams (public_until desc) where visibility = 'public'`.execute(
    db,
  );
  // Across all users (resonance matching, admin search); per user the index above is cheaper.
  await sql`create index dreams_search on dreams using gin (search)`.execute(db);
  await sql`create index dreams_emotions on dreams using gin (emotions)`.execute(db);
  await sql`create index dreams_tags on dreams using gin (tags)`.execute(db);
  await sql`create index dreams_symbols on dreams using gin (symbols)`.execute(db);
  // Stale jobs and admin stats read by creation time.
  await db.schema.createIndex('dreams_created').on('dreams').column('created_at').execute();

  // One row per (dream, viewer): a view is counted once per person.
  await db.schema
    .createTable('dream_views')
    .addColumn('dream_id', 'uuid', (c) => c.notNull().references('dreams.id').onDelete('cascade'))
    .addColumn('viewer_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('viewed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('dream_views_pk', ['dream_id', 'viewer_id'])
    .execute();
  await db.schema.createIndex('dream_views_viewer').on('dream_views').column('viewer_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dream_views').ifExists().execute();
  await sql`alter table if exists media drop constraint if exists media_dream_fk`.execute(db);
  await db.schema.dropTable('dreams').ifExists().execute();
  await db.schema.dropTable('media').ifExists().execute();
}
