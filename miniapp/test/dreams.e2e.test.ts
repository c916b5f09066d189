import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerDreamsJobs } from '@mechta/core/dreams/jobs';
import { seedDreams } from '@mechta/db';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { startFakeReplicate } from '@mechta/testing/fake-replicate';
import { type InitDataUser, signInitData } from '@mechta/testing/telegram';
import { opusVoiceNote } from '@mechta/testing/voice';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, CHROMIUM_ARGS, DARK_THEME, ensureBuilt, LIGHT_THEME, launchUrl } from './browser.ts';

// The dreams screens of the production build in real Chromium, against the real API and job
// workers on a test database, with the offline AI: dreams get analysed and painted as they would
// on a server without AI keys, where no video is offered.

const alisa: InitDataUser = {
  id: 7_002_001,
  first_name: 'Alisa',
  last_name: 'Sonina',
  username: 'alisa_dreams',
  language_code: 'en',
};
const boris: InitDataUser = { id: 7_002_002, first_name: 'Boris', language_code: 'ru' };

const DREAMS = {
  flight: 'Я летала над ночным городом, крыши светились внизу, и я совсем не боялась высоты.',
  chase: 'За мной гнались собаки по тёмной улице, и я убежала в старый подъезд.',
  gothic:
    'I wandered through an abandoned church at midnight; something moaned in the crypt below, a real nightmare.',
};

let server: TestServer;
let browser: Browser;
// Generated pictures and videos go to a folder of this test run, not to the checkout's DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-dreams-e2e-'));
let context: BrowserContext;
const pageErrors: string[] = [];
/** Dream ids by the DREAMS key they were written from. */
const ids: Record<string, string> = {};

interface Envelope<T> {
  ok: boolean;
  result: T;
  error: { code: string; message: string } | null;
}

/** A signed-in API client for one Telegram user, as the Mini App itself would be. */
async function apiAs(user: InitDataUser, target: TestServer = server) {
  const call = async <T>(method: string, route: string, body?: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${target.url}/api/v1${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const envelope = (await response.json()) as Envelope<T>;
    if (!envelope.ok)
      throw new Error(`${method} ${route}: ${envelope.error?.code} ${envelope.error?.message}`);
    return envelope.result;
  };
  const auth = await call<{ access_token: string }>('POST', '/auth/telegram', {
    init_data: signInitData(user, target.botToken),
  });
  return <T>(method: string, route: string, body?: unknown) =>
    call<T>(method, route, body, auth.access_token);
}

async function openApp(user: InitDataUser = alisa, theme = LIGHT_THEME, target = server): Promise<Page> {
  // Reduced motion: charts and cards draw at once, so a screenshot shows the finished screen.
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // Fluent reports broken or duplicate messages in the .ftl files this way.
    if (message.type() === 'error' && message.text().includes('.ftl')) pageErrors.push(message.text());
  });
  await page.goto(launchUrl(target.url, signInitData(user, target.botToken), theme));
  await page.getByRole('heading', { level: 1 }).filter({ hasText: user.first_name }).waitFor();
  return page;
}

async function openJournal(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Journal/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, name), fullPage: true });
}

/** The category chip on a card or screen. */
function categoryChip(scope: Page | Locator, name: string): Locator {
  return scope.locator('.category-chip', { hasText: name });
}

/** Re-checks `condition` until it holds (the test's own timeout bounds the wait). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Waits until every picture on the page has loaded and has pixels (a broken image has none). */
async function picturesLoaded(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => {
    const images = Array.from(document.querySelectorAll<HTMLImageElement>('main img'));
    return images.length === n && images.every((image) => image.complete && image.naturalWidth > 0);
  }, count);
}

