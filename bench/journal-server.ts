/**
 * Server side of the journal benchmark, in its own process: `api <dbUrl> <tokensFile>` runs the real
 * app over the seeded database and writes access tokens of 500 seeded users to tokensFile;
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
  const tokens: string[] = [];
  for (let i = 0; i < 500; i++) {
    const id = first + ((i * 7919) % users);
    tokens.push((await core.auth.signIn(id, 'bench')).access_token);
  }
  fs.writeFileSync(tokensFile!, JSON.stringify(tokens));
  const app = await buildApp({ core });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const a = app.server.address();
  console.log(`READY ${typeof a === 'object' && a ? a.port : 0}`);
}
