import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Core, toAdminStatsView, toAdminUserView, toAdminWalletView, toPaymentView } from '@mechta/core';
import { Type } from '@sinclair/typebox';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Fail, Ok, ok, paginate } from '../plugins/envelope.ts';
import {
  AdminIdParams,
  AdminPaymentsQuery,
  AdminStatsSchema,
  AdminUser,
  AdminUserDetailsSchema,
  AdminUsersQuery,
  Payment,
  PlanBody,
  PlanStatusSchema,
  TokenChangeSchema,
  TokensBody,
} from '../schemas/admin.ts';
import { ref } from '../schemas/registry.ts';
import { requireTelegram } from './wallet.ts';

/** Admin screens of the Mini App. Only ADMIN_IDS get in; for everyone else these routes do not exist (404). */
export const adminRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireAdmin);
  const tag = { tags: ['admin'] };

  const adminUserView = async (user: Parameters<Core['profile']>[0]) =>
    toAdminUserView(await core.profile(user), user);

  app.get(
    '/admin/stats',
    {
      schema: {
        ...tag,
        summary: 'Dashboard figures and a 30-day daily series',
        response: { 200: Ok(ref(AdminStatsSchema)), ...errorResponses },
      },
    },
    async (req) => {
      return ok(req, toAdminStatsView(await core.admin.dashboard(30)));
    },
  );

  app.get(
    '/admin/users',
    {
      schema: {
        ...tag,
        summary: 'Find users by Telegram id, @username or first name (all users without q)',
        querystring: AdminUsersQuery,
        response: { 200: Ok(Type.Array(AdminUser)), ...errorResponses },
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
        params: AdminIdParams,
        response: { 200: Ok(ref(AdminUserDetailsSchema)), ...errorResponses },
      },
    },
    async (req) => {
      const { user, wallet } = await core.admin.userDetails(req.params.id);
      return ok(req, {
        user: await adminUserView(user),
        wallet: toAdminWalletView(wallet),
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
          params: AdminIdParams,
          response: { 200: Ok(AdminUser), ...errorResponses, 403: Fail },
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
        params: AdminIdParams,
        body: TokensBody,
        response: {
          200: Ok(ref(TokenChangeSchema)),
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
        params: AdminIdParams,
        body: PlanBody,
        response: { 200: Ok(ref(PlanStatusSchema)), ...errorResponses },
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
        querystring: AdminPaymentsQuery,
        response: { 200: Ok(Type.Array(Payment)), ...errorResponses },
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
      return ok(req, items.map(toPaymentView));
    },
  );

  app.post(
    '/admin/payments/:id/refund',
    {
      schema: {
        ...tag,
        summary: 'Refund the Stars and take back what they bought (409 when already refunded)',
        params: AdminIdParams,
        response: { 200: Ok(Payment), ...errorResponses, 409: Fail, 503: Fail },
      },
    },
    async (req) => {
      const result = await core.admin.refundPayment(req.params.id, {
        actorId: userId(req),
        telegram: () => requireTelegram(core, req),
      });
      return ok(req, toPaymentView(result.payment));
    },
  );
};
