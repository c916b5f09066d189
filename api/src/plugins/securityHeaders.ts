import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers from `helmet`, computed once at start (the Fastify wrapper rebuilds helmet on
 * every request). Routes opt out with `config: { securityHeaders: false }` — the
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
  // With no per-request nonces the headers are the same for every answer: let helmet write them
  // once into a recorder, then copy that set onto each reply (11 middlewares per request otherwise).
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: () => {},
  };
  apply({} as never, recorder as never, () => {});
  app.addHook('onRequest', (req, reply, done) => {
    if ((req.routeOptions.config as { securityHeaders?: boolean }).securityHeaders !== false)
      reply.headers(headers);
    done();
  });
});
