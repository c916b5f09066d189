import { Type } from '@sinclair/typebox';
import { Nullable, NumericId, PageQuery } from '../plugins/envelope.ts';
import { UserSchema } from './me.ts';
import { DateTime, ref, StringEnum } from './registry.ts';
import { Plan, Quotas } from './wallet.ts';

/** The shapes of the admin routes (api/src/routes/admin.ts). */

export const AdminStatsSchema = Type.Object(
  {
    users: Type.Integer(),
    active_today: Type.Integer({ description: 'Users seen in the last 24 hours' }),
    active_week: Type.Integer({ description: 'Users seen in the last 7 days' }),
    payments: Type.Integer({ description: 'Payments not refunded' }),
    refunded_payments: Type.Integer(),
    stars_revenue: Type.Integer({ description: 'Stars of payments not refunded' }),
    tokens_issued: Type.Integer({ description: 'Welcome, purchases, referral bonuses and grants' }),
    tokens_spent: Type.Integer({ description: 'Spent on AI work, net of refunds' }),
    tokens_revoked: Type.Integer({ description: 'Taken back by admins and payment refunds' }),
    tokens_by_kind: Type.Record(Type.String(), Type.Integer()),
    series: Type.Array(
      Type.Object({
        day: Type.String({ format: 'date', description: 'UTC day' }),
        new_users: Type.Integer(),
        payments: Type.Integer({ description: 'Payments made that day, including any refunded since' }),
        stars_revenue: Type.Integer({ description: 'Stars of that day’s payments not refunded' }),
      }),
      { description: 'The last 30 days, oldest first, for charts' },
    ),
  },
  { $id: 'AdminStats', additionalProperties: false },
);

export const AdminUserSchema = Type.Object(
  {
    ...UserSchema.properties,
    is_blocked: Type.Boolean(),
    referred_by: Nullable(Type.Integer()),
    last_seen_at: DateTime,
  },
  { $id: 'AdminUser', additionalProperties: false },
);
export const AdminUser = ref(AdminUserSchema);

export const AdminUserDetailsSchema = Type.Object(
  {
    user: AdminUser,
    wallet: Type.Object({
      balance: Type.Integer(),
      plan: Plan,
      pass_expires_at: Nullable(DateTime),
      quotas: Quotas,
      payments: Type.Integer(),
      stars_paid: Type.Integer({ description: 'Stars of payments not refunded' }),
      referrals: Type.Integer({ description: 'Users this user invited' }),
    }),
  },
  { $id: 'AdminUserDetails', additionalProperties: false },
);

// A union of literals rather than an enum: the type provider types a query string's Unsafe as unknown.
const PaymentStatus = Type.Union(
  [Type.Literal('paid'), Type.Literal('refunding'), Type.Literal('refunded')],
  { description: 'refunding: a refund was asked for and is being finished' },
);

export const PaymentSchema = Type.Object(
  {
    id: Type.Integer(),
    user_id: Type.Integer(),
    offer_id: Type.String(),
    kind: StringEnum(['tokens', 'pass'] as const),
    tokens: Nullable(Type.Integer()),
    pass_hours: Nullable(Type.Integer()),
    amount: Type.Integer({ description: 'Stars paid' }),
    currency: Type.String(),
    status: PaymentStatus,
    telegram_charge_id: Type.String(),
    refunded_tokens: Nullable(Type.Integer({ description: 'Tokens taken back by the refund' })),
    refund_shortfall: Nullable(Type.Integer({ description: 'Tokens already spent when refunded' })),
    created_at: DateTime,
    refunded_at: Nullable(DateTime),
  },
  { $id: 'Payment', additionalProperties: false },
);
export const Payment = ref(PaymentSchema);

export const PlanStatusSchema = Type.Object(
  { plan: Plan, pass_expires_at: Nullable(DateTime) },
  { $id: 'PlanStatus', additionalProperties: false },
);

export const TokenChangeSchema = Type.Object(
  {
    change: Type.Integer({ description: 'What actually moved; a take-back stops at 0' }),
    balance: Type.Integer(),
  },
  { $id: 'TokenChange', additionalProperties: false },
);

export const AdminIdParams = Type.Object({ id: NumericId() });

export const AdminUsersQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 64 })),
});

export const AdminPaymentsQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(PaymentStatus),
  user_id: Type.Optional(NumericId()),
});

export const TokensBody = Type.Object(
  {
    amount: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
    reason: Type.String({ minLength: 1, maxLength: 200 }),
    idempotency_key: Type.Optional(
      Type.String({
        minLength: 8,
        maxLength: 64,
        description: 'Makes a retried request move the tokens only once',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PlanBody = Type.Union([
  Type.Object(
    { plan: Type.Literal('pro'), hours: Type.Integer({ minimum: 1, maximum: 87_600 }) },
    { additionalProperties: false },
  ),
  Type.Object({ plan: Type.Literal('free') }, { additionalProperties: false }),
]);
