/**
 * wallet: token spends per second and p99 latency with 200 concurrent spenders, spread over 1,000
 * balances and all on one balance (a hot row). Each spend is a real charge: row lock, idempotency
 * key, ledger insert, balance update, durable commit.
 */
import { benchCore } from './core.ts';
import { benchDatabase } from './db.ts';
import { percentile, round, writeResult } from './lib.ts';

const SPENDERS = 200;
const BALANCES = 1000;
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);

const database = await benchDatabase('wallet', { poolSize: 20 });
const { core, close } = await benchCore(database, { STARTING_TOKENS: '0' });
for (let i = 0; i < BALANCES; i++) {
  const id = 700_000 + i;
  await core.users.registerFromTelegram({ id, first_name: `W${i}` });
  await core.wallet.grant(id, 1_000_000, 'bench');
}

let seq = 0;
async function run(pickUser: (worker: number) => number) {
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: SPENDERS }, async (_, w) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await core.wallet.charge({
            userId: pickUser(w),
            action: 'analysis',
            idempotencyKey: `bench:${seq++}`,
          });
          latencies.push(performance.now() - t);
        } catch {
          failures++;
        }
      }
    }),
  );
  return {
    spends_per_second: round(latencies.length / SECONDS, 1),
    latency_ms: {
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      max: round(Math.max(...latencies)),
    },
    spends: latencies.length,
    failures,
  };
}

const spread = await run((w) => 700_000 + ((w * 7919 + seq) % BALANCES));
const before = (await core.wallet.getBalance(700_000)).balance;
const hot = await run(() => 700_000);
const after = (await core.wallet.getBalance(700_000)).balance;
await close();
await database.close();
writeResult('wallet', {
  goal: 'report spends/s and p99 with 200 concurrent spenders on 1,000 balances and on one hot balance',
  setup: `${SPENDERS} concurrent spenders, ${SECONDS} s each, pool 20, price ${'analysis'} = 1 token, durable commits`,
  spread_over_1000_balances: spread,
  one_hot_balance: hot,
  // every successful spend took exactly one token from the hot balance, no more, no less
  hot_balance_consistent: before - after === hot.spends,
});
