import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { signInitData } from '@mechta/testing/telegram';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  CHROMIUM_ARGS,
  DARK_THEME,
  ensureBuilt,
  LIGHT_THEME,
  launchUrl,
  miniappDir,
} from './browser.ts';

// The production build of the Mini App in real Chromium against the real API on a test database.
// Telegram launches a Mini App by opening its URL with launch parameters in the hash; doing the
// same here exercises exactly the code a user runs, with no mock (the dev mock is not in the build).

let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

async function openPage(): Promise<Page> {
  // A fresh context per test: its own sessionStorage, so no test inherits another's session.
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

async function screenshot(page: Page, name: string, height = 844): Promise<void> {
  await page.setViewportSize({ width: 390, height });
  await page.screenshot({ path: path.join(artifacts, name) });
  await page.setViewportSize({ width: 390, height: 844 });
}

beforeAll(async () => {
  ensureBuilt();
  fs.mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterEach(async () => {
  await context?.close();
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

it('ships no Telegram mock in the production build', () => {
  const bundle = fs
    .readdirSync(path.join(miniappDir, 'dist', 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => fs.readFileSync(path.join(miniappDir, 'dist', 'assets', file), 'utf8'))
    .join('\n');
  expect(bundle).toContain('tgWebAppData');
  // The mock announces itself with this line (mockEnv.ts); the build must not contain it.
  expect(bundle).not.toContain('Telegram environment mocked for development');
});

describe('Mini App launched from Telegram', () => {
  let server: TestServer;
  const alisa = {
    id: 7_001_001,
    first_name: 'Alisa',
    last_name: 'Sonina',
    username: 'alisa_dreams',
    language_code: 'en',
  };

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('signs in with the init data and greets the user by first name', async () => {
    const page = await openPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(`${request.method()} ${new URL(request.url()).pathname}`));
    await page.goto(launchUrl(server.url, signInitData(alisa, server.botToken), LIGHT_THEME));

    const greeting = page.getByRole('heading', { level: 1 });
    await greeting.filter({ hasText: 'Alisa' }).waitFor();
    // The sign-in boot.js started is the one the app used (not a second one), and the visit
    // downloaded its own language's texts only.
    expect(requested.filter((line) => line === 'POST /api/v1/auth/telegram')).toHaveLength(1);
    expect(requested.some((line) => /\/assets\/boot-[\w-]+\.js$/.test(line))).toBe(true);
    expect(requested.some((line) => /\/assets\/en-[\w-]+\.js$/.test(line))).toBe(true);
    expect(requested.some((line) => /\/assets\/ru-[\w-]+\.js$/.test(line))).toBe(false);
    expect(await greeting.textContent()).toMatch(/^Good (morning|afternoon|evening|night), Alisa$/);
    for (const action of ['Log a dream', 'Journal', 'Feed', 'Wallet']) {
      expect(await page.getByRole('link', { name: new RegExp(`^${action}`) }).isVisible()).toBe(true);
    }
    // Telegram's theme reached the page: its background is the theme's secondary background.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(239, 239, 244)',
    );
    await screenshot(page, 'miniapp-home.png');

    // A quick action opens its screen.
    await page.getByRole('link', { name: /^Wallet/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Wallet' }).waitFor();
    expect(page.url()).toMatch(/#\/wallet$/);
  });

  it('saves language and time zone from the profile page, and they stick', async () => {
    const page = await openPage();
    await page.goto(launchUrl(server.url, signInitData(alisa, server.botToken), LIGHT_THEME));
    await page
      .getByRole('link', { name: /^Profile and settings/ })
      .last()
      .click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();

    // A date of birth in the future is refused, and the reason shows under that field.
    await page.getByLabel('Date of birth').fill('2999-01-01');
    await page.getByRole('button', { name: 'Save' }).click();
    const birthDateField = page.locator('.field', { has: page.getByLabel('Date of birth') });
    await birthDateField.getByRole('alert').waitFor();
    expect(await birthDateField.getByRole('alert').textContent()).toBe('not a real date of birth');
    await page.getByLabel('Date of birth').fill('');

    await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
    await page.getByRole('radio', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Save' }).click();

    // The confirmation comes in the language just chosen, and the whole screen follows it.
    await page.getByRole('status').getByText('Настройки сохранены').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Профиль');
    expect(await page.getByLabel('Часовой пояс').inputValue()).toBe('Asia/Tokyo');

    const stored = await server.db
      .selectFrom('users')
      .select(['language', 'timezone'])
      .where('id', '=', alisa.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ language: 'ru', timezone: 'Asia/Tokyo' });
    await screenshot(page, 'miniapp-profile.png', 1250);

    // Opening the app again (Telegram's language_code is still `en`) keeps the saved choice.
    await page.goto(launchUrl(server.url, signInitData(alisa, server.botToken), LIGHT_THEME));
    await page.reload();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Alisa' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
      /^(Доброе утро|Добрый день|Добрый вечер|Доброй ночи), Alisa$/,
    );
  });

  it('follows a dark Telegram theme', async () => {
    const page = await openPage();
    const boris = { id: 7_001_002, first_name: 'Борис', language_code: 'ru' };
    await page.goto(launchUrl(server.url, signInitData(boris, server.botToken), DARK_THEME));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Борис' }).waitFor();

    expect(await page.getByRole('link', { name: /^Записать сон/ }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(14, 22, 33)',
    );
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(245, 245, 245)');
    await screenshot(page, 'miniapp-home-dark.png');
  });

  it('tells a plain browser to open the app from the bot when the server has no demo mode', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Open Mechta in Telegram' }).waitFor();
    expect(await page.getByRole('button', { name: 'Continue as demo user' }).count()).toBe(0);
  });
});

describe('Mini App in a plain browser, server in demo mode', () => {
  let server: TestServer;

  beforeAll(async () => {
    // Without a bot token, and asked for (tests run with NODE_ENV=test), the server offers the local demo sign-in.
    server = await startTestServer({ BOT_TOKEN: '', DEMO_MODE: 'true' });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('offers the demo sign-in, signs in, and keeps the session on reload', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Welcome to Mechta' }).waitFor();
    await screenshot(page, 'miniapp-demo-signin.png');

    await page.getByRole('button', { name: 'Continue as demo user' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Demo' }).waitFor();
    expect(await page.getByRole('link', { name: /^Log a dream/ }).isVisible()).toBe(true);

    await page.reload();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Demo' }).waitFor();
    expect(await page.getByRole('button', { name: 'Continue as demo user' }).count()).toBe(0);
  });
});

describe('the dream form on a server with its own limits', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ DREAM_MIN_CHARS: '30', DREAM_MAX_CHARS: '300' });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('counts against and checks the limits the server sends, not built-in ones', async () => {
    const page = await openPage();
    const user = { id: 7_001_077, first_name: 'Lev', language_code: 'en' };
    await page.goto(launchUrl(server.url, signInitData(user, server.botToken), LIGHT_THEME));
    await page.getByRole('link', { name: /^Log a dream/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a dream' }).waitFor();
    const text = page.getByLabel('What did you dream?');
    // 20 characters: enough for a build that knew only its own minimum of 10, short for this server.
    await text.fill('A door in the field.');
    expect(await page.getByText('20 / 300').isVisible()).toBe(true);
    expect(await page.getByText('At least 30 characters').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save the dream' }).click();
    await page.getByText('too short — describe the dream in a few more words').waitFor();
    const dreams = await server.db.selectFrom('dreams').select('id').where('userId', '=', user.id).execute();
    expect(dreams).toEqual([]);
  });
});
