import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers from `helmet`, with its middleware built once at start (the Fastify wrapper
 * rebuilds it on every request). Routes opt out with `config: { securityHeaders: false }` — the
 * Telegram webhook does: nobody renders its answers.
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  const apply = helmet({
    // Telegram's web client shows the Mini App in an iframe: allow Telegram to frame it, nobody else.
    frameguard: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", 'https://telegram.org'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        mediaSrc: ["'self'", 'blob:', 'https:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'", 'https://web.telegram.org', 'https://*.telegram.org'],
      },
    },
  });
  app.addHook('onRequest', (req, reply, done) => {
    if ((req.routeOptions.config as { securityHeaders?: boolean }).securityHeaders === false) return done();
    apply(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
});
