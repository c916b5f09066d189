import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_CLIENT_FILE, generateApiClient } from './api-client.ts';

/** What `pnpm check` guards besides biome and tsc: each guard fails where it should. */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command: string, args: string[]) =>
  spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

describe('the generated Mini App client', () => {
  it('is the one the API describes today', async () => {
    expect(await fs.readFile(API_CLIENT_FILE, 'utf8')).toBe(await generateApiClient());
  });

  it('fails the check when stale', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-api-client-'));
    try {
      const stale = path.join(dir, 'schema.gen.ts');
      // An API that gained a field since the file was generated reads like a file missing one.
      const current = await fs.readFile(API_CLIENT_FILE, 'utf8');
      await fs.writeFile(stale, current.replace(/\n\s+dream_title_max: number;/, ''));
      const result = run(process.execPath, ['--import', 'tsx', 'scripts/check-api-client.ts', stale]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('is stale');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('adapters and @mechta/db', () => {
  const importing = "import { findDreamById } from '@mechta/db';\nexport const f = findDreamById;\n";

  /** Lints `source` placed at `file` in a scratch tree that has this repository's biome.json. */
  async function lint(file: string, source: string) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-lint-'));
    try {
      const config = JSON.parse(await fs.readFile(path.join(ROOT, 'biome.json'), 'utf8'));
      delete config.$schema;
      await fs.writeFile(path.join(dir, 'biome.json'), JSON.stringify(config));
      await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), source);
      const result = spawnSync(path.join(ROOT, 'node_modules/.bin/biome'), ['lint', file], {
        cwd: dir,
        encoding: 'utf8',
      });
      return { status: result.status, output: result.stdout + result.stderr };
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  it('the lint refuses the import in api, bot and the Mini App', async () => {
    for (const file of ['api/src/routes/probe.ts', 'bot/src/features/probe.ts', 'miniapp/src/probe.tsx']) {
      const result = await lint(file, importing);
      expect(result.status, file).not.toBe(0);
      expect(result.output, file).toContain('noRestrictedImports');
    }
    const subpath = await lint(
      'api/src/probe.ts',
      "import type { X } from '@mechta/db/schema';\nexport type Y = X;\n",
    );
    expect(subpath.output).toContain('noRestrictedImports');
  });

  it('lets core and tests import it', async () => {
    expect((await lint('core/src/probe.ts', importing)).status).toBe(0);
    expect((await lint('bot/src/features/probe.test.ts', importing)).status).toBe(0);
  });
});
