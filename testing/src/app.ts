import { buildApp } from '@mechta/api/app';
import type { FastifyInstance } from 'fastify';
import { createTestCore, TEST_BOT_TOKEN, type TestCore } from './core.ts';

export interface TestServer extends TestCore {
  app: FastifyInstance;
  /** Base URL of the listening server, e.g. http://127.0.0.1:PORT */
  url: string;
  botToken: string;
  db: TestCore['database']['db'];
}

export interface TestServerOptions {
  useRedis?: boolean;
  cachePrefix?: string;
  listen?: boolean;
  /** Adds routes before the app is sealed (e.g. one that throws). */
  extend?: (app: FastifyInstance) => void;
}

/**
 * The real Fastify app (with the built Mini App at `/` when miniapp/dist exists) on a fresh test
 * database, listening on a random local port. No bot is attached: Telegram is not involved.
 */
export async function startTestServer(
  env: Record<string, string | undefined> = {},
  opts: TestServerOptions = {},
): Promise<TestServer> {
  const t = await createTestCore(env, opts);
  const app = await buildApp({ core: t.core });
  opts.extend?.(app);
  let url = '';
  if (opts.listen !== false) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const addr = app.server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  } else {
    await app.ready();
  }
  return {
    ...t,
    app,
    url,
    botToken: env.BOT_TOKEN ?? TEST_BOT_TOKEN,
    db: t.database.db,
    async close() {
      await app.close();
      await t.close();
    },
  };
}
