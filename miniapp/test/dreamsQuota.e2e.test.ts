import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerDreamsJobs } from '@mechta/core/dreams/jobs';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { type InitDataUser, signInitData } from '@mechta/testing/telegram';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, CHROMIUM_ARGS, ensureBuilt, LIGHT_THEME, launchUrl } from './browser.ts';

// A dream over the daily analysis quota in the Mini App: kept, shown as "analysis waiting" in the
// journal and its screen; and the form's "no AI" save with the mood on waking.

const mira: InitDataUser = { id: 7_009_001, first_name: 'Mira', language_code: 'en' };
const FIRST = 'I swam with whales under a frozen lake and the ice above glowed green.';
const SECOND = 'I climbed a staircase that kept turning into a river and then back into stone.';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-dreams-quota-e2e-'));
const pageErrors: string[] = [];

async function api<T>(method: string, route: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return ((await response.json()) as { result: T }).result;
}

async function openApp(): Promise<Page> {
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(launchUrl(server.url, signInitData(mira, server.botToken), LIGHT_THEME));
  await page.getByRole('heading', { level: 1 }).filter({ hasText: mira.first_name }).waitFor();
  return page;
}

beforeAll(async () => {
  ensureBuilt();
  fs.mkdirSync(artifacts, { recursive: true });
  server = await startTestServer({
    DATA_DIR: dataDir,
    QUOTA_FREE_TEXT: '1',
    QUOTA_FREE_IMAGE: '0',
    STARTING_TOKENS: '20',
  });
  await registerDreamsJobs(server.core);
  await server.core.queue.startWorkers();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterEach(async () => {
  await context?.close();
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a dream over the daily analysis quota', () => {
  it('is in the journal as "Analysis waiting" and its screen says why, with the way to Pro', {
    timeout: 60_000,
  }, async () => {
    const { access_token: token } = await api<{ access_token: string }>('POST', '/auth/telegram', {
      init_data: signInitData(mira, server.botToken),
    });
    await api('POST', '/dreams', { text: FIRST }, token);
    const waiting = await api<{ id: string; analysis_status: string }>(
      'POST',
      '/dreams',
      { text: SECOND },
      token,
    );
    expect(waiting.analysis_status).toBe('waiting_quota');

    const page = await openApp();
    await page.getByRole('link', { name: /^Journal/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    const card = page.locator(`a[href="#/dreams/${waiting.id}"]`);
    await card.getByText('Analysis waiting').waitFor();
    await card.click();
    const note = page.getByTestId('analysis-waiting');
    await note.getByText(/today's analyses are used up/).waitFor();
    expect(await page.getByRole('link', { name: 'Get Pro or tokens' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'dreams-analysis-waiting.png'), fullPage: true });
  });

  it('the form saves without analysis, with the mood on waking; "Analyse" over the quota makes it wait', {
    timeout: 60_000,
  }, async () => {
    const page = await openApp();
    await page.getByRole('link', { name: 'Log a dream' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Log a dream' }).waitFor();
    await page
      .getByLabel('What did you dream?')
      .fill('A quiet dream of a library where every book was a window onto the sea.');
    await page.getByRole('radio', { name: 'On waking: Peaceful' }).click();
    await page.getByRole('switch', { name: /Save without analysis/ }).check();
    await page.getByRole('button', { name: 'Save the dream' }).click();
    await page.getByText('Saved without analysis.').waitFor();
    expect(await page.getByText('On waking: Peaceful').isVisible()).toBe(true);
    await page.getByRole('button', { name: /^Analyse this dream/ }).click();
    await page
      .getByTestId('analysis-waiting')
      .getByText(/today's analyses are used up/)
      .waitFor();
  });
});
