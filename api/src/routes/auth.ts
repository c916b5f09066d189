import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError, type Core } from '@mechta/core';
import { readInitData } from '@mechta/core/auth/initData';
import { Type } from '@sinclair/typebox';
import { ExpiredError, validate } from '@telegram-apps/init-data-node';
import type { FastifyRequest } from 'fastify';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Ok, ok } from '../plugins/envelope.ts';
import {
  AuthOptionsSchema,
  InitDataBody,
  RefreshBody,
  SessionSchema,
  TokensSchema,
} from '../schemas/auth.ts';
import { ref } from '../schemas/registry.ts';
import { meOf } from './me.ts';

/** Init data older than this is refused (CONTRACT.md). */
const INIT_DATA_MAX_AGE_SECONDS = 24 * 3600;

/** The local demo user (only in demo mode, see `Config.demoMode`): an id no Telegram account has. */
export const DEMO_USER = {
  id: 1,
  first_name: 'Demo',
  last_name: 'Dreamer',
  username: 'demo',
  language_code: 'en',
};

export const authRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  const { config } = core;
  const tag = { tags: ['auth'] };

  async function tokensFor(req: FastifyRequest, user: Parameters<Core['profile']>[0]) {
    const tokens = await core.auth.signIn(user.id, req.headers['user-agent'] ?? null);
    return ok(req, { ...tokens, user: await meOf(core, user) });
  }

  app.get(
    '/auth/options',
    {
      schema: {
        ...tag,
        summary: 'How this server can be signed in to',
        response: {
          200: Ok(ref(AuthOptionsSchema)),
        },
      },
    },
    async (req) =>
      ok(req, {
        telegram: Boolean(config.bot.token),
        demo: config.demoMode,
        bot_username: app.botUsername ?? null,
      }),
  );

  app.post(
    '/auth/telegram',
    {
      schema: {
        ...tag,
        summary: "Sign in with the Mini App's Telegram init data",
        body: InitDataBody,
        response: { 200: Ok(ref(TokensSchema)), ...errorResponses },
      },
    },
    async (req) => {
      const token = config.bot.token;
      if (!token) throw new AppError('INIT_DATA_INVALID', 'this server has no bot token');
      try {
        validate(req.body.init_data, token, { expiresIn: INIT_DATA_MAX_AGE_SECONDS });
      } catch (err) {
        if (err instanceof ExpiredError) throw new AppError('INIT_DATA_EXPIRED');
        throw new AppError('INIT_DATA_INVALID', 'init data failed validation');
      }
      // The HMAC is the proof; the fields are read without init-data-node's parse(), which
      // demands a `signature` that clients before Bot API 8.0 do not send.
      const { user: tgUser } = readInitData(req.body.init_data, new Date());
      const { user } = await core.users.registerFromTelegram(tgUser);
      if (user.isBlocked) throw new AppError('USER_BLOCKED');
      return tokensFor(req, user);
    },
  );

  if (config.demoMode) {
    app.post(
      '/auth/demo',
      {
        schema: {
          ...tag,
          summary:
            'Local demo sign-in (only without a bot token, and with DEMO_MODE=true or NODE_ENV=development)',
          response: { 200: Ok(ref(TokensSchema)), ...errorResponses },
        },
      },
      async (req) => {
        const { user } = await core.users.registerFromTelegram(DEMO_USER);
        return tokensFor(req, user);
      },
    );
  }

  app.post(
    '/auth/refresh',
    {
      schema: {
        ...tag,
        summary: 'Exchange a refresh token for a new pair (the old refresh token stops working)',
        body: RefreshBody,
        response: { 200: Ok(ref(TokensSchema)), ...errorResponses },
      },
    },
    async (req) => {
      const tokens = await core.auth.refresh(req.body.refresh_token);
      const claims = await core.auth.verify(tokens.access_token);
      const user = await core.users.requireUser(claims.userId);
      return ok(req, { ...tokens, user: await meOf(core, user) });
    },
  );

  app.register(async (authed) => {
    authed.addHook('onRequest', authed.requireUser);

    authed.post(
      '/auth/logout',
      {
        schema: {
          ...tag,
          summary: 'End this session, or every session with {"all": true}',
          response: { 200: Ok(Type.Object({ ended: Type.Integer() })), ...errorResponses },
        },
      },
      async (req) => {
        // The body is optional ({"all": true} ends every session), so it is read without a schema.
        if ((req.body as { all?: unknown } | undefined)?.all === true)
          return ok(req, { ended: await core.auth.logoutEverywhere(userId(req)) });
        await core.auth.logout(req.auth!.sessionId);
        return ok(req, { ended: 1 });
      },
    );

    authed.get(
      '/auth/sessions',
      {
        schema: {
          ...tag,
          summary: 'Open sessions of the signed-in user',
          response: {
            200: Ok(Type.Array(ref(SessionSchema))),
            ...errorResponses,
          },
        },
      },
      async (req) => ok(req, await core.auth.listSessions(userId(req), req.auth!.sessionId)),
    );
  });
};
