import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '@mechta/core';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Ok, ok } from '../plugins/envelope.ts';
import { ReferralsSchema } from '../schemas/referrals.ts';
import { ref } from '../schemas/registry.ts';

export const referralsRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireUser);

  app.get(
    '/referrals',
    {
      schema: {
        tags: ['referrals'],
        summary: 'The user’s invitation link and what it brought',
        response: { 200: Ok(ref(ReferralsSchema)), ...errorResponses },
      },
    },
    async (req) => {
      const bot = core.telegram?.botUsername() ?? app.botUsername;
      const stats = await core.wallet.getReferralStats(userId(req), bot ?? '');
      return ok(req, {
        code: stats.code,
        link: bot ? stats.link : null,
        joined: stats.joined,
        earned: stats.earned,
        bonus: { ...core.config.limits.referralBonus },
      });
    },
  );
};
