import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerDreamsJobs } from '@mechta/core/dreams/jobs';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { type InitDataUser, signInitData } from '@mechta/testing/telegram';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, CHROMIUM_ARGS, ensureBuilt, LIGHT_THEME, launchUrl } from './browser.ts';

// The Readings section of a dream's page in real Chromium against the real API, offline AI.

const dreamer: InitDataUser = { id: 7_009_001, first_name: 'Lena', language_code: 'en' };
const DREAM = 'I was swimming in a warm sea near my old house at night and felt afraid of the dark water.';

let server: TestServer;
let browser: Browser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-readings-e2e-'));
const pageErrors: string[] = [];

interface Envelope<T> {
  ok: boolean;
  result: T;
}

async function api<T>(method: string, route: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return ((await response.json()) as Envelope<T>).result;
}

beforeAll(async () => {
  ensureBuilt();
  fs.mkdirSync(artifacts, { recursive: true });
  server = await startTestServer({
    DATA_DIR: dataDir,
    QUOTA_FREE_TEXT: '50',
    QUOTA_FREE_IMAGE: '50',
    STARTING_TOKENS: '20',
  });
  await registerDreamsJobs(server.core);
  await server.core.queue.startWorkers();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('readings in the Mini App', () => {
  it('three lenses with the price; Jungian read offline, marked "fits"; the mark survives a reload', {
    timeout: 60_000,
  }, async () => {
    const { access_token: token } = await api<{ access_token: string }>('POST', '/auth/telegram', null, {
      init_data: signInitData(dreamer, server.botToken),
    });
    const dream = await api<{ id: string }>('POST', '/dreams', token, { text: DREAM });
    for (;;) {
      const d = await api<{ analysis_status: string; image_status: string }>(
        'GET',
        `/dreams/${dream.id}`,
        token,
      );
      if (d.analysis_status !== 'pending' && d.image_status !== 'pending') break;
      await new Promise((r) => setTimeout(r, 200));
    }

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
    });
    const page: Page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(launchUrl(server.url, signInitData(dreamer, server.botToken), LIGHT_THEME));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: dreamer.first_name }).waitFor();
    await page.evaluate((id) => {
      window.location.hash = `#/dreams/${id}`;
    }, dream.id);

    const section = page.locator('section.readings');
    await section.getByRole('heading', { name: 'Readings' }).waitFor();
    for (const lens of [
      'Jungian: archetypes',
      'Cognitive: the day and its feelings',
      'Folk symbolism (folklore)',
    ]) {
      expect(await section.getByRole('heading', { name: lens }).isVisible()).toBe(true);
    }
    const readButtons = section.getByRole('button', { name: /^Read/ });
    await readButtons.first().waitFor();
    expect(await readButtons.count()).toBe(3);
    expect(await readButtons.first().textContent()).toContain('1 token');

    await readButtons.first().click();
    const jung = section.locator('[data-lens="jung"]');
    await jung.locator('.reading__text').waitFor();
    expect(await jung.locator('.reading__text').textContent()).toContain('sea');
    expect(await jung.getByText('From the symbol dictionary').isVisible()).toBe(true);

    await jung.getByRole('button', { name: 'Fits', exact: true }).click();
    await jung.locator('button[aria-pressed="true"]', { hasText: 'Fits' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'dreams-readings.png'), fullPage: true });

    const stored = await api<{ lens: string; verdict: string | null }[]>(
      'GET',
      `/dreams/${dream.id}/readings`,
      token,
    );
    expect(stored).toEqual([expect.objectContaining({ lens: 'jung', verdict: 'fits' })]);

    await page.reload();
    await page
      .locator('section.readings [data-lens="jung"] button[aria-pressed="true"]', { hasText: 'Fits' })
      .waitFor();
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
