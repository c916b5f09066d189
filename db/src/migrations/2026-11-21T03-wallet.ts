import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per user: the balance (kept equal to the ledger's sum) and the pro pass expiry. Every
  // balance change locks this row, which serialises a user's spends without a global lock.
  await db.schema
    .createTable('wallet_accounts')
    .addColumn('user_id', 'bigint', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('balance', 'integer', (c) => c.notNull().defaultTo(0).check(sql`balance >= 0`))
    .addColumn('pass_expires_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('offer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('tokens', 'pass')`))
    .addColumn('tokens', 'integer')
    .addColumn('pass_hours', 'integer')
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // Telegram may deliver the same successful_payment more than once; this makes the credit once.
    .addColumn('telegram_charge_id', 'text', (c) => c.notNull().unique())
    .addColumn('provider_charge_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('paid', 'refunded')`))
    .addColumn('refunded_tokens', 'integer')
    .addColumn('refund_shortfall', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('refunded_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('payments_user').on('payments').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('payments_created').on('payments').column('created_at').execute();

  await db.schema
    .createTable('wallet_ledger')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addColumn('balance_after', 'integer', (c) => c.notNull().check(sql`balance_after >= 0`))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('welcome', 'spend', 'refund', 'purchase', 'purchase_refund', 'referral_inviter', 'referral_invitee', 'grant', 'revoke')`,
        ),
    )
    .addColumn('action', 'text')
    .addColumn('quota_kind', 'text', (c) => c.check(sql`quota_kind in ('text', 'image')`))
    .addColumn('quota_day', 'date')
    // The job or update that caused the entry: a retried job finds its charge here instead of paying twice.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('reason', 'text')
    .addColumn('payment_id', 'bigint', (c) => c.references('payments.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('wallet_ledger_user').on('wallet_ledger').columns(['user_id', 'id']).execute();
  await db.schema
    .createIndex('wallet_ledger_kind')
    .on('wallet_ledger')
    .columns(['kind', 'created_at'])
    .execute();
  // Append-only: a correction is a new entry, never an edit (rows still go when their user is deleted).
  await sql`
    create function wallet_ledger_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'wallet_ledger is append-only';
    end $$`.execute(db);
  await sql`
    create trigger wallet_ledger_no_update before update on wallet_ledger
    for each row execute function wallet_ledger_append_only()`.execute(db);

  await db.schema
    .createTable('wallet_quota_usage')
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('text', 'image')`))
    .addColumn('used', 'integer', (c) => c.notNull().check(sql`used >= 0`))
    .addPrimaryKeyConstraint('wallet_quota_usage_pk', ['user_id', 'day', 'kind'])
    .execute();

  await db.schema
    .createTable('wallet_passes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('payment_id', 'bigint', (c) => c.references('payments.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('payment', 'admin')`))
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('wallet_passes_user').on('wallet_passes').column('user_id').execute();
  await db.schema.createIndex('wallet_passes_payment').on('wallet_passes').column('payment_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['wallet_passes', 'wallet_quota_usage', 'wallet_ledger', 'payments', 'wallet_accounts']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop function if exists wallet_ledger_append_only()`.execute(db);
}
