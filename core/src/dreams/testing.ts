import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/* Small helpers shared by the dreams tests (not part of the runtime). */

/**
 * Polls `probe` until `done` accepts its value and returns that value; fails with the last value
 * after `timeoutMs`. A bound on waiting, not an assertion about speed.
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 20_000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (done(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A fresh DATA_DIR for a test file (media files land under it). */
export async function tempDataDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'mechta-dreams-'));
}

export const fileExists = (file: string) =>
  fs
    .stat(file)
    .then((s) => s.isFile())
    .catch(() => false);
