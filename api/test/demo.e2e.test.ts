import { createTestDatabase, type TestDatabase } from '@mechta/testing/db';
import { type AppProcess, startAppProcess } from '@mechta/testing/process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The demo sign-in of the real process (api/src/main.ts): who gets it, and what the start log says. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function withProcess(env: Record<string, string>, check: (app: AppProcess) => Promise<void>) {
  const app = await startAppProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info', ...env });
  try {
    await check(app);
  } finally {
    await app.stop();
  }
}

const demoSignIn = (app: AppProcess) => fetch(`${app.url}/api/v1/auth/demo`, { method: 'POST' });

describe('demo sign-in of the running process', { timeout: 120_000 }, () => {
  it('is not served in production without a bot token, and the start log says how to get it', async () => {
    await withProcess({ NODE_ENV: 'production' }, async (app) => {
      const res = await demoSignIn(app);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
      expect(app.output()).toContain('no demo sign-in: set DEMO_MODE=true');
      expect(app.output()).not.toContain('demo sign-in is on');
    });
  });

  it('is served in development without a bot token, with a warning at start', async () => {
    await withProcess({ NODE_ENV: 'development' }, async (app) => {
      const res = await demoSignIn(app);
      expect(res.status).toBe(200);
      expect((await res.json()).result.user.first_name).toBe('Demo');
      const warning = app
        .output()
        .split('\n')
        .find((l) => l.includes('demo sign-in is on'));
      expect(JSON.parse(warning!)).toMatchObject({ level: 40, demo: true, env: 'development' });
    });
  });
});
