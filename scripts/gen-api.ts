/** `pnpm gen:api`: writes the Mini App's API types from the app's OpenAPI document. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { API_CLIENT_FILE, generateApiClient } from './api-client.ts';

await fs.writeFile(API_CLIENT_FILE, await generateApiClient());
console.log(`wrote ${path.relative(process.cwd(), API_CLIENT_FILE)}`);
// Timers of the app built for the document would keep the process up for seconds more.
process.exit(0);
