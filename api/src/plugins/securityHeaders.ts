import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers, computed once at start (the Fastify wrapper rebuilds helmet on every request).
 * Pages and files get `helmet`'s set with a CSP that lets Telegram frame the Mini App. JSON answers
 * of /api get the short set OWASP's REST Security Cheat Sheet lists for APIs: nothing in them is
 * rendered, so a page's policies (fonts, scripts, styles) say nothing, and `no-store` keeps personal
 * data out of every cache. Routes opt out with `config: { securityHeaders: false }` — the Telegram
 * webhook does: nobody renders its answers.
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
  const apiHeaders: Record<string, string> = {
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'strict-transport-security': headers['strict-transport-security']!,
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
  app.addHook('onRequest', (req, reply, done) => {
    if ((req.routeOptions.config as { securityHeaders?: boolean }).securityHeaders !== false)
      reply.headers(req.url.startsWith('/api/') ? apiHeaders : headers);
    done();
  });
});
