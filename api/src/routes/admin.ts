import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '@mechta/core';
import type { Payment, User } from '@mechta/db';
import { Type } from '@sinclair/typebox';
import { userId } from '../plugins/auth.ts';
import {
  errorResponses,
  Fail,
  Nullable,
  NumericId,
  Ok,
  ok,
  PageQuery,
  paginate,
} from '../plugins/envelope.ts';
import { UserSchema } from './me.ts';
import { PlanSchema, QuotasSchema, requireTelegram } from './wallet.ts';

const DateTime = Type.String({ format: 'date-time' });

const StatsSchema = Type.Object({
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
});

const AdminUserSchema = Type.Object({
  ...UserSchema.properties,
  is_blocked: Type.Boolean(),
  referred_by: Nullable(Type.Integer()),
  last_seen_at: DateTime,
});

const AdminUserDetailsSchema = Type.Object({
  user: AdminUserSchema,
  wallet: Type.Object({
    balance: Type.Integer(),
    plan: PlanSchema,
    pass_expires_at: Nullable(DateTime),
    quotas: QuotasSchema,
    payments: Type.Integer(),
    stars_paid: Type.Integer({ description: 'Stars of payments not refunded' }),
    referrals: Type.Integer({ description: 'Users this user invited' }),
  }),
});

const PaymentStatus = Type.Union(
  [Type.Literal('paid'), Type.Literal('refunding'), Type.Literal('refunded')],
  {
    description: 'refunding: a refund was asked for and is being finished',
  },
);

const PaymentSchema = Type.Object({
  id: Type.Integer(),
  user_id: Type.Integer(),
  offer_id: Type.String(),
  kind: Type.Union([Type.Literal('tokens'), Type.Literal('pass')]),
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
});

const IdParams = Type.Object({ id: NumericId() });

const PlanStatusSchema = Type.Object({ plan: PlanSchema, pass_expires_at: Nullable(DateTime) });

const paymentView = (p: Payment) => ({
  id: p.id,
  user_id: p.userId,
  offer_id: p.offerId,
  kind: p.kind,
  tokens: p.tokens,
  pass_hours: p.passHours,
  amount: p.amount,
  currency: p.currency,
  status: p.status,
  telegram_charge_id: p.telegramChargeId,
  refunded_tokens: p.refundedTokens,
  refund_shortfall: p.refundShortfall,
  created_at: p.createdAt.toISOString(),
  refunded_at: p.refundedAt?.toISOString() ?? null,
});

