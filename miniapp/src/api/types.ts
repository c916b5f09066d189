/**
 * Names for the shapes the Mini App reads from `/api/v1`, all taken from the types generated from
 * the API's OpenAPI document (schema.gen.ts, `pnpm gen:api`): none is written by hand.
 */
import type { components, paths } from './schema.gen.ts';

type Schemas = components['schemas'];

export type Language = Schemas['Language'];
export type NotificationSettings = Schemas['NotificationSettings'];
/** The signed-in user, with the server's limits for the forms. */
export type User = Schemas['Me'];
export type Limits = Schemas['Limits'];
/** What `PATCH /api/v1/me` accepts: any subset of the settings. */
export type UserSettingsPatch = NonNullable<
  paths['/me']['patch']['requestBody']
>['content']['application/json'];
export type AuthResult = Schemas['Tokens'];
export type AuthOptions = Schemas['AuthOptions'];
export type EnvelopeMeta = Schemas['Meta'];
export type Pagination = NonNullable<EnvelopeMeta['pagination']>;
export type EnvelopeError = Schemas['Failure']['error'];
