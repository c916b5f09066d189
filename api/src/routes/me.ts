import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '@mechta/core';
import { aiCapabilities } from '@mechta/core/ai/index';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Ok, ok } from '../plugins/envelope.ts';
import { Me, type MeResult, SettingsPatchBody } from '../schemas/me.ts';

/** The signed-in user as /me and the sign-in routes answer: the profile and this server's limits. */
export async function meOf(core: Core, user: Parameters<Core['profile']>[0]): Promise<MeResult> {
  return {
    ...(await core.profile(user)),
    limits: core.dreams.limits(),
    capabilities: aiCapabilities(core.ai),
  };
}

export const meRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireUser);

  app.get(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'The signed-in user, with the limits the Mini App checks before sending',
        response: { 200: Ok(Me), ...errorResponses },
      },
    },
    async (req) => ok(req, await meOf(core, await core.users.requireUser(userId(req)))),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['me'],
        summary: 'Change settings (language, time zone, reminder, date of birth, notifications)',
        body: SettingsPatchBody,
        response: { 200: Ok(Me), ...errorResponses },
      },
    },
    async (req) => {
      const user = await core.users.updateSettings(userId(req), req.body);
      req.language = user.language;
      return ok(req, await meOf(core, user));
    },
  );
};