beforeAll(async () => {
  ensureBuilt();
  fs.mkdirSync(artifacts, { recursive: true });
  // Enough quota and tokens for every dream of the test to be analysed and painted.
  server = await startTestServer({
    DATA_DIR: dataDir,
    QUOTA_FREE_TEXT: '50',
    QUOTA_FREE_IMAGE: '50',
    STARTING_TOKENS: '200',
  });
  await registerDreamsJobs(server.core);
  await server.core.queue.startWorkers();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

  const api = await apiAs(alisa);
  for (const [key, text] of Object.entries(DREAMS)) {
    const dream = await api<{ id: string }>('POST', '/dreams', { text, lucid: key === 'flight' });
    ids[key] = dream.id;
  }
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

describe('dream journal', () => {
  it('shows the dreams as a gallery that fills with pictures once they are analysed', {
    timeout: 60_000,
  }, async () => {
    const page = await openApp();
    await openJournal(page);

    const cards = page.locator('.dream-card');
    await cards.nth(2).waitFor();
    expect(await cards.count()).toBe(3);
    // The analysis and the painting run in the background; the gallery follows them by itself.
    await picturesLoaded(page, 3);
    expect(await page.getByText('3 dreams').isVisible()).toBe(true);

    const gothicCard = page.locator(`a[href="#/dreams/${ids.gothic}"]`);
    expect(await categoryChip(gothicCard, 'Gothic').isVisible()).toBe(true);
    const flightCard = page.locator(`a[href="#/dreams/${ids.flight}"]`);
    expect(await categoryChip(flightCard, 'Flight').isVisible()).toBe(true);
    expect(await flightCard.getByText('Lucid').isVisible()).toBe(true);
    await screenshot(page, 'dreams-gallery.png');

    // Search narrows the gallery to the dream that mentions dogs (Russian full-text search).
    await page.getByRole('searchbox', { name: 'Search dreams' }).fill('собаки');
    await page.getByText('1 dream found').waitFor();
    expect(await cards.count()).toBe(1);
    expect(await categoryChip(page.locator(`a[href="#/dreams/${ids.chase}"]`), 'Chase').isVisible()).toBe(
      true,
    );

    // A search with no match says so and offers to clear the filters.
    await page.getByRole('searchbox', { name: 'Search dreams' }).fill('submarine');
    await page.getByRole('heading', { name: 'Nothing found' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('3 dreams').waitFor();

    // A category chip shows only that kind of dream.
    await page.getByRole('button', { name: /Flight/ }).click();
    await page.getByText('1 dream found').waitFor();
    expect(await cards.count()).toBe(1);
    expect(await page.locator(`a[href="#/dreams/${ids.flight}"]`).isVisible()).toBe(true);

    // So does the lucid filter, combined with no category.
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.getByText('3 dreams').waitFor();
    await page.getByRole('button', { name: /Lucid/ }).click();
    await page.getByText('1 dream found').waitFor();
    expect(await page.locator(`a[href="#/dreams/${ids.flight}"]`).isVisible()).toBe(true);
  });

  it('says so when the next page does not come, keeps the list, and loads it on the next try', async () => {
    const vera: InitDataUser = { id: 7_002_003, first_name: 'Vera', language_code: 'en' };
    await apiAs(vera);
    await seedDreams(server.core.db, { firstUserId: vera.id, users: 1, count: 25 });
    const page = await openApp(vera);
    // The network drops the first request for the second page.
    let dropped = 0;
    await page.route(/\/api\/v1\/dreams\?.*page=2/, (route) =>
      dropped++ === 0 ? route.abort('connectionreset') : route.continue(),
    );
    await openJournal(page);
    const cards = page.locator('.dream-card');
    await page.getByText('25 dreams').waitFor();
    expect(await cards.count()).toBe(20);

    // Scrolling to the end asks for the next page by itself; this time it fails.
    const more = page.getByRole('button', { name: 'Show more' });
    await more.scrollIntoViewIfNeeded();
    const failed = page.getByRole('alert').filter({ hasText: 'Could not load more' });
    await failed.waitFor();
    // It is not retried behind the reader's back (while offline that would be a loop of requests).
    await page.waitForTimeout(1000);
    expect(dropped).toBe(1);
    expect(await cards.count()).toBe(20);
    await screenshot(page, 'dreams-gallery-more-failed.png');

    await more.click();
    await until(async () => (await cards.count()) === 25);
    expect(await failed.count()).toBe(0);
    expect(await more.count()).toBe(0);
    expect(dropped).toBe(2);
  });

  it('opens a dream with its analysis and picture, offers no video offline, and shares it', async () => {
    const api = await apiAs(alisa);
    const balanceBefore = (await api<{ balance: number }>('GET', '/wallet')).balance;
    const page = await openApp();
    await openJournal(page);
    await page.locator(`a[href="#/dreams/${ids.gothic}"]`).click();

    await page.getByRole('heading', { name: 'Analysis' }).waitFor();
    const analysis = page.locator('section', { has: page.getByRole('heading', { name: 'Analysis' }) });
    expect(await categoryChip(analysis, 'Gothic').isVisible()).toBe(true);
    expect(await analysis.getByText(/^Confidence \d+%$/).isVisible()).toBe(true);
    expect(await analysis.getByRole('heading', { name: 'Emotions' }).isVisible()).toBe(true);
    expect(await analysis.getByText('analysed offline').isVisible()).toBe(true);
    expect(await page.getByText(DREAMS.gothic).isVisible()).toBe(true);
    await picturesLoaded(page, 1);
    expect(await page.getByText('offline art').isVisible()).toBe(true);

    // No video provider here: no video section at all, rather than a button that can only refuse.
    expect(await page.getByRole('heading', { name: 'Video' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Create a video/ }).count()).toBe(0);
    expect((await api<{ balance: number }>('GET', '/wallet')).balance).toBe(balanceBefore);

    await page.getByRole('button', { name: 'Share anonymously' }).click();
    await page.getByText('In the public feed, anonymously.').waitFor();
    expect(await page.getByText(/^(24 h|23 h 5\d min) left$/).isVisible()).toBe(true);
    await page.getByRole('status').getByText('Shared anonymously').waitFor({ state: 'detached' });
    await screenshot(page, 'dreams-detail.png');

    // Telegram's Back button (drawn by the page outside Telegram) returns to the journal.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    // Its card in the journal now carries the "shared" mark.
    await page.locator(`a[href="#/dreams/${ids.gothic}"]`).getByText('In the feed').waitFor();
  });

  it('shows the public feed with authors, anonymity and the time each dream has left', async () => {
    const borisApi = await apiAs(boris);
    const dream = await borisApi<{ id: string }>('POST', '/dreams', {
      text: 'Моя рука превратилась в ветку, а потом я стала птицей и улетела в окно.',
    });
    await borisApi('POST', `/dreams/${dream.id}/share`, { anonymous: false });
    await until(
      async () =>
        (await borisApi<{ image_status: string }>('GET', `/dreams/${dream.id}`)).image_status === 'done',
    );

    const page = await openApp();
    await page.getByRole('link', { name: /^Feed/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Feed' }).waitFor();

    const borisCard = page.locator('article', { has: page.locator(`a[href="#/dreams/${dream.id}"]`) });
    const ownCard = page.locator('article', { has: page.locator(`a[href="#/dreams/${ids.gothic}"]`) });
    await borisCard.waitFor();
    expect(await borisCard.getByText('Boris', { exact: true }).isVisible()).toBe(true);
    expect(await ownCard.getByText('Anonymous dreamer').isVisible()).toBe(true);
    expect(await ownCard.getByText('Yours').isVisible()).toBe(true);
    expect(await ownCard.getByText(/^(24 h|23 h 5\d min) left$/).isVisible()).toBe(true);
    await picturesLoaded(page, 2);
    await screenshot(page, 'feed.png');

    // Someone else's shared dream opens read-only: no sharing, video or delete controls.
    await borisCard.locator(`a[href="#/dreams/${dream.id}"]`).click();
    await page.getByText('by Boris').waitFor();
    expect(await page.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Share/ }).count()).toBe(0);
  });

  it('charts the insights', async () => {
    const page = await openApp();
    await openJournal(page);
    await page.getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();

    const tile = (label: string) => page.locator('.stat-tile', { hasText: label });
    await tile('Dreams logged').waitFor();
    expect(await tile('Dreams logged').locator('.stat-tile__value').textContent()).toBe('3');
    expect(await tile('Current streak').locator('.stat-tile__value').textContent()).toBe('1 day');
    expect(await tile('Lucid dreams').locator('.stat-tile__value').textContent()).toBe('33%');
    const legend = page.locator('section', { has: page.getByRole('heading', { name: 'Kinds of dreams' }) });
    for (const category of ['Flight', 'Chase', 'Gothic']) {
      expect(await legend.getByText(category).isVisible()).toBe(true);
    }
    // Every chart drew something.
    expect(await page.locator('.recharts-pie-sector').count()).toBe(3);
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await page.locator('.recharts-area').count()).toBeGreaterThan(0);
    await screenshot(page, 'dreams-insights.png');
  });

  it('logs a dream from the form, which then opens analysed, and deletes it after a confirmation', {
    timeout: 60_000,
  }, async () => {
    const page = await openApp();
    await openJournal(page);
    await page.getByRole('link', { name: 'Log a dream' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a dream' }).waitFor();

    const text = page.getByLabel('What did you dream?');
    await text.fill('A door');
    expect(await page.getByText('6 / 2,000').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save the dream' }).click();
    await page.getByText('too short — describe the dream in a few more words').waitFor();

    const dreamText =
      'I stood in an empty train station at three in the morning, nobody around, only the lamps humming.';
    await text.fill(dreamText);
    await page.getByLabel('Title').fill('The station at 3 am');
    await page.getByRole('switch', { name: /Lucid dream/ }).check();
    await page.getByRole('radio', { name: 'Peaceful', exact: true }).click();
    await screenshot(page, 'dreams-new.png');
    await page.getByRole('button', { name: 'Save the dream' }).click();

    await page.getByRole('heading', { level: 1, name: 'The station at 3 am' }).waitFor();
    expect(page.url()).toMatch(/#\/dreams\/[0-9a-f-]{36}$/);
    // The screen follows the analysis job until it is done.
    await page.getByRole('heading', { name: 'Analysis' }).waitFor();
    expect(await categoryChip(page, 'Liminal spaces').isVisible()).toBe(true);
    expect(await page.getByText('Lucid dream', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('Peaceful').isVisible()).toBe(true);
    await picturesLoaded(page, 1);

    // Back from the new dream skips the filled-in form and lands in the journal, where it is listed.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    await page.getByText('4 dreams').waitFor();
    await page.getByRole('link', { name: /The station at 3 am/ }).click();

    await page.getByRole('button', { name: 'Delete the dream' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Delete the dream' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    await page.getByText('3 dreams').waitFor();
    expect(await page.getByRole('link', { name: /The station at 3 am/ }).count()).toBe(0);
  });

  it('speaks Russian and follows a dark Telegram theme', async () => {
    // Boris shared a dream in the feed test; here he opens his own journal, in Russian, at night.
    const page = await openApp(boris, DARK_THEME);
    await page.getByRole('link', { name: /^Дневник/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Дневник' }).waitFor();
    await page.getByText('1 сон').waitFor();
    await picturesLoaded(page, 1);
    expect(await categoryChip(page, 'Превращение').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /Полёт/ }).isVisible()).toBe(true);
    expect(await page.getByText('В ленте').isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(14, 22, 33)',
    );
    await screenshot(page, 'dreams-gallery-dark.png');

    await page
      .getByRole('link', { name: /Превращение/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Разбор' }).waitFor();
    expect(await page.getByRole('button', { name: 'Показать имя' }).count()).toBe(0);
    expect(await page.getByText('В общей ленте под вашим именем.').isVisible()).toBe(true);
    await screenshot(page, 'dreams-detail-dark.png');
  });
});

describe('a dream told by voice', () => {
  const vika: InitDataUser = { id: 7_002_009, first_name: 'Vika', language_code: 'en' };

  it('plays its voice note in the dream detail, and offers no video offline', {
    timeout: 60_000,
  }, async () => {
    const api = await apiAs(vika);
    const dream = await api<{ id: string; voice_url: string | null }>('POST', '/dreams', {
      text: 'I was swimming in a warm sea under the stars, and a whale sang to me.',
    });
    expect(dream.voice_url).toBeNull();
    // What the bot does once a voice dream is saved: the note is kept with the dream.
    const kept = await server.core.dreams.attachVoice(vika.id, dream.id, opusVoiceNote(2));
    expect(kept.voice_url).not.toBeNull();

    const page = await openApp(vika);
    await openJournal(page);
    await page.locator(`a[href="#/dreams/${dream.id}"]`).click();
    await page.getByRole('heading', { name: 'Voice note' }).waitFor();
    const player = page.locator('audio.dream-voice');
    expect(await player.getAttribute('controls')).not.toBeNull();
    // Chromium plays Telegram's OGG/Opus as it is: the note loads and has its length.
    expect(await player.evaluate((a: HTMLAudioElement) => a.canPlayType('audio/ogg; codecs=opus'))).toBe(
      'probably',
    );
    const duration = await player.evaluate(
      (a: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          if (a.readyState >= 1) resolve(a.duration);
          a.addEventListener('loadedmetadata', () => resolve(a.duration));
          a.addEventListener('error', () => reject(new Error(`audio error ${a.error?.code}`)));
          a.load();
        }),
    );
    expect(duration).toBeGreaterThan(1.5);
    expect(duration).toBeLessThan(2.5);
    expect(await page.getByRole('heading', { name: 'Video' }).count()).toBe(0);
    await screenshot(page, 'dreams-voice.png');
  });
});

describe('dream video with a video provider', () => {
  let videoServer: TestServer;
  let replicate: Awaited<ReturnType<typeof startFakeReplicate>>;
  const videoDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mechta-dreams-video-e2e-'));
  const vera: InitDataUser = { id: 7_002_003, first_name: 'Vera', language_code: 'en' };

  beforeAll(async () => {
    replicate = await startFakeReplicate();
    videoServer = await startTestServer({
      DATA_DIR: videoDataDir,
      REPLICATE_API_TOKEN: 'r8_test',
      REPLICATE_BASE_URL: replicate.url,
      STARTING_TOKENS: '50',
      PRICE_VIDEO: '10',
    });
    await registerDreamsJobs(videoServer.core, { videoPollIntervalMs: 200 });
    await videoServer.core.queue.startWorkers();
  });

  afterAll(async () => {
    await videoServer?.close();
    await replicate?.close();
    fs.rmSync(videoDataDir, { recursive: true, force: true });
  });

  it('shows the price, follows the job, and plays the finished video', { timeout: 60_000 }, async () => {
    const api = await apiAs(vera, videoServer);
    const dream = await api<{ id: string }>('POST', '/dreams', { text: DREAMS.flight });
    await until(
      async () =>
        (await api<{ analysis_status: string }>('GET', `/dreams/${dream.id}`)).analysis_status === 'done',
    );
    const before = (await api<{ balance: number }>('GET', '/wallet')).balance;
    replicate.scriptNext({
      steps: [
        { status: 'starting' },
        { status: 'processing', progress: 10 },
        { status: 'processing', progress: 35 },
        { status: 'processing', progress: 60 },
        { status: 'processing', progress: 85 },
        { status: 'succeeded' },
      ],
    });

    const page = await openApp(vera, LIGHT_THEME, videoServer);
    await openJournal(page);
    await page.locator(`a[href="#/dreams/${dream.id}"]`).click();
    const request = page.getByRole('button', { name: /^Create a video.*10 tokens$/ });
    await request.waitFor();
    await request.click();

    // The job is followed on screen until the clip is there to play.
    await page.getByRole('progressbar', { name: 'Video' }).waitFor();
    const video = page.locator('video');
    await video.waitFor();
    expect(await video.getAttribute('src')).toMatch(/^\/media\/[0-9a-f-]+\?exp=\d+&sig=/);
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect((await api<{ balance: number }>('GET', '/wallet')).balance).toBe(before - 10);
    await screenshot(page, 'dreams-video.png');
  });
});
