import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  url: string;
  port: number;
  /** The process id (e.g. to read its memory from /proc). */
  pid: number;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** Sends SIGTERM and waits for a clean exit; returns the exit code. */
  stop(): Promise<number | null>;
}

/** Node's arguments for each way of starting the process entry. */
const ENTRY_ARGS = {
  /** The sources under tsx, as `pnpm start` and the tests run them. */
  sources: ['--import', 'tsx', 'api/src/main.ts'],
  /** The compiled bundle of `pnpm build`, as run.sh and the Dockerfile start it. */
  build: ['dist/main.js'],
} as const;

/**
 * Starts the real process entry (`api/src/main.ts`, or its build) with the given environment, and
 * waits for /health to answer.
 */
export async function startAppProcess(
  env: Record<string, string>,
  opts: { port?: number; entry?: keyof typeof ENTRY_ARGS } = {},
): Promise<AppProcess> {
  const port = opts.port ?? (await freePort());
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-proc-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [...ENTRY_ARGS[opts.entry ?? 'sources']], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      AI_PROVIDER: 'offline',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${out}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`app did not answer /health within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    pid: child.pid!,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', (code) => {
          clearTimeout(kill);
          resolve(code);
        });
        child.kill('SIGTERM');
      }),
  };
}
