import fs from 'node:fs';
import path from 'node:path';
import type { Invoice, TelegramGateway } from '@mechta/core';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { TEST_ADMIN_ID } from '@mechta/testing/core';
import { type InitDataUser, signInitData } from '@mechta/testing/telegram';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { artifacts, CHROMIUM_ARGS, DARK_THEME, ensureBuilt, LIGHT_THEME, launchUrl } from './browser.ts';

// The wallet, referral and admin screens of the production build in real Chromium, against the real
// API on a test database. Telegram is played twice: by a fake TelegramGateway on the server (invoice
// links, Stars refunds) and, where a test needs it, by a fake Telegram client in the page that opens
// the invoice and reports it paid, the way Telegram's apps talk to a Mini App.

const STARTING_TOKENS = 20;
const BOT_USERNAME = 'mechta_test_bot';

/**
 * A Telegram client for the page: the Mini App's events arrive at `TelegramWebviewProxy.postEvent`
 * (as in Telegram's mobile apps) and are recorded in `window.__telegramEvents`; the requests the SDK
 * waits for at start-up are answered as Telegram answers them.
 */
function fakeTelegramClient(theme: Record<string, string>): void {
  type Receiver = { Telegram?: { WebView?: { receiveEvent?: (name: string, data: unknown) => void } } };
  const events: { name: string; data: unknown }[] = [];
  const host = window as unknown as Receiver & Record<string, unknown>;
  host.__telegramEvents = events;
  const reply = (name: string, data: unknown) =>
    setTimeout(() => (window as unknown as Receiver).Telegram?.WebView?.receiveEvent?.(name, data), 0);
  const noInsets = { top: 0, bottom: 0, left: 0, right: 0 };
  host.TelegramWebviewProxy = {
    postEvent(name: string, data?: string) {
      events.push({ name, data: data ? JSON.parse(data) : null });
      if (name === 'web_app_request_viewport') {
        reply('viewport_changed', {
          height: window.innerHeight,
          width: window.innerWidth,
          is_expanded: true,
          is_state_stable: true,
        });
      } else if (name === 'web_app_request_safe_area') {
        reply('safe_area_changed', noInsets);
      } else if (name === 'web_app_request_content_safe_area') {
        reply('content_safe_area_changed', noInsets);
      } else if (name === 'web_app_request_theme') {
        reply('theme_changed', { theme_params: theme });
      }
    },
  };
}

/** Stands in for the bot's Telegram calls: invoice links and Stars refunds, recorded. */
function fakeGateway() {
  const invoices: Invoice[] = [];
  const refunds: { userId: number; chargeId: string }[] = [];
  const gateway: TelegramGateway = {
    async createInvoiceLink(invoice) {
      invoices.push(invoice);
      return `https://t.me/$mechta_invoice_${invoices.length}`;
    },
    async refundStarPayment(userId, chargeId) {
      refunds.push({ userId, chargeId });
    },
    botUsername: () => BOT_USERNAME,
  };
  return { gateway, invoices, refunds };
}

const alisa: InitDataUser = {
  id: 7_003_001,
  first_name: 'Alisa',
  last_name: 'Sonina',
  username: 'alisa_dreams',
  language_code: 'en',
};
const boris: InitDataUser = { id: 7_003_002, first_name: 'Boris', language_code: 'en' };
const admin: InitDataUser = {
  id: TEST_ADMIN_ID,
  first_name: 'Vera',
  username: 'vera_admin',
  language_code: 'en',
};

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];
let charges = 0;

