import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

/** Writes bench/results/<name>.json with the machine it ran on. */
export function writeResult(name: string, figures: Record<string, unknown>): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const result = {
    name,
    measured_at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memory_gb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      // The 1-, 5- and 15-minute load averages as the run ended: on a shared 2-core machine, how
      // crowded it was (above 2, processes queue for the CPU and every figure drops).
      load_average: os.loadavg().map((l) => round(l, 1)),
    },
    ...figures,
  };
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

/** Percentile of a sorted-or-not list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Two loads measured in alternating rounds, for figures that compare one server with another: this
 * machine's speed drifts by a third from minute to minute, so each round's ratio (`second / first`
 * in requests per second) is taken in the same minute, and the median round stands for the run.
 */
export async function alternatingRounds<R extends { requests_per_second: number }>(
  rounds: number,
  first: () => Promise<R>,
  second: () => Promise<R>,
): Promise<{
  rounds: Array<{ first: R; second: R; ratio: number }>;
  median: { first: R; second: R; ratio: number };
}> {
  const all: Array<{ first: R; second: R; ratio: number }> = [];
  for (let r = 0; r < rounds; r++) {
    const a = await first();
    const b = await second();
    all.push({ first: a, second: b, ratio: round(b.requests_per_second / a.requests_per_second, 3) });
  }
  const byRatio = [...all].sort((x, y) => x.ratio - y.ratio);
  return { rounds: all, median: byRatio[Math.floor(byRatio.length / 2)]! };
}
