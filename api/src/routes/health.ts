import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '@mechta/core';
import { type Static, Type } from '@sinclair/typebox';

const Status = Type.Union([Type.Literal('ok'), Type.Literal('down'), Type.Literal('off')]);
// The bot also comes up in steps: 'starting', then 'retrying' while Telegram cannot be reached.
const BotState = Type.Union([
  Type.Literal('ok'),
  Type.Literal('starting'),
  Type.Literal('retrying'),
  Type.Literal('down'),
  Type.Literal('off'),
]);

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  database: Status,
  redis: Status,
  queue: Status,
  bot: Type.Object({
    state: BotState,
    mode: Type.Optional(Type.String()),
    username: Type.Optional(Type.String()),
  }),
  version: Type.String(),
  uptime_seconds: Type.Number(),
});

export interface BotStatus {
  /** 'off' without BOT_TOKEN, else the delivery mode and whether it is running. */
  status(): { state: Static<typeof BotState>; mode?: string; username?: string };
}

/** GET /health: 200 while the database answers, 503 when it does not. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ core: Core; bot: BotStatus }> = async (
  app,
  { core, bot },
) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and the state of every dependency',
        response: {
          200: HealthSchema,
          503: HealthSchema,
        },
      },
    },
    async (_req, reply) => {
      const { database, redis, queue } = await core.health();
      const botState = bot.status();
      const allOk = redis !== 'down' && queue === 'ok' && ['ok', 'off'].includes(botState.state);
      if (database === 'down') reply.status(503);
      return {
        status: database === 'down' ? ('down' as const) : allOk ? ('ok' as const) : ('degraded' as const),
        database,
        redis,
        queue,
        bot: botState,
        version: '0.1.0',
        uptime_seconds: Math.round(process.uptime()),
      };
    },
  );
};
