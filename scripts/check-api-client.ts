/**
 * Part of `pnpm check`: fails when the Mini App's generated API types differ from the API.
 * An argument names another file to compare (the test of this check uses one).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { API_CLIENT_FILE, generateApiClient } from './api-client.ts';

const file = process.argv[2] ? path.resolve(process.argv[2]) : API_CLIENT_FILE;
const expected = await generateApiClient();
const actual = await fs.readFile(file, 'utf8').catch(() => null);
if (actual !== expected) {
  console.error(
    `${path.relative(process.cwd(), file)} is stale: the API changed. Run \`pnpm gen:api\` and commit the result.`,
  );
  process.exit(1);
}
console.log('API client types are up to date');
// Timers of the app built for the document would keep the process up for seconds more.
process.exit(0);
