import { AppError, type Core } from '@mechta/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    auth?: { userId: number; sessionId: string };
  }
  interface FastifyInstance {
    /** onRequest hook for a route tree: requires a valid Bearer access token. */
    requireUser(req: FastifyRequest): Promise<void>;
    /** onRequest hook for admin routes: others get 404, as if the route did not exist. */
    requireAdmin(req: FastifyRequest): Promise<void>;
  }
}

export function userId(req: FastifyRequest): number {
  if (!req.auth) throw new AppError('UNAUTHORIZED');
  return req.auth.userId;
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { core: Core }) => {
  const { core } = opts;

  app.decorate('requireUser', async (req: FastifyRequest) => {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m?.[1]) throw new AppError('UNAUTHORIZED', 'missing bearer token');
    const claims = await core.auth.verify(m[1]);
    const user = await core.users.getUser(claims.userId);
    if (!user) throw new AppError('UNAUTHORIZED', 'user no longer exists');
    if (user.isBlocked) throw new AppError('USER_BLOCKED');
    req.auth = claims;
    req.language = user.language;
  });

  app.decorate('requireAdmin', async (req: FastifyRequest) => {
    await app.requireUser(req).catch(() => {
      throw new AppError('NOT_FOUND');
    });
    if (!core.users.isAdmin(userId(req))) throw new AppError('NOT_FOUND');
  });
});