/** Creates the user as a sign-in does. */
async function signUp(user: InitDataUser): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/auth/telegram`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ init_data: signInitData(user, server.botToken) }),
  });
  expect(response.status).toBe(200);
}

/** A Stars payment as the bot records it on `successful_payment`. */
async function pay(userId: number, offerId: string, invoice?: Invoice) {
  const issued = invoice ?? (await server.core.wallet.invoice(userId, offerId));
  charges += 1;
  return server.core.wallet.creditStarsPayment({
    userId,
    payload: issued.payload,
    totalAmount: issued.prices[0]?.amount ?? 0,
    telegramChargeId: `test-charge-${charges}`,
  });
}

async function openApp(
  user: InitDataUser,
  options: { insideTelegram?: boolean; theme?: Record<string, string> } = {},
): Promise<Page> {
  const theme = options.theme ?? LIGHT_THEME;
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    reducedMotion: 'reduce',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  if (options.insideTelegram) await context.addInitScript(fakeTelegramClient, theme);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // Fluent reports broken or duplicate messages in the .ftl files this way.
    if (message.type() === 'error' && message.text().includes('.ftl')) pageErrors.push(message.text());
  });
  await page.goto(launchUrl(server.url, signInitData(user, server.botToken), theme));
  await page.getByRole('heading', { level: 1 }).filter({ hasText: user.first_name }).waitFor();
  return page;
}

async function openWallet(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Wallet/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Wallet' }).waitFor();
  await page.getByTestId('wallet-balance').waitFor();
}

function balanceOf(page: Page): Promise<string | null> {
  return page.getByTestId('wallet-balance').textContent();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, name), fullPage: true });
}

beforeAll(async () => {
  ensureBuilt();
  fs.mkdirSync(artifacts, { recursive: true });
  server = await startTestServer({ STARTING_TOKENS: String(STARTING_TOKENS) });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

beforeEach(() => {
  // No bot unless a test plugs one in: the invoice and refund routes then answer 503.
  server.core.setTelegramGateway(undefined);
});

afterEach(async () => {
  await context?.close();
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('wallet', () => {
  it('shows the balance, quotas, prices, offers and the welcome entry; buying without a bot says why', async () => {
    const page = await openApp(alisa);
    await openWallet(page);

    expect(await balanceOf(page)).toBe(`${STARTING_TOKENS} tokens`);
    expect(await page.locator('.wallet-hero').getByText('Free').isVisible()).toBe(true);

    const texts = page.getByRole('progressbar', { name: 'Dream analyses' });
    expect(await texts.getAttribute('aria-valuetext')).toBe('0 of 5');
    expect(await page.getByRole('progressbar', { name: 'Images' }).getAttribute('aria-valuetext')).toBe(
      '0 of 1',
    );
    expect(await page.getByText(/^Resets at \d{1,2}:\d{2}/).isVisible()).toBe(true);
    // Which limit applies when: the quota counts actions per day, tokens are each one's price.
    expect(
      await page
        .getByText('The daily quota is how many analyses and images your plan allows each day.', {
          exact: false,
        })
        .isVisible(),
    ).toBe(true);
    expect(
      await page
        .getByText('Tokens are the price of each action: analysis 1, image 2, video 10', { exact: false })
        .isVisible(),
    ).toBe(true);
    expect(await page.getByText('Pro lifts the quota to 100 analyses and 20 images a day.').isVisible()).toBe(
      true,
    );

    const prices = page.locator('.price-row');
    expect(await prices.filter({ hasText: 'Dream analysis' }).textContent()).toContain('1 token');
    expect(await prices.filter({ hasText: 'Dream video' }).textContent()).toContain('10 tokens');

    for (const name of ['50 tokens for 50 Stars', '150 tokens for 135 Stars', '500 tokens for 400 Stars']) {
      expect(await page.getByRole('button', { name }).isVisible()).toBe(true);
    }
    for (const name of [
      'Pro pass for 1 hour, 5 Stars',
      'Pro pass for 1 day, 40 Stars',
      'Pro pass for 30 days, 500 Stars',
    ]) {
      expect(await page.getByRole('button', { name }).isVisible()).toBe(true);
    }

    // The ledger starts with the welcome tokens.
    const entry = page.locator('.ledger-row').first();
    await entry.waitFor();
    expect(await page.locator('.ledger-row').count()).toBe(1);
    expect(await entry.textContent()).toContain('Welcome bonus');
    expect(await entry.locator('.ledger-row__delta').textContent()).toBe(`+${STARTING_TOKENS}`);

    // Without a bot the server has no way to issue an invoice, and the screen says so.
    await page.getByRole('button', { name: '50 tokens for 50 Stars' }).click();
    const alert = page.locator('.wallet-notice[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Payments through Telegram aren't available right now.");
    expect(await balanceOf(page)).toBe(`${STARTING_TOKENS} tokens`);

    // No bot, no bot username: the referral block gives the code instead of a link.
    const code = (await server.core.users.requireUser(alisa.id)).referralCode;
    expect(await page.locator('.referral-card').textContent()).toContain(`Your invitation code is ${code}`);
  });

  it('pays for a token pack inside Telegram, then shows the new balance and the purchase', async () => {
    const telegram = fakeGateway();
    server.core.setTelegramGateway(telegram.gateway);
    const page = await openApp(boris, { insideTelegram: true });
    await openWallet(page);
    expect(await balanceOf(page)).toBe(`${STARTING_TOKENS} tokens`);

    await page.getByRole('button', { name: '150 tokens for 135 Stars' }).click();

    // The Mini App asks Telegram to open the invoice whose link the server got for it.
    const opened = await page.waitForFunction(() => {
      const events = (window as unknown as { __telegramEvents: { name: string; data: { slug?: string } }[] })
        .__telegramEvents;
      return events.find((event) => event.name === 'web_app_open_invoice')?.data.slug;
    });
    expect(await opened.jsonValue()).toBe('mechta_invoice_1');
    expect(telegram.invoices).toHaveLength(1);
    expect(telegram.invoices[0]?.prices[0]?.amount).toBe(135);

    // The user pays: the bot gets successful_payment, and Telegram closes the invoice as paid.
    await pay(boris.id, 'tokens_150', telegram.invoices[0]);
    await page.evaluate(() => {
      const host = window as unknown as {
        Telegram: { WebView: { receiveEvent(n: string, d: unknown): void } };
      };
      host.Telegram.WebView.receiveEvent('invoice_closed', { slug: 'mechta_invoice_1', status: 'paid' });
    });

    await page
      .getByTestId('wallet-balance')
      .filter({ hasText: `${STARTING_TOKENS + 150}` })
      .waitFor();
    expect(await page.locator('.wallet-notice').textContent()).toContain('Payment received, thank you!');
    const purchase = page.locator('.ledger-row').filter({ hasText: 'Tokens bought' });
    await purchase.waitFor();
    expect(await purchase.locator('.ledger-row__delta').textContent()).toBe('+150');
    expect(await page.locator('.ledger-row').count()).toBe(2);
    // A success haptic went to Telegram.
    const haptics = await page.evaluate(() =>
      (
        window as unknown as { __telegramEvents: { name: string; data: { type?: string } }[] }
      ).__telegramEvents
        .filter((event) => event.name === 'web_app_trigger_haptic_feedback')
        .map((event) => event.data.type),
    );
    expect(haptics).toContain('notification');

    // With a bot the referral link is there, and Copy puts it on the clipboard.
    const code = (await server.core.users.requireUser(boris.id)).referralCode;
    const link = `https://t.me/${BOT_USERNAME}?start=ref_${code}`;
    expect(await page.locator('.referral-card__link').textContent()).toBe(link.replace('https://', ''));
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('status').getByText('Link copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await page.locator('.referral-card').textContent()).toContain(
      'you get 10 tokens and your friend gets 5',
    );

    await page.locator('.toast').waitFor({ state: 'detached' });
    await screenshot(page, 'wallet.png');

    // The SDK, which starts after the first paint, told Telegram the app is ready and shows its Back
    // button on this screen; pressing it goes home, which hides the button again.
    type Events = { __telegramEvents: { name: string; data: { is_visible?: boolean } }[] };
    const backButtonShown = () =>
      page.evaluate(
        () =>
          (window as unknown as Events).__telegramEvents
            .filter((event) => event.name === 'web_app_setup_back_button')
            .at(-1)?.data.is_visible,
      );
    expect(
      await page.evaluate(() =>
        (window as unknown as Events).__telegramEvents.some((event) => event.name === 'web_app_ready'),
      ),
    ).toBe(true);
    expect(await backButtonShown()).toBe(true);
    // Telegram switching its theme reaches the page through the SDK.
    await page.evaluate((theme) => {
      (
        window as unknown as { Telegram: { WebView: { receiveEvent(n: string, d?: unknown): void } } }
      ).Telegram.WebView.receiveEvent('theme_changed', { theme_params: theme });
    }, DARK_THEME);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    await page.evaluate(() => {
      (
        window as unknown as { Telegram: { WebView: { receiveEvent(n: string, d?: unknown): void } } }
      ).Telegram.WebView.receiveEvent('back_button_pressed');
    });
    await page.getByRole('heading', { level: 1 }).filter({ hasText: boris.first_name }).waitFor();
    await expect.poll(backButtonShown).toBe(false);
  });

  it('shows a pass countdown and the higher limits for a pro user, in Russian and a dark theme', async () => {
    const russian: InitDataUser = { id: 7_003_003, first_name: 'Дарья', language_code: 'ru' };
    await signUp(russian);
    await pay(russian.id, 'pass_24h');
    const page = await openApp(russian, { theme: DARK_THEME });
    await page.getByRole('link', { name: /^Кошелёк/ }).click();
    await page.getByTestId('wallet-balance').waitFor();

    expect(await balanceOf(page)).toBe(`${STARTING_TOKENS} токенов`);
    expect(await page.locator('.wallet-hero .badge').textContent()).toBe('Pro');
    expect(await page.locator('.wallet-hero__countdown').textContent()).toMatch(
      /^осталось (23 ч \d+ мин|1 д 0 ч)$/,
    );
    expect(await page.getByRole('progressbar', { name: 'Разборы снов' }).getAttribute('aria-valuetext')).toBe(
      '0 из 100',
    );
    // The lift is visible: the Pro quota next to the free plan's.
    expect(
      await page
        .getByText('С Pro ваша квота — 100 разборов и 20 картинок в день (на бесплатном тарифе — 5 и 1).')
        .isVisible(),
    ).toBe(true);
    expect(await page.getByRole('button', { name: 'Пропуск Pro на 7 дней за 150 звёзд' }).isVisible()).toBe(
      true,
    );
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(14, 22, 33)',
    );
    await screenshot(page, 'wallet-dark.png');
  });
});

