import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError, type Core, type Language, type Offer, type TelegramGateway } from '@mechta/core';
import { nextLocalMidnight } from '@mechta/core/wallet/day';
import type { LedgerEntry, LedgerKind } from '@mechta/db';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Fail, Nullable, Ok, ok, PageQuery, paginate } from '../plugins/envelope.ts';

const DateTime = Type.String({ format: 'date-time' });

const LEDGER_KINDS = [
  'welcome',
  'spend',
  'refund',
  'purchase',
  'purchase_refund',
  'referral_inviter',
  'referral_invitee',
  'grant',
  'revoke',
] as const satisfies readonly LedgerKind[];

export const PlanSchema = Type.Union([Type.Literal('free'), Type.Literal('pro')]);

const Quota = Type.Object({ used: Type.Integer(), limit: Type.Integer() });
export const QuotasSchema = Type.Object({ text: Quota, image: Quota });

export const OfferSchema = Type.Object({
  id: Type.String({ description: 'Pass it to POST /wallet/invoice' }),
  kind: Type.Union([Type.Literal('tokens'), Type.Literal('pass')]),
  tokens: Type.Optional(Type.Integer({ description: 'Tokens a token pack adds' })),
  hours: Type.Optional(Type.Integer({ description: 'How long a pro pass lasts' })),
  stars: Type.Integer({ description: 'Price in Telegram Stars' }),
  title: Type.String(),
});

const Prices = Type.Object(
  {
    analysis: Type.Integer(),
    image: Type.Integer(),
    video: Type.Integer(),
    story: Type.Integer(),
    lora_training: Type.Integer(),
    photo: Type.Integer(),
  },
  { description: 'Tokens each AI action costs' },
);

const WalletSchema = Type.Object({
  balance: Type.Integer(),
  plan: PlanSchema,
  pass_expires_at: Nullable(DateTime),
  quotas: QuotasSchema,
  prices: Prices,
  offers: Type.Array(OfferSchema),
  quota_resets_at: Type.String({ format: 'date-time', description: "The user's next local midnight" }),
});

const LedgerEntrySchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Unsafe<LedgerKind>(Type.String({ enum: [...LEDGER_KINDS] })),
  delta: Type.Integer({ description: 'Positive adds tokens, negative takes them' }),
  balance_after: Type.Integer(),
  reason: Nullable(Type.String()),
  action: Nullable(Type.String({ description: 'The AI action a spend or refund was for' })),
  label: Type.String({ description: 'The kind in the user’s language' }),
  created_at: DateTime,
});

/** An offer as the Mini App lists it, titled in the reader's language. */
export function offerView(core: Core, language: Language, offer: Offer) {
  const args: Record<string, number> =
    offer.kind === 'tokens' ? { tokens: offer.tokens } : { hours: offer.hours };
  return { ...offer, title: core.translator.t(language, `wallet-invoice-${offer.kind}-title`, args) };
}

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

  const ledgerView = (language: Language, e: LedgerEntry) => ({
    id: e.id,
    kind: e.kind,
    delta: e.delta,
    balance_after: e.balanceAfter,
    reason: e.reason,
    action: e.action,
    label: core.translator.t(language, `wallet-kind-${e.kind}`),
    created_at: e.createdAt.toISOString(),
  });

  app.get(
    '/wallet',
    {
      schema: {
        ...tag,
        summary: 'Balance, plan, today’s quotas, prices and what can be bought',
        response: { 200: Ok(WalletSchema), ...errorResponses },
      },
    },
    async (req) => {
      const id = userId(req);
      const user = await core.users.requireUser(id);
      const view = await core.wallet.getBalance(id);
      return ok(req, {
        balance: view.balance,
        plan: view.plan,
        pass_expires_at: view.passExpiresAt?.toISOString() ?? null,
        quotas: view.quotas,
        prices: core.wallet.prices(),
        offers: core.wallet.offers().map((o) => offerView(core, req.language, o)),
        quota_resets_at: nextLocalMidnight(core.now(), user.timezone).toISOString(),
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
        response: { 200: Ok(Type.Array(LedgerEntrySchema)), ...errorResponses },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.page_size ?? 20;
      const { items, total } = await core.wallet.ledger(userId(req), { page, pageSize });
      paginate(req, page, pageSize, total);
      return ok(
        req,
        items.map((e) => ledgerView(req.language, e)),
      );
    },
  );

  app.post(
    '/wallet/invoice',
    {
      schema: {
        ...tag,
        summary: 'A Telegram Stars invoice link for an offer (open it with WebApp.openInvoice)',
        body: Type.Object(
          { offer_id: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Ok(Type.Object({ invoice_link: Type.String(), offer: OfferSchema })),
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
      return ok(req, { invoice_link: link, offer: offerView(core, req.language, offer) });
    },
  );
};
