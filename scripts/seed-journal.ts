/**
 * `pnpm seed:journal [users] [dreams]`: fills DATABASE_URL (or the embedded database in DATA_DIR)
 * with demo users and dreams, generated inside PostgreSQL. Defaults: 100,000 users, 1,000,000
 * dreams (the journal benchmark's data set). Idempotent for users; dreams are added.
 */
import { ConfigError, loadConfig } from '@mechta/core';
import { connect, countRows, migrateToLatest, seedDreams, seedUsers } from '@mechta/db';

export const SEED_FIRST_USER_ID = 10_000_000;

const users = Number(process.argv[2] ?? 100_000);
const dreams = Number(process.argv[3] ?? 1_000_000);
try {
  const config = loadConfig(process.env);
  const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(conn.db);
    const started = performance.now();
    await seedUsers(conn.db, { firstUserId: SEED_FIRST_USER_ID, count: users });
    await seedDreams(conn.db, { firstUserId: SEED_FIRST_USER_ID, users, count: dreams });
    console.log(
      `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
        `${await countRows(conn.db, 'users')} users, ${await countRows(conn.db, 'dreams')} dreams`,
    );
  } finally {
    await conn.close();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