describe('admin', () => {
  /** The Telegram charge of the seeded 50-token purchase, which the admin refunds. */
  let smallPackCharge = '';

  beforeAll(async () => {
    // A month of history: users joining over the weeks, and some of them paying.
    const people = Array.from({ length: 9 }, (_, n) => ({
      id: 7_004_000 + n,
      first_name: `Sleeper ${n + 1}`,
    }));
    for (const person of people) await signUp(person);
    await signUp(alisa);
    const day = 86_400_000;
    for (const [n, person] of people.entries()) {
      await server.db
        .updateTable('users')
        .set({ createdAt: new Date(Date.now() - (n * 3 + 1) * day) })
        .where('id', '=', person.id)
        .execute();
    }
    const offers = ['tokens_50', 'tokens_150', 'pass_24h', 'tokens_500', 'pass_168h'];
    for (const [n, offerId] of offers.entries()) {
      const { payment } = await pay(people[n]?.id ?? alisa.id, offerId);
      if (offerId === 'tokens_50') smallPackCharge = payment.telegramChargeId;
      await server.db
        .updateTable('payments')
        .set({ createdAt: new Date(Date.now() - (n * 5 + 2) * day) })
        .where('id', '=', payment.id)
        .execute();
    }
  });

  it('shows an admin the figures and charts, refunds a payment, and manages a user', {
    timeout: 60_000,
  }, async () => {
    const telegram = fakeGateway();
    server.core.setTelegramGateway(telegram.gateway);
    const page = await openApp(admin);

    // The dashboard is reached from the profile page, where only admins see it.
    await page
      .getByRole('link', { name: /^Profile and settings/ })
      .last()
      .click();
    await page.getByRole('link', { name: /^Admin/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();

    const tiles = page.getByTestId('admin-tiles');
    await tiles.waitFor();
    const tile = (label: string) =>
      tiles.locator('.admin-tile').filter({ hasText: label }).locator('.admin-tile__value');
    const stats = await server.core.admin.dashboard(30);
    expect(await tile('Users').textContent()).toBe(String(stats.users));
    // The month's history seeded above, plus whatever the wallet tests bought today.
    expect(stats.payments).toBeGreaterThanOrEqual(5);
    expect(await tile('Payments').textContent()).toBe(String(stats.payments));
    expect(await tile('Stars revenue').textContent()).toBe(
      new Intl.NumberFormat('en').format(stats.starsRevenue),
    );
    expect(await tile('Active today').textContent()).toBe(String(stats.activeToday));

    // Two daily charts and the token flow, drawn with data: a revenue bar for each day with payments.
    await page.locator('.admin-chart').nth(2).waitFor();
    expect(await page.locator('.admin-chart .recharts-surface').count()).toBe(3);
    expect(await page.locator('.recharts-area-area').count()).toBe(1);
    const payingDays = stats.series.filter((point) => point.starsRevenue > 0).length;
    expect(payingDays).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.admin-chart').nth(1).locator('.recharts-bar-rectangle path').count()).toBe(
      payingDays,
    );
    await screenshot(page, 'admin.png');

    // Payments: a refund asks first, then goes through Telegram.
    await page.getByRole('tab', { name: 'Payments' }).click();
    const rows = page.getByTestId('admin-payment');
    await rows.nth(stats.payments - 1).waitFor();
    expect(await rows.count()).toBe(stats.payments);
    const smallPack = rows.filter({ has: page.locator('.payment-row__what', { hasText: /^50 tokens$/ }) });
    await smallPack.getByRole('button', { name: 'Refund' }).click();
    expect(await smallPack.textContent()).toContain('Refund 50 Stars and take back 50 tokens?');
    await smallPack.locator('.admin-confirm').getByRole('button', { name: 'Refund' }).click();
    await smallPack.locator('.status-pill', { hasText: 'Refunded' }).waitFor();
    expect(telegram.refunds).toEqual([{ userId: 7_004_000, chargeId: smallPackCharge }]);
    expect(await smallPack.getByRole('button', { name: 'Refund' }).count()).toBe(0);
    await screenshot(page, 'admin-payments.png');

    // Users: find Alisa by @username and give her tokens, then block her.
    await page.getByRole('tab', { name: 'Users' }).click();
    // Before a search, the list shows the newest users; the search narrows it down.
    const sleepers = page.locator('.user-row').filter({ hasText: 'Sleeper' });
    await sleepers.first().waitFor();
    await page.getByPlaceholder('Telegram id, @username or name').fill('@alisa');
    await sleepers.first().waitFor({ state: 'detached' });
    await page.locator('.user-row').filter({ hasText: 'Alisa Sonina' }).waitFor();
    expect(await page.locator('.user-row').count()).toBe(1);
    await page.locator('.user-row').click();
    await page.getByRole('heading', { level: 1, name: 'User' }).waitFor();
    const fact = (label: string) => page.locator('.fact').filter({ hasText: label }).locator('dd');
    await fact('Balance').waitFor();
    const before = (await server.core.wallet.getBalance(alisa.id)).balance;
    expect(await fact('Balance').textContent()).toBe(`${before} tokens`);

    await page.getByLabel('Amount').fill('7');
    await page.getByLabel('Reason').fill('Thank you for the bug report');
    await page.getByRole('button', { name: 'Grant' }).click();
    await page.getByRole('status').getByText('7 tokens granted').waitFor();
    await fact('Balance')
      .filter({ hasText: `${before + 7} tokens` })
      .waitFor();
    const ledger = await server.core.wallet.ledger(alisa.id);
    expect(ledger.items[0]).toMatchObject({
      kind: 'grant',
      delta: 7,
      reason: 'Thank you for the bug report',
    });

    await page.getByRole('button', { name: 'Block' }).click();
    await page.locator('.admin-confirm').getByRole('button', { name: 'Block' }).click();
    await page.locator('.profile-card').getByText('Blocked').waitFor();
    expect((await server.core.users.requireUser(alisa.id)).isBlocked).toBe(true);
    await page.getByRole('button', { name: 'Unblock' }).click();
    await page.getByRole('status').getByText('User unblocked').waitFor();
    expect((await server.core.users.requireUser(alisa.id)).isBlocked).toBe(false);

    // A week of pro from the plan form.
    await page.getByRole('radio', { name: 'Pro' }).click();
    await page.getByLabel('Pass length').selectOption('168');
    await page.getByRole('button', { name: 'Set plan' }).click();
    await page.getByRole('status').getByText('Plan updated').waitFor();
    await fact('Plan')
      .filter({ hasText: /^Pro until/ })
      .waitFor();
    await page.locator('.toast').waitFor({ state: 'detached' });
    await screenshot(page, 'admin-user.png');
    expect((await server.core.wallet.getPlan(alisa.id)).plan).toBe('pro');
  });

  it('shows a refund Telegram has not confirmed as under way, and finishes it with a second press', {
    timeout: 60_000,
  }, async () => {
    const telegram = fakeGateway();
    let telegramAnswers = false;
    server.core.setTelegramGateway({
      ...telegram.gateway,
      async refundStarPayment(userId, chargeId) {
        if (!telegramAnswers) throw new Error('socket hang up');
        await telegram.gateway.refundStarPayment(userId, chargeId);
      },
    });
    const page = await openApp(admin);
    await page
      .getByRole('link', { name: /^Profile and settings/ })
      .last()
      .click();
    await page.getByRole('link', { name: /^Admin/ }).click();
    await page.getByRole('tab', { name: 'Payments' }).click();
    const pack = page
      .getByTestId('admin-payment')
      .filter({ has: page.locator('.payment-row__what', { hasText: /^150 tokens$/ }) })
      .first();
    await pack.getByRole('button', { name: 'Refund' }).click();
    await pack.locator('.admin-confirm').getByRole('button', { name: 'Refund' }).click();
    await pack.getByRole('alert').getByText('Telegram has not confirmed the refund yet').waitFor();
    await pack.locator('.status-pill', { hasText: 'Refunding' }).waitFor();
    await screenshot(page, 'admin-payments-refunding.png');

    telegramAnswers = true;
    await pack.getByRole('button', { name: 'Finish the refund' }).click();
    await pack.locator('.admin-confirm').getByRole('button', { name: 'Refund' }).click();
    await pack.locator('.status-pill', { hasText: 'Refunded' }).waitFor();
    expect(telegram.refunds).toHaveLength(1);
    expect(await pack.getByRole('button', { name: /Refund|Finish/ }).count()).toBe(0);
  });

  it('shows a normal user nothing of the admin screens', async () => {
    const page = await openApp(boris);
    await page
      .getByRole('link', { name: /^Profile and settings/ })
      .last()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    expect(await page.getByRole('link', { name: /^Admin/ }).count()).toBe(0);

    // Typing the address does not help: the app goes home, and the API never answered with figures.
    const adminCalls: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/v1/admin/')) adminCalls.push(response.status());
    });
    await page.evaluate(() => {
      window.location.hash = '#/admin';
    });
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Boris' }).waitFor();
    expect(page.url()).not.toContain('#/admin');
    expect(await page.getByRole('heading', { name: 'Admin' }).count()).toBe(0);
    expect(await page.getByTestId('admin-tiles').count()).toBe(0);
    expect(adminCalls.every((status) => status === 404)).toBe(true);

    await page.evaluate(() => {
      window.location.hash = '#/admin/users/7003001';
    });
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Boris' }).waitFor();
    expect(page.url()).not.toContain('#/admin');
  });
});
