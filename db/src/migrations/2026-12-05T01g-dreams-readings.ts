import { type Kysely, sql } from 'kysely';

/*
 * Readings: one short interpretation of a dream per lens (jung, cognitive, folk), asked for and
 * paid once; the dreamer's verdict ("fits" / "does not fit") steers later readings.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dream_readings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dream_id', 'uuid', (c) => c.notNull().references('dreams.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('lens', 'text', (c) => c.notNull().check(sql`lens in ('jung', 'cognitive', 'folk')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('offline', 'boolean', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.check(sql`verdict in ('fits', 'does_not_fit')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // One reading per dream and lens: asking again returns the stored one.
    .addUniqueConstraint('dream_readings_dream_lens', ['dream_id', 'lens'])
    .execute();
  // Verdicts per user, read before every new reading.
  await db.schema.createIndex('dream_readings_user').on('dream_readings').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dream_readings').execute();
}
