/**
 * `pnpm db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database in
 * DATA_DIR) and exits. The app also migrates at start; this is for deploy pipelines.
 */
import { ConfigError, loadConfig } from '@mechta/core';
import { connect, migrateToLatest } from '@mechta/db';

try {
  const config = loadConfig(process.env);
  const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { applied } = await migrateToLatest(conn.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await conn.close();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
