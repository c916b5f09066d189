/** Part of `pnpm check`: fails when the Mini App's generated API types differ from the API. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { API_CLIENT_FILE, generateApiClient } from './api-client.ts';

const expected = await generateApiClient();
const actual = await fs.readFile(API_CLIENT_FILE, 'utf8').catch(() => null);
if (actual !== expected) {
  console.error(
    `${path.relative(process.cwd(), API_CLIENT_FILE)} is stale: the API changed. Run \`pnpm gen:api\` and commit the result.`,
  );
  process.exit(1);
}
console.log('API client types are up to date');
// Timers of the app built for the document would keep the process up for seconds more.
process.exit(0);
