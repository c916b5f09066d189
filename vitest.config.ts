import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,db,bot,api,miniapp,testing,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['testing/src/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores on these machines; each file owns its database, so files may run side by side.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
