import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '@mechta/core';
import { Type } from '@sinclair/typebox';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Ok, ok } from '../plugins/envelope.ts';

const ReferralsSchema = Type.Object({
  code: Type.String(),
  link: Type.Union([Type.String(), Type.Null()], {
    description: 'https://t.me/<bot>?start=ref_<code>; null while the bot’s username is unknown',
  }),
  joined: Type.Integer({ description: 'Users who joined through the link' }),
  earned: Type.Integer({ description: 'Tokens the invitations brought' }),
  bonus: Type.Object(
    { inviter: Type.Integer(), invitee: Type.Integer() },
    { description: 'Tokens each side gets when an invited user joins' },
  ),
});

export const referralsRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireUser);

  app.get(
    '/referrals',
    {
      schema: {
        tags: ['referrals'],
        summary: 'The user’s invitation link and what it brought',
        response: { 200: Ok(ReferralsSchema), ...errorResponses },
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
