import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { type InitDataUser, signInitData } from '@mechta/testing/telegram';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, CHROMIUM_ARGS, ensureBuilt, LIGHT_THEME, launchUrl } from './browser.ts';

// The time zone taken from the device on the first open of the production build in Chromium: a
// browser context in Asia/Tokyo stands for a phone set to Tokyo time.

const mika: InitDataUser = { id: 7_009_001, first_name: 'Mika', language_code: 'en' };
const vera: InitDataUser = { id: 7_009_002, first_name: 'Vera', language_code: 'ru' };

let server: TestServer;
let browser: Browser;
let context: BrowserContext | undefined;
const pageErrors: string[] = [];

async function openIn(timezoneId: string, user: InitDataUser): Promise<Page> {
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    timezoneId,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(launchUrl(server.url, signInitData(user, server.botToken), LIGHT_THEME));
  await page.getByRole('heading', { level: 1 }).filter({ hasText: user.first_name }).waitFor();
  return page;
}

const stored = (id: number) =>
  server.db
    .selectFrom('users')
    .select(['timezone', 'timezoneSource'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/** Re-checks `condition` until it holds (the test's own timeout bounds the wait). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 100));
}

beforeAll(async () => {
  ensureBuilt();
  fs.mkdirSync(artifacts, { recursive: true });
  server = await startTestServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('time zone on first open', () => {
  it("takes the device's zone for a user who never chose one, and the profile shows it", {
    timeout: 60_000,
  }, async () => {
    const page = await openIn('Asia/Tokyo', mika);
    await until(async () => (await stored(mika.id)).timezone === 'Asia/Tokyo');
    expect(await stored(mika.id)).toEqual({ timezone: 'Asia/Tokyo', timezoneSource: 'auto' });

    await page
      .getByRole('link', { name: /^Profile and settings/ })
      .last()
      .click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Asia/Tokyo');
    expect(await page.getByLabel('Day starts at').inputValue()).toBe('04:00');
    // Nothing to save: the detected zone is already the user's.
    expect(await page.getByRole('button', { name: 'No changes to save' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'profile-timezone.png'), fullPage: true });
  });

  it('keeps a zone the user chose in the bot, whatever the device says', { timeout: 60_000 }, async () => {
    await server.core.users.registerFromTelegram(vera);
    await server.core.users.updateSettings(vera.id, { timezone: 'Europe/Moscow' });
    const page = await openIn('Asia/Tokyo', vera);
    await page
      .getByRole('link', { name: /^Профиль и настройки/ })
      .last()
      .click();
    await page.getByRole('heading', { name: 'Профиль' }).waitFor();
    expect(await page.getByLabel('Часовой пояс').inputValue()).toBe('Europe/Moscow');
    expect(await stored(vera.id)).toEqual({ timezone: 'Europe/Moscow', timezoneSource: 'user' });
  });

  it('saves the day start from the profile', { timeout: 60_000 }, async () => {
    const page = await openIn('Europe/Berlin', mika);
    await page
      .getByRole('link', { name: /^Profile and settings/ })
      .last()
      .click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    await page.getByLabel('Day starts at').fill('05:30');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Settings saved').waitFor();
    const row = await server.db
      .selectFrom('users')
      .select(['dayStartsAt', 'timezone'])
      .where('id', '=', mika.id)
      .executeTakeFirstOrThrow();
    // Detected once already: another device's zone does not move it either.
    expect(row).toEqual({ dayStartsAt: '05:30', timezone: 'Asia/Tokyo' });
  });
});
