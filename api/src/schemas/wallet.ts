import { LEDGER_KINDS } from '@mechta/core';
import { Type } from '@sinclair/typebox';
import { Nullable } from '../plugins/envelope.ts';
import { DateTime, ref, StringEnum } from './registry.ts';

/** The shapes of the wallet routes (api/src/routes/wallet.ts), shared with the admin screens. */

export const PlanSchema = StringEnum(['free', 'pro'] as const, { $id: 'Plan' });
export const Plan = ref(PlanSchema);

const Quota = Type.Object({ used: Type.Integer(), limit: Type.Integer() });
export const QuotasSchema = Type.Object({ text: Quota, image: Quota }, { $id: 'Quotas' });
export const Quotas = ref(QuotasSchema);

const offerId = Type.String({ description: 'Pass it to POST /wallet/invoice' });
const stars = Type.Integer({ description: 'Price in Telegram Stars' });

/** Something Telegram Stars buy: a token pack or a pro pass. */
export const OfferSchema = Type.Union(
  [
    Type.Object(
      {
        id: offerId,
        kind: Type.Literal('tokens'),
        tokens: Type.Integer({ description: 'Tokens the pack adds' }),
        stars,
        title: Type.String(),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        id: offerId,
        kind: Type.Literal('pass'),
        hours: Type.Integer({ description: 'How long the pro pass lasts' }),
        stars,
        title: Type.String(),
      },
      { additionalProperties: false },
    ),
  ],
  { $id: 'Offer' },
);
export const Offer = ref(OfferSchema);

export const PricesSchema = Type.Object(
  {
    analysis: Type.Integer(),
    image: Type.Integer(),
    video: Type.Integer(),
    story: Type.Integer(),
    lora_training: Type.Integer(),
    photo: Type.Integer(),
    reading: Type.Integer(),
  },
  { $id: 'Prices', description: 'Tokens each AI action costs', additionalProperties: false },
);

export const WalletSchema = Type.Object(
  {
    balance: Type.Integer(),
    plan: Plan,
    pass_expires_at: Nullable(DateTime),
    quotas: Quotas,
    prices: ref(PricesSchema),
    offers: Type.Array(Offer),
    quota_resets_at: Type.String({ format: 'date-time', description: "The user's next local midnight" }),
    plan_quotas: Type.Object(
      {
        free: Type.Object({ text: Type.Integer(), image: Type.Integer() }, { additionalProperties: false }),
        pro: Type.Object({ text: Type.Integer(), image: Type.Integer() }, { additionalProperties: false }),
      },
      { description: 'Daily quotas of each plan, so the wallet can show what Pro lifts them to' },
    ),
  },
  { $id: 'Wallet', additionalProperties: false },
);

export const LedgerEntrySchema = Type.Object(
  {
    id: Type.Integer(),
    kind: StringEnum(LEDGER_KINDS),
    delta: Type.Integer({ description: 'Positive adds tokens, negative takes them' }),
    balance_after: Type.Integer(),
    reason: Nullable(Type.String()),
    action: Nullable(Type.String({ description: 'The AI action a spend or refund was for' })),
    label: Type.String({ description: 'The kind in the user’s language' }),
    created_at: DateTime,
  },
  { $id: 'LedgerEntry', additionalProperties: false },
);

export const InvoiceSchema = Type.Object(
  { invoice_link: Type.String(), offer: Offer },
  { $id: 'Invoice', additionalProperties: false },
);

export const InvoiceBody = Type.Object(
  { offer_id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
