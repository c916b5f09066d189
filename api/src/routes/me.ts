import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '@mechta/core';
import { Type } from '@sinclair/typebox';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Nullable, Ok, ok } from '../plugins/envelope.ts';

const Notifications = Type.Object({
  morning: Type.Boolean(),
  rituals: Type.Boolean(),
  weekly: Type.Boolean(),
  generations: Type.Boolean(),
  resonances: Type.Boolean(),
});

export const UserSchema = Type.Object({
  id: Type.Integer(),
  first_name: Type.String(),
  last_name: Nullable(Type.String()),
  username: Nullable(Type.String()),
  language: Type.Union([Type.Literal('ru'), Type.Literal('en')]),
  timezone: Type.String(),
  reminder_time: Nullable(Type.String()),
  birth_date: Nullable(Type.String()),
  notifications: Notifications,
  plan: Type.Union([Type.Literal('free'), Type.Literal('pro')]),
  is_admin: Type.Boolean(),
  referral_code: Type.String(),
  created_at: Type.String(),
});

export const meRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireUser);

  app.get(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'The signed-in user',
        response: { 200: Ok(UserSchema), ...errorResponses },
      },
    },
    async (req) => ok(req, await core.profile(await core.users.requireUser(userId(req)))),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Change settings (language, time zone, reminder, date of birth, notifications)',
        body: Type.Object(
          {
            language: Type.Optional(Type.String()),
            timezone: Type.Optional(Type.String({ maxLength: 64 })),
            reminder_time: Type.Optional(Nullable(Type.String({ maxLength: 5 }))),
            birth_date: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
            notifications: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
          },
          { additionalProperties: false },
        ),
        response: { 200: Ok(UserSchema), ...errorResponses },
      },
    },
    async (req) => {
      const user = await core.users.updateSettings(userId(req), req.body);
      req.language = user.language;
      return ok(req, await core.profile(user));
    },
  );
};
