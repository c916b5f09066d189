/**
 * startup: seconds from `./run.sh` (dependencies installed, Mini App built) to /health 200 on
 * embedded PostgreSQL — cold (empty DATA_DIR: initdb + migrations) and warm (second start).
 * Goal (issue 2): under 15 s.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { round, writeResult } from './lib.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function measure(dataDir: string): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.BOT_TOKEN;
  const started = performance.now();
  const child = spawn('./run.sh', [], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`run.sh exited with ${child.exitCode}`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/health`);
        if (r.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000) throw new Error('no /health within 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-bench-startup-'));
fs.chmodSync(dir, 0o755);
const dataDir = path.join(dir, 'data');
// Warm up install stamp and Mini App build so the figure is the documented "dependencies installed" case.
await measure(path.join(dir, 'warmup'));
const cold = await measure(dataDir);
const warm = [await measure(dataDir), await measure(dataDir)];
fs.rmSync(dir, { recursive: true, force: true });
writeResult('startup', {
  goal: 'under 15 s from ./run.sh to /health 200 on embedded PostgreSQL',
  cold_start_seconds: round(cold),
  warm_start_seconds: round(Math.min(...warm)),
  warm_runs_seconds: warm.map((w) => round(w)),
  met: cold < 15,
});