/** Admin screens of the Mini App. Only ADMIN_IDS get in; for everyone else these routes do not exist (404). */
export const adminRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireAdmin);
  const tag = { tags: ['admin'] };

  async function adminUserView(user: User) {
    return {
      ...(await core.profile(user)),
      is_blocked: user.isBlocked,
      referred_by: user.referredBy,
      last_seen_at: user.lastSeenAt.toISOString(),
    };
  }

  app.get(
    '/admin/stats',
    {
      schema: {
        ...tag,
        summary: 'Dashboard figures and a 30-day daily series',
        response: { 200: Ok(StatsSchema), ...errorResponses },
      },
    },
    async (req) => {
      const s = await core.admin.dashboard(30);
      return ok(req, {
        users: s.users,
        active_today: s.activeToday,
        active_week: s.activeWeek,
        payments: s.payments,
        refunded_payments: s.refundedPayments,
        stars_revenue: s.starsRevenue,
        tokens_issued: s.tokensIssued,
        tokens_spent: s.tokensSpent,
        tokens_revoked: s.tokensRevoked,
        tokens_by_kind: s.tokensByKind,
        series: s.series.map((p) => ({
          day: p.day,
          new_users: p.newUsers,
          payments: p.payments,
          stars_revenue: p.starsRevenue,
        })),
      });
    },
  );

  app.get(
    '/admin/users',
    {
      schema: {
        ...tag,
        summary: 'Find users by Telegram id, @username or first name (all users without q)',
        querystring: Type.Object({
          ...PageQuery.properties,
          q: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: { 200: Ok(Type.Array(AdminUserSchema)), ...errorResponses },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.page_size ?? 20;
      const { items, total } = await core.admin.findUsers({ q: req.query.q, page, pageSize });
      paginate(req, page, pageSize, total);
      return ok(req, await Promise.all(items.map(adminUserView)));
    },
  );

  app.get(
    '/admin/users/:id',
    {
      schema: {
        ...tag,
        summary: 'A user with their wallet',
        params: IdParams,
        response: { 200: Ok(AdminUserDetailsSchema), ...errorResponses },
      },
    },
    async (req) => {
      const { user, wallet } = await core.admin.userDetails(req.params.id);
      return ok(req, {
        user: await adminUserView(user),
        wallet: {
          balance: wallet.balance,
          plan: wallet.plan,
          pass_expires_at: wallet.passExpiresAt?.toISOString() ?? null,
          quotas: wallet.quotas,
          payments: wallet.payments,
          stars_paid: wallet.starsPaid,
          referrals: wallet.referrals,
        },
      });
    },
  );

  for (const [action, blocked] of [
    ['block', true],
    ['unblock', false],
  ] as const) {
    app.post(
      `/admin/users/:id/${action}`,
      {
        schema: {
          ...tag,
          summary: blocked
            ? 'Block a user: their bot messages and API calls are refused (admins cannot be blocked)'
            : 'Unblock a user',
          params: IdParams,
          response: { 200: Ok(AdminUserSchema), ...errorResponses, 403: Fail },
        },
      },
      async (req) => ok(req, await adminUserView(await core.admin.setBlocked(req.params.id, blocked))),
    );
  }

  app.post(
    '/admin/users/:id/tokens',
    {
      schema: {
        ...tag,
        summary: 'Grant (positive amount) or take back (negative amount) tokens, with a reason',
        params: IdParams,
        body: Type.Object(
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
        ),
        response: {
          200: Ok(
            Type.Object({
              change: Type.Integer({ description: 'What actually moved; a take-back stops at 0' }),
              balance: Type.Integer(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { amount, reason, idempotency_key } = req.body;
      const key = idempotency_key ? `admin:${req.params.id}:${idempotency_key}` : undefined;
      return ok(req, await core.admin.adjustTokens(req.params.id, amount, reason, key));
    },
  );

  app.post(
    '/admin/users/:id/plan',
    {
      schema: {
        ...tag,
        summary: 'Give a pro pass of `hours` (extending a current one), or end the pass with plan free',
        params: IdParams,
        body: Type.Union([
          Type.Object(
            { plan: Type.Literal('pro'), hours: Type.Integer({ minimum: 1, maximum: 87_600 }) },
            { additionalProperties: false },
          ),
          Type.Object({ plan: Type.Literal('free') }, { additionalProperties: false }),
        ]),
        response: { 200: Ok(PlanStatusSchema), ...errorResponses },
      },
    },
    async (req) => {
      const status = await core.admin.setPlan(req.params.id, req.body);
      return ok(req, { plan: status.plan, pass_expires_at: status.passExpiresAt?.toISOString() ?? null });
    },
  );

  app.get(
    '/admin/payments',
    {
      schema: {
        ...tag,
        summary: 'Stars payments, newest first',
        querystring: Type.Object({
          ...PageQuery.properties,
          status: Type.Optional(PaymentStatus),
          user_id: Type.Optional(NumericId()),
        }),
        response: { 200: Ok(Type.Array(PaymentSchema)), ...errorResponses },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.page_size ?? 20;
      const { items, total } = await core.admin.listPayments({
        page,
        pageSize,
        status: req.query.status,
        userId: req.query.user_id,
      });
      paginate(req, page, pageSize, total);
      return ok(req, items.map(paymentView));
    },
  );

  app.post(
    '/admin/payments/:id/refund',
    {
      schema: {
        ...tag,
        summary: 'Refund the Stars and take back what they bought (409 when already refunded)',
        params: IdParams,
        response: { 200: Ok(PaymentSchema), ...errorResponses, 409: Fail, 503: Fail },
      },
    },
    async (req) => {
      const result = await core.admin.refundPayment(req.params.id, {
        actorId: userId(req),
        telegram: () => requireTelegram(core, req),
      });
      return ok(req, paymentView(result.payment));
    },
  );
};
