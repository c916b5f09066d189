import { Type } from '@sinclair/typebox';
import { Nullable } from '../plugins/envelope.ts';
import { Me } from './me.ts';

/** The shapes of the sign-in routes (api/src/routes/auth.ts). */

export const AuthOptionsSchema = Type.Object(
  { telegram: Type.Boolean(), demo: Type.Boolean(), bot_username: Nullable(Type.String()) },
  { $id: 'AuthOptions', additionalProperties: false },
);

export const TokensSchema = Type.Object(
  {
    access_token: Type.String(),
    refresh_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer(),
    session_id: Type.String(),
    user: Me,
  },
  { $id: 'Tokens', additionalProperties: false },
);

export const SessionSchema = Type.Object(
  {
    id: Type.String(),
    user_agent: Nullable(Type.String()),
    created_at: Type.String(),
    last_used_at: Type.String(),
    expires_at: Type.String(),
    current: Type.Boolean(),
  },
  { $id: 'Session', additionalProperties: false },
);

export const InitDataBody = Type.Object(
  { init_data: Type.String({ minLength: 1, maxLength: 8192 }) },
  { additionalProperties: false },
);

export const RefreshBody = Type.Object(
  { refresh_token: Type.String({ minLength: 10 }) },
  { additionalProperties: false },
);
