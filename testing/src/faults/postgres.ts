import { startEmbeddedPostgres } from '@mechta/db';

/** An embedded PostgreSQL cluster of the test's own, which it may stop and start again on the same port. */
export interface RestartablePostgres {
  /** URL of the `mechta` database on it. */
  url: string;
  port: number;
  /** A fast shutdown: open connections are terminated (57P01), new ones refused. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
}

/** Initialises a cluster in `dir`, starts it and creates the `mechta` database. */
export async function startRestartablePostgres(dir: string): Promise<RestartablePostgres> {
  let server = await startEmbeddedPostgres(dir);
  const url = await server.ensureDatabase('mechta');
  let running = true;
  return {
    url,
    port: server.port,
    async stop() {
      if (!running) return;
      running = false;
      await server.stop();
    },
    async start() {
      server = await startEmbeddedPostgres(dir, undefined, { port: server.port });
      running = true;
    },
  };
}
