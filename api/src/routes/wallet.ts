import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AppError,
  type Core,
  type TelegramGateway,
  toBalanceView,
  toLedgerEntryView,
  toOfferView,
} from '@mechta/core';
import { nextLocalMidnight } from '@mechta/core/wallet/day';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Fail, Ok, ok, PageQuery, paginate } from '../plugins/envelope.ts';
import { ref } from '../schemas/registry.ts';
import { InvoiceBody, InvoiceSchema, LedgerEntrySchema, WalletSchema } from '../schemas/wallet.ts';

/** The Telegram gateway, or a 503 that says why there is none. */
export function requireTelegram(core: Core, req: FastifyRequest): TelegramGateway {
  const telegram = core.telegram;
  if (!telegram) {
    throw new AppError('SERVICE_UNAVAILABLE', 'no Telegram bot is attached', {
      details: {
        reason: 'telegram_unavailable',
        message: core.translator.t(req.language, 'api-telegram-unavailable'),
      },
    });
  }
  return telegram;
}

export const walletRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireUser);
  const tag = { tags: ['wallet'] };

  app.get(
    '/wallet',
    {
      schema: {
        ...tag,
        summary: 'Balance, plan, today’s quotas, prices and what can be bought',
        response: { 200: Ok(ref(WalletSchema)), ...errorResponses },
      },
    },
    async (req) => {
      const id = userId(req);
      const user = await core.users.requireUser(id);
      return ok(req, {
        ...toBalanceView(await core.wallet.getBalance(id)),
        prices: core.wallet.prices(),
        offers: core.wallet.offers().map((o) => toOfferView(o, core.translator, req.language)),
        quota_resets_at: nextLocalMidnight(core.now(), user.timezone, user.dayStartsAt).toISOString(),
        plan_quotas: core.config.limits.quotas,
      });
    },
  );

  app.get(
    '/wallet/ledger',
    {
      schema: {
        ...tag,
        summary: 'Every change of the balance, newest first',
        querystring: PageQuery,
        response: { 200: Ok(Type.Array(ref(LedgerEntrySchema))), ...errorResponses },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.page_size ?? 20;
      const { items, total } = await core.wallet.ledger(userId(req), { page, pageSize });
      paginate(req, page, pageSize, total);
      return ok(
        req,
        items.map((e) => toLedgerEntryView(e, core.translator, req.language)),
      );
    },
  );

  app.post(
    '/wallet/invoice',
    {
      schema: {
        ...tag,
        summary: 'A Telegram Stars invoice link for an offer (open it with WebApp.openInvoice)',
        body: InvoiceBody,
        response: {
          200: Ok(ref(InvoiceSchema)),
          ...errorResponses,
          403: Fail,
          503: Fail,
        },
      },
    },
    async (req) => {
      const offer = core.wallet.offers().find((o) => o.id === req.body.offer_id);
      if (!offer) {
        throw new AppError('VALIDATION_FAILED', 'unknown offer', {
          fields: { offer_id: 'validation-offer' },
        });
      }
      const telegram = requireTelegram(core, req);
      const invoice = await core.wallet.invoice(userId(req), offer.id);
      let link: string;
      try {
        link = await telegram.createInvoiceLink(invoice);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('SERVICE_UNAVAILABLE', 'Telegram did not create the invoice link', {
          details: { reason: 'telegram_error' },
          cause: err,
        });
      }
      return ok(req, { invoice_link: link, offer: toOfferView(offer, core.translator, req.language) });
    },
  );
};
