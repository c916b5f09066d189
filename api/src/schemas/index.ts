import type { FastifyInstance } from 'fastify';
import { FailureSchema, MetaSchema } from '../plugins/envelope.ts';
import {
  AdminStatsSchema,
  AdminUserDetailsSchema,
  AdminUserSchema,
  PaymentSchema,
  PlanStatusSchema,
  TokenChangeSchema,
} from './admin.ts';
import { AuthOptionsSchema, SessionSchema, TokensSchema } from './auth.ts';
import {
  DeletedDreamSchema,
  DreamAnalysisSchema,
  DreamCategorySchema,
  DreamInsightsSchema,
  DreamSchema,
  DreamVideoSchema,
} from './dreams.ts';
import {
  CapabilitiesSchema,
  LanguageSchema,
  LimitsSchema,
  MeSchema,
  NotificationSettingsSchema,
  UserSchema,
} from './me.ts';
import { ReadingSchema } from './readings.ts';
import { ReferralsSchema } from './referrals.ts';
import {
  InvoiceSchema,
  LedgerEntrySchema,
  OfferSchema,
  PlanSchema,
  PricesSchema,
  QuotasSchema,
  WalletSchema,
} from './wallet.ts';

/**
 * Every named shape of /api/v1. Registered once on the root app, so routes refer to them by `$id`
 * and the OpenAPI document lists each once under components.schemas.
 */
export const SHARED_SCHEMAS = [
  MetaSchema,
  FailureSchema,
  AuthOptionsSchema,
  TokensSchema,
  SessionSchema,
  LanguageSchema,
  NotificationSettingsSchema,
  UserSchema,
  LimitsSchema,
  CapabilitiesSchema,
  MeSchema,
  PlanSchema,
  QuotasSchema,
  OfferSchema,
  PricesSchema,
  WalletSchema,
  LedgerEntrySchema,
  InvoiceSchema,
  ReferralsSchema,
  DreamCategorySchema,
  DreamAnalysisSchema,
  DreamVideoSchema,
  DreamSchema,
  DreamInsightsSchema,
  DeletedDreamSchema,
  ReadingSchema,
  AdminStatsSchema,
  AdminUserSchema,
  AdminUserDetailsSchema,
  PaymentSchema,
  PlanStatusSchema,
  TokenChangeSchema,
];

export function registerSharedSchemas(app: FastifyInstance): void {
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
}
