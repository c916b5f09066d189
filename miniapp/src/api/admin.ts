/** The admin part of `/api/v1` (api/src/routes/admin.ts); every route answers 404 to non-admins. */

import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];

export type AdminStats = Schemas['AdminStats'];
export type DailyPoint = AdminStats['series'][number];
export type AdminUser = Schemas['AdminUser'];
export type AdminUserDetails = Schemas['AdminUserDetails'];
export type AdminPayment = Schemas['Payment'];
export type TokenChange = Schemas['TokenChange'];
export type PlanChange = Schemas['PlanStatus'];
