import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createTestCore, type TestCore } from '@mechta/testing/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';

// The Mini App build writes .br and .gz beside each asset (miniapp/vite.config.ts); a phone on a
// slow link must get those bytes, not the raw bundle.
describe('the built Mini App', () => {
  let t: TestCore;
  let app: FastifyInstance;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-static-'));
  const script = `console.log(${JSON.stringify('a'.repeat(5000))});\n`;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Mechta</title>');
    const file = path.join(dir, 'assets', 'index-abc.js');
    fs.writeFileSync(file, script);
    fs.writeFileSync(`${file}.br`, brotliCompressSync(script));
    fs.writeFileSync(`${file}.gz`, gzipSync(script));
    t = await createTestCore();
    app = await buildApp({ core: t.core, miniappDir: dir });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is sent precompressed to a browser that accepts brotli or gzip, and raw to one that does not', async () => {
    const url = '/assets/index-abc.js';
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload).toEqual(brotliCompressSync(script));

    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload).toEqual(gzipSync(script));

    const raw = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.body).toBe(script);

    // The page itself, with no compressed copy, is still served.
    const index = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>Mechta</title>');
  });
});
