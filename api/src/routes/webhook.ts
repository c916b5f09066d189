import { timingSafeEqual } from 'node:crypto';
import type { BotContext } from '@mechta/bot';
import type { FastifyPluginAsync } from 'fastify';
import type { Bot } from 'grammy';
import { webhookCallback } from 'grammy';
import { failure } from '../plugins/envelope.ts';

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * POST /telegram/webhook. The secret header is checked in onRequest, before Fastify reads the body,
 * so a stranger cannot make us parse anything.
 */
export const webhookRoutes: FastifyPluginAsync<{ bot?: Bot<BotContext>; secret?: string }> = async (
  app,
  { bot, secret },
) => {
  const handle = bot
    ? webhookCallback(bot, 'fastify', { timeoutMilliseconds: 9_000, onTimeout: 'return' })
    : undefined;
  app.post(
    '/telegram/webhook',
    {
      schema: { tags: ['telegram'], summary: 'Telegram updates (webhook mode)', hide: false },
      // The hot path: Telegram reads no headers and no body from our answer, and each update is
      // logged by the bot with its own context, so per-request logging and security headers go.
      logLevel: 'warn',
      config: { securityHeaders: false },
      onRequest: async (req, reply) => {
        if (!bot || !secret || !sameSecret(req.headers['x-telegram-bot-api-secret-token'], secret)) {
          return reply.status(401).send(failure(req, 401, 'UNAUTHORIZED', 'bad webhook secret'));
        }
      },
    },
    async (req, reply) => handle!(req, reply),
  );
};
