import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { BotContext } from '@mechta/bot';
import { AppError, type Core } from '@mechta/core';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import { authPlugin } from './plugins/auth.ts';
import { envelopePlugin } from './plugins/envelope.ts';
import { clientErrorHandler, errorsPlugin, frameworkErrors } from './plugins/errors.ts';
import { inputPlugin } from './plugins/input.ts';
import { securityHeadersPlugin } from './plugins/securityHeaders.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { dreamsRoutes } from './routes/dreams.ts';
import { type BotStatus, healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { mediaRoutes } from './routes/media.ts';
import { readingsRoutes } from './routes/readings.ts';
import { referralsRoutes } from './routes/referrals.ts';
import { walletRoutes } from './routes/wallet.ts';
import { webhookRoutes } from './routes/webhook.ts';
import { registerSharedSchemas } from './schemas/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    botUsername?: string;
  }
}

export const DEFAULT_MINIAPP_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../miniapp/dist',
);

export interface AppDeps {
  core: Core;
  bot?: Bot<BotContext>;
  botStatus?: BotStatus;
  /** Built Mini App to serve at `/` (default miniapp/dist). */
  miniappDir?: string;
  /** Body limit for JSON requests, bytes. */
  bodyLimit?: number;
}

/**
 * The HTTP app as a plugin tree: external plugins → app plugins → routes. It does not listen;
 * `server.ts` does, and tests use `inject`.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { core } = deps;
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps the app's type the plain FastifyInstance.
    loggerInstance: core.logger.child({ component: 'http' }) as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    // Off unless configured: with the port published directly, a trusted X-Forwarded-For would let
    // any client pick its own rate-limit key.
    trustProxy: core.config.http.trustProxy,
    frameworkErrors: frameworkErrors(core),
    clientErrorHandler: clientErrorHandler(core),
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (core.config.demoMode) {
    app.log.warn(
      { demo: true, env: core.config.env },
      'demo sign-in is on (POST /api/v1/auth/demo): anyone can sign in as the demo user',
    );
  } else if (!core.config.bot.token) {
    app.log.info('no BOT_TOKEN and no demo sign-in: set DEMO_MODE=true (or NODE_ENV=development) for one');
  }

  // Before any route: routes refer to these by `$id`.
  registerSharedSchemas(app);
  app.decorate('botUsername', deps.bot?.isInited() ? deps.bot.botInfo.username : undefined);
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });

  await app.register(securityHeadersPlugin);
  await app.register(errorsPlugin, { core });
  await app.register(envelopePlugin);
  await app.register(authPlugin, { core });
  await app.register(swagger, {
    // Shared schemas keep their `$id` as their name in components.schemas (instead of def-0, def-1…).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      info: {
        title: 'Mechta API',
        version: '0.1.0',
        description:
          'JSON API of the Mechta Mini App. Every /api/v1 response is an envelope ' +
          '{ok, result, error, meta}. Sign in with POST /api/v1/auth/telegram, then send Authorization: Bearer <token>.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes, { core, bot: deps.botStatus ?? { status: () => ({ state: 'off' }) } });
  // Only in webhook mode: grammY refuses to poll once a webhook callback exists for the bot.
  await app.register(webhookRoutes, {
    bot: core.config.bot.mode === 'webhook' ? deps.bot : undefined,
    secret: core.config.bot.webhookSecret,
  });
  await app.register(mediaRoutes, { core });

  await app.register(
    async (api) => {
      await api.register(rateLimit, {
        max: core.config.http.rateLimitPerMinute,
        timeWindow: 60_000,
        redis: core.cache.redis,
        nameSpace: 'ratelimit:',
        skipOnError: true,
        errorResponseBuilder: (_req, ctx) =>
          new AppError('RATE_LIMITED', 'rate limit exceeded', {
            details: { retry_after_seconds: Math.ceil(ctx.ttl / 1000) },
          }),
      });
      await api.register(inputPlugin);
      await api.register(authRoutes, { core });
      await api.register(meRoutes, { core });
      await api.register(walletRoutes, { core });
      await api.register(referralsRoutes, { core });
      await api.register(adminRoutes, { core });
      await api.register(dreamsRoutes, { core });
      await api.register(readingsRoutes, { core });
    },
    { prefix: '/api/v1' },
  );

  const miniappDir = deps.miniappDir ?? DEFAULT_MINIAPP_DIR;
  if (fs.existsSync(path.join(miniappDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: miniappDir,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      // The build writes .br and .gz beside each asset (miniapp/vite.config.ts): sent as they are.
      preCompressed: true,
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html')
        .send(
          '<!doctype html><title>Mechta</title><p>The Mini App is not built yet: run <code>pnpm build:miniapp</code>.</p>',
        ),
    );
  }
  return app;
}
