import { type Kysely, sql } from 'kysely';

/*
 * A Stars refund becomes a recorded intent: the payment is marked `refunding` (who asked, when)
 * before Telegram is called outside any transaction, and the credit is reversed in a second
 * transaction afterwards. An intent left behind by a crash is found here and finished by the sweep.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table payments drop constraint payments_status_check`.execute(db);
  await sql`alter table payments add constraint payments_status_check
    check (status in ('paid', 'refunding', 'refunded'))`.execute(db);
  await db.schema
    .alterTable('payments')
    // The admin's Telegram id; no foreign key, like user_id, so the record outlives the account.
    .addColumn('refund_requested_by', 'bigint')
    .addColumn('refund_requested_at', 'timestamptz')
    // When the Telegram call now in flight started; null when none is. A stale one is taken over.
    .addColumn('refund_attempted_at', 'timestamptz')
    .addColumn('refund_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // Telegram's last answer when a refund attempt failed.
    .addColumn('refund_error', 'text')
    .execute();
  await sql`create index payments_refunding on payments (id) where status = 'refunding'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists payments_refunding`.execute(db);
  await sql`update payments set status = 'paid' where status = 'refunding'`.execute(db);
  await db.schema
    .alterTable('payments')
    .dropColumn('refund_requested_by')
    .dropColumn('refund_requested_at')
    .dropColumn('refund_attempted_at')
    .dropColumn('refund_attempts')
    .dropColumn('refund_error')
    .execute();
  await sql`alter table payments drop constraint payments_status_check`.execute(db);
  await sql`alter table payments add constraint payments_status_check
    check (status in ('paid', 'refunded'))`.execute(db);
}
