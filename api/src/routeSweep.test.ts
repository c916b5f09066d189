import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { registerDreamsJobs } from '@mechta/core';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { TEST_ADMIN_ID } from '@mechta/testing/core';
import {
  distinctFailures,
  fuzzSweep,
  httpSend,
  injectSend,
  operations,
  ownershipSweep,
  type Send,
  type SweepCast,
  snapshot,
  sweepCast,
} from '@mechta/testing/routeSweep';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every operation of GET /docs/json, swept: a route is covered the moment it is registered.
 * Seeded, so a failure reproduces; SWEEP_SEED picks another run.
 */
const SEED = Number(process.env.SWEEP_SEED ?? 20261204);
const PER_OPERATION = 80;

let s: TestServer;
let send: Send;
let cast: SweepCast;
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-sweep-'));
  s = await startTestServer(
    {
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: '1000000',
      STARTING_TOKENS: '1000',
      MAX_DREAMS_PER_DAY: '1000',
      QUOTA_FREE_TEXT: '1000',
      QUOTA_FREE_IMAGE: '1000',
    },
    {},
  );
  // Background work runs as in production, so the sweep meets dreams in every state.
  await registerDreamsJobs(s.core);
  await s.core.queue.startWorkers();
  send = injectSend(s.app);
  cast = await sweepCast(send, { botToken: s.botToken, adminId: TEST_ADMIN_ID, firstUserId: 81_000 });
});
afterAll(async () => {
  await s.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** The owner's view, once background work on it has settled (two equal reads in a row). */
async function settledSnapshot(ids: string[]) {
  let last = await snapshot(cast.doc, send, cast.owner, ids);
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const next = await snapshot(cast.doc, send, cast.owner, ids);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error('the owner’s objects never settled');
}

describe('route sweep: ownership', () => {
  it("answers another user's ids with 404 on every route and method, and changes nothing", async () => {
    const ids = await cast.ownerIds();
    // Dreams, their media, ledger entries, the session and the user.
    expect(ids.length).toBeGreaterThanOrEqual(6);
    const before = await settledSnapshot(ids);
    expect(Object.values(before).some((v) => v.startsWith('200 {"id"'))).toBe(true);

    const report = await ownershipSweep({ doc: cast.doc, send, intruder: cast.intruder, ownerIds: ids });
    expect(distinctFailures(report.failures)).toEqual({});
    const withParams = operations(cast.doc).filter((op) => op.pathParams.length > 0);
    expect(report.checked).toBeGreaterThanOrEqual(withParams.length * ids.length);

    expect(await snapshot(cast.doc, send, cast.owner, ids)).toEqual(before);
  });

  it('hides every admin route from a signed-in user who is not an admin (404)', async () => {
    const admin = operations(cast.doc).filter((op) => op.admin);
    expect(admin.length).toBeGreaterThanOrEqual(8);
    const report = await ownershipSweep({
      doc: {
        ...cast.doc,
        paths: Object.fromEntries(Object.entries(cast.doc.paths).filter(([p]) => p.includes('/admin/'))),
      },
      send,
      intruder: cast.owner,
      ownerIds: ['1', String(TEST_ADMIN_ID)],
    });
    expect(distinctFailures(report.failures)).toEqual({});
    expect(report.checked).toBeGreaterThanOrEqual(admin.length);
  });
});

describe('route sweep: fuzz', () => {
  it('never answers 5xx, always in the envelope, on every operation', { timeout: 120_000 }, async () => {
    const report = await fuzzSweep({
      doc: cast.doc,
      send,
      seed: SEED,
      perOperation: PER_OPERATION,
      ctx: cast.ctx,
      beforeOperation: cast.beforeOperation,
    });
    expect(distinctFailures(report.failures)).toEqual({});
    // Every operation was reached, most requests actually sent.
    for (const [op, n] of Object.entries(report.perOperation))
      expect(n, op).toBeGreaterThan(PER_OPERATION / 2);
    expect(report.requests).toBeGreaterThan(operations(cast.doc).length * PER_OPERATION * 0.8);
    const health = await send({ method: 'GET', url: '/health' });
    expect(health?.status).toBe(200);
  });

  it('holds over real HTTP too, where Node parses the raw request line and headers', async () => {
    const report = await fuzzSweep({
      doc: cast.doc,
      send: httpSend(s.url),
      seed: SEED + 1,
      perOperation: 10,
      ctx: cast.ctx,
      beforeOperation: cast.beforeOperation,
    });
    expect(distinctFailures(report.failures)).toEqual({});
    expect(report.requests).toBeGreaterThan(operations(cast.doc).length * 8);
  });
});
