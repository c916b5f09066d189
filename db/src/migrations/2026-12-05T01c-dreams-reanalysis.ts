import type { Kysely } from 'kysely';

// Each re-analysis a user asks for is charged under its own key (`dream:<id>:reanalysis:<n>`); the
// count on the row names the key of the one in flight, so a failure or the sweeper refunds that one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('dreams')
    .addColumn('reanalyses', 'smallint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dreams').dropColumn('reanalyses').execute();
}
