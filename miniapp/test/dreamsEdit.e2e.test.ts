import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerDreamsJobs } from '@mechta/core/dreams/jobs';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { type InitDataUser, signInitData } from '@mechta/testing/telegram';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, CHROMIUM_ARGS, ensureBuilt, LIGHT_THEME, launchUrl } from './browser.ts';

// Editing a saved dream on its page and analysing it again, in the production build in Chromium,
// against the real API and job workers with the offline AI.

const vera: InitDataUser = { id: 7_009_301, first_name: 'Vera', language_code: 'en' };
const oleg: InitDataUser = { id: 7_009_302, first_name: 'Олег', language_code: 'ru' };
const FIRST = 'I was flying over a sleeping city at night, the lights below were warm and I was not afraid.';
const EDITED = 'I was swimming in a warm night sea with dolphins, and the water glowed green under me.';

interface Dream {
  id: string;
  text: string;
  title: string | null;
  lucid: boolean;
  mood: number | null;
  analysis_status: string;
  image_status: string;
  analysis: { narrative: string } | null;
}

let server: TestServer;
let browser: Browser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-dreams-edit-e2e-'));
const pageErrors: string[] = [];

async function apiAs(user: InitDataUser) {
  const call = async <T>(method: string, route: string, body?: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${server.url}/api/v1${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const envelope = (await response.json()) as { ok: boolean; result: T; error: { code: string } | null };
    if (!envelope.ok) throw new Error(`${method} ${route}: ${envelope.error?.code}`);
    return envelope.result;
  };
  const auth = await call<{ access_token: string }>('POST', '/auth/telegram', {
    init_data: signInitData(user, server.botToken),
  });
  return <T>(method: string, route: string, body?: unknown) =>
    call<T>(method, route, body, auth.access_token);
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 200));
}

beforeAll(async () => {
  ensureBuilt();
  fs.mkdirSync(artifacts, { recursive: true });
  server = await startTestServer({
    DATA_DIR: dataDir,
    QUOTA_FREE_TEXT: '50',
    QUOTA_FREE_IMAGE: '50',
    STARTING_TOKENS: '100',
    PRICE_ANALYSIS: '4',
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

describe('editing a dream in the Mini App', () => {
  it('edits text, title, lucid and mood with the server limits, saves, and analyses the new text again', {
    timeout: 60_000,
  }, async () => {
    const api = await apiAs(vera);
    const created = await api<Dream>('POST', '/dreams', { text: FIRST });
    let first = created;
    await until(async () => {
      first = await api<Dream>('GET', `/dreams/${created.id}`);
      return first.analysis_status === 'done' && first.image_status === 'done';
    });

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      reducedMotion: 'reduce',
    });
    const page: Page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(launchUrl(server.url, signInitData(vera, server.botToken), LIGHT_THEME));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: vera.first_name }).waitFor();
    await page.evaluate((id) => {
      window.location.hash = `#/dreams/${id}`;
    }, created.id);
    await page.getByText(FIRST).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.locator('form.dream-editor');
    await editor.getByRole('heading', { name: 'Edit the dream' }).waitFor();
    const text = editor.getByLabel('The dream');
    expect(await text.inputValue()).toBe(FIRST);

    // The limits come from /me: a text under the minimum is refused before anything is sent.
    await text.fill('too short');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText('too short — describe the dream in a few more words').waitFor();
    expect(await api<Dream>('GET', `/dreams/${created.id}`)).toMatchObject({ text: FIRST });

    await text.fill(EDITED);
    await editor.getByLabel('Title').fill('Green sea');
    await editor.getByRole('switch').check();
    await editor.getByRole('radio').nth(3).click();
    await page.screenshot({ path: path.join(artifacts, 'dreams-edit.png'), fullPage: true });

    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: /^Analyse again/ }).waitFor();
    expect(await page.locator('.dream-text').textContent()).toBe(EDITED);
    expect(await api<Dream>('GET', `/dreams/${created.id}`)).toMatchObject({
      text: EDITED,
      title: 'Green sea',
      lucid: true,
      mood: 4,
    });
    // Until asked for, the analysis is still the one of the first text, and nothing more was charged.
    expect(await page.getByText(first.analysis?.narrative ?? '-').isVisible()).toBe(true);
    const before = (await api<{ balance: number }>('GET', '/wallet')).balance;

    const again = page.getByRole('button', { name: /^Analyse again/ });
    expect(await again.textContent()).toContain('4 tokens');
    await again.click();
    let fresh = first;
    await until(async () => {
      fresh = await api<Dream>('GET', `/dreams/${created.id}`);
      return fresh.analysis_status === 'done' && fresh.analysis?.narrative !== first.analysis?.narrative;
    });
    await page.getByText(fresh.analysis?.narrative ?? '-').waitFor();
    expect((await api<{ balance: number }>('GET', '/wallet')).balance).toBe(before - 4);
    await page.getByRole('status').getByText('Analysing the dream again').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(artifacts, 'dreams-edit-saved.png'), fullPage: true });
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('speaks Russian: the limits are said in Russian and Cancel leaves the dream as it was', async () => {
    const api = await apiAs(oleg);
    const text = 'Мне снилось, что я стою на крыше старого дома и смотрю, как над рекой встаёт луна.';
    const created = await api<Dream>('POST', '/dreams', { text });
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(launchUrl(server.url, signInitData(oleg, server.botToken), LIGHT_THEME));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: oleg.first_name }).waitFor();
    await page.evaluate((id) => {
      window.location.hash = `#/dreams/${id}`;
    }, created.id);
    await page.getByRole('button', { name: 'Изменить', exact: true }).click();
    const editor = page.locator('form.dream-editor');
    await editor.getByLabel('Сон', { exact: true }).fill('коротко');
    await editor.getByRole('button', { name: 'Сохранить изменения' }).click();
    await editor.getByText(/слишком коротко/).waitFor();
    await editor.getByRole('button', { name: 'Отмена' }).click();
    await page.locator('.dream-text').waitFor();
    expect(await page.locator('.dream-text').textContent()).toBe(text);
    expect(await api<Dream>('GET', `/dreams/${created.id}`)).toMatchObject({ text });
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
