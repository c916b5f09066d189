import { type RedisServer, startRedisServer } from '@mechta/testing/faults/redisServer';
import { startTcpProxy, type TcpProxy } from '@mechta/testing/faults/tcpProxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cache, createCache } from './cache.ts';

/** The Redis cache when its server goes away: fast misses, no hung calls, and a clean return. */
let redis: RedisServer;
let proxy: TcpProxy;
let cache: Cache;

beforeAll(async () => {
  redis = await startRedisServer();
  proxy = await startTcpProxy(redis.port);
  cache = createCache(`redis://127.0.0.1:${proxy.port}`, 'faults:');
  await until(() => cache.ping());
});
afterAll(async () => {
  await cache?.close();
  await proxy?.close();
  await redis?.kill();
});

async function until(probe: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function quickly<T>(op: () => Promise<T>, ms = 300): Promise<T> {
  const started = Date.now();
  const value = await op();
  expect(Date.now() - started, 'answered quickly').toBeLessThan(ms);
  return value;
}

describe.sequential('the Redis cache when Redis goes away', () => {
  it('while the server is unreachable: reads miss and writes are dropped at once; a claim throws', async () => {
    await cache.set('k', 'v1', 60);
    proxy.cut();
    await until(async () => !(await cache.ping()));
    expect(await quickly(() => cache.get('k'))).toBeNull();
    expect(await quickly(() => cache.getBuffer('k'))).toBeNull();
    await quickly(() => cache.set('other', 'x', 60));
    await quickly(() => cache.publish('news', 'lost'));
    await expect(
      quickly(() => cache.setIfAbsent('claim', '1', 60).catch((e: Error) => e)),
    ).resolves.toBeInstanceOf(Error);
  });

  it('a key evicted while the server was cut off is evicted when it is back, so no stale copy is served', async () => {
    // The server kept its memory (a network cut, not a crash): "k" still holds v1 there.
    await cache.del('k');
    proxy.restore();
    await until(() => cache.ping());
    await until(async () => (await cache.get('k')) === null, 3000);
    await cache.set('k', 'v2', 60);
    expect(await cache.get('k')).toBe('v2');
  });

  it('a server that stops answering (no reset): one call waits for the timeout, the rest fail at once', async () => {
    await cache.set('f', 'v', 60);
    proxy.freeze();
    const started = Date.now();
    expect(await cache.get('f')).toBeNull();
    expect(Date.now() - started).toBeLessThan(1500);
    // The timed-out connection is dropped, so the next callers do not each wait a second.
    for (let i = 0; i < 5; i++) expect(await quickly(() => cache.get('f'))).toBeNull();
    await quickly(() => cache.set('f', 'w', 60));
    expect(await quickly(() => cache.ping(), 1500)).toBe(false);
    proxy.restore();
    await until(() => cache.ping(), 10_000);
    // The write dropped while frozen took its key with it.
    await until(async () => (await cache.get('f')) === null, 3000);
  });

  it('pub/sub and commands come back after the server restarts empty', async () => {
    const heard: string[] = [];
    const unsubscribe = await cache.subscribe('news', (m) => heard.push(m));
    await cache.publish('news', 'one');
    await until(async () => heard.includes('one'), 3000);
    await redis.kill();
    await until(async () => !(await cache.ping()));
    await redis.start();
    await until(() => cache.ping());
    // The subscription is renewed on the new server by itself.
    await until(async () => {
      await cache.publish('news', 'two');
      return heard.includes('two');
    }, 5000);
    expect(await cache.setIfAbsent('claim', '1', 60)).toBe(true);
    expect(await cache.setIfAbsent('claim', '1', 60)).toBe(false);
    await unsubscribe();
  });
});
