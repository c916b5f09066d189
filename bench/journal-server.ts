/**
 * Server side of the journal benchmark, in its own process: `api <dbUrl> <tokensFile>` runs the real
 * app over the seeded database and writes to tokensFile `{ warm, cold }`: access tokens of 500
 * seeded users (`warm`, requested again and again) and of COLD_USERS other seeded users in a seeded
 * random order (`cold`, each requested once, so no cache of this process has seen them);
 * `hello` is a Fastify hello-world. Prints `READY <port>`.
 */
import fs from 'node:fs';
import { buildApp } from '@mechta/api/app';
import { createDb } from '@mechta/db';
import Fastify from 'fastify';
import { benchCore } from './core.ts';

const [mode, url, tokensFile] = process.argv.slice(2);
if (mode === 'hello') {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const a = app.server.address();
  console.log(`READY ${typeof a === 'object' && a ? a.port : 0}`);
} else {
  const db = createDb(url!, 20);
  const { core } = await benchCore({ db, url: url!, close: async () => {} });
  const first = Number(process.env.SEED_FIRST_USER_ID ?? 10_000_000);
  const users = Number(process.env.SEED_USERS ?? 100_000);
  const warmIds = Array.from({ length: 500 }, (_, i) => first + ((i * 7919) % users));
  const warmSet = new Set(warmIds);
  const coldIds = Array.from({ length: users }, (_, i) => first + i).filter((id) => !warmSet.has(id));
  shuffle(coldIds, 8);
  coldIds.length = Math.min(coldIds.length, Number(process.env.COLD_USERS ?? 0));
  // Sign-ins only write the session rows (one statement per batch): no cache of this process learns
  // about the users.
  const signIn = async (ids: number[]) => {
    const tokens: string[] = [];
    for (let at = 0; at < ids.length; at += 20_000) {
      const batch = ids.slice(at, at + 20_000);
      const signed = await core.auth.signInMany(batch, 'bench');
      for (const id of batch) tokens.push(signed.get(id)!.access_token);
    }
    return tokens;
  };
  fs.writeFileSync(tokensFile!, JSON.stringify({ warm: await signIn(warmIds), cold: await signIn(coldIds) }));
  const app = await buildApp({ core });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const a = app.server.address();
  console.log(`READY ${typeof a === 'object' && a ? a.port : 0}`);
}

/** Fisher–Yates with a small seeded generator (mulberry32), so every run asks for users in one order. */
function shuffle<T>(list: T[], seed: number): void {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}

// A clean exit on SIGTERM, so `--cpu-prof` (BENCH_CPU_PROF) gets to write its profile.
process.once('SIGTERM', () => process.exit(0));
