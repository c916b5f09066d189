import { Menu, type MenuRange } from '@grammyjs/menu';
import { type DreamView, escapeHtml, isAppError } from '@mechta/core';
import { DREAM_CATEGORIES, type DreamCategory } from '@mechta/core/ai/types';
import { Composer } from 'grammy';
import type { BotContext, MenuContext, User } from '../../context.ts';
import { menuOptions } from '../../menuOptions.ts';
import { requireUser } from '../../middleware/users.ts';
import { openDreamCard, sendDreamCard } from './card.ts';
import {
  CATEGORY_EMOJI,
  clip,
  describeTimeLeft,
  dreamEmoji,
  dreamTitle,
  feedHours,
  type Translate,
} from './format.ts';
import { editQuietly } from './telegram.ts';

declare module '../../context.ts' {
  interface SessionData {
    /** Where the /dreams list stands: page, search words, category filter. */
    dreamJournal?: JournalState;
    /** The /feed page. */
    dreamFeedPage?: number;
  }
}

interface JournalState {
  page: number;
  q?: string;
  category?: DreamCategory;
}

interface DreamPage {
  items: DreamView[];
  total: number;
}

const PAGE_SIZE = 5;
const LABEL_MAX = 40;

const tr =
  (ctx: BotContext): Translate =>
  (key, args) =>
    ctx.t(key, args);

// The menu renders its buttons and the handler renders the text from the same page: one query each.
const loaded = new WeakMap<BotContext, Map<string, Promise<DreamPage>>>();
function loadOnce(ctx: BotContext, key: string, load: () => Promise<DreamPage>): Promise<DreamPage> {
  const pages = loaded.get(ctx) ?? new Map<string, Promise<DreamPage>>();
  loaded.set(ctx, pages);
  const page = pages.get(key) ?? load();
  pages.set(key, page);
  return page;
}

const pageCount = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** ◀️ 2 / 5 ▶️, only when there is more than one page. */
function addPager(
  range: MenuRange<BotContext>,
  page: number,
  pages: number,
  go: (ctx: MenuContext, page: number) => Promise<void>,
): void {
  if (pages <= 1) return;
  if (page > 1) range.text('◀️', (ctx) => go(ctx, page - 1));
  range.text(`${page} / ${pages}`, () => {});
  if (page < pages) range.text('▶️', (ctx) => go(ctx, page + 1));
  range.row();
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** `21.11` for a dream's `dream_date`: the night it belongs to (the writer's day start and zone). */
function formatDay(user: User, dreamDate: string): string {
  let format = dayFormats.get(user.language);
  if (!format) {
    const locale = user.language === 'ru' ? 'ru-RU' : 'en-GB';
    // The date is already the local day: formatted as a calendar date, with no zone shift.
    format = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
    dayFormats.set(user.language, format);
  }
  return format.format(new Date(`${dreamDate}T00:00:00Z`));
}

// ─── journal ─────────────────────────────────────────────────────────────────────────────────────

const journalState = (ctx: BotContext): JournalState => ctx.session.dreamJournal ?? { page: 1 };

async function loadJournal(
  ctx: BotContext,
): Promise<{ state: JournalState; page: DreamPage; pages: number }> {
  const state = journalState(ctx);
  const page = await loadOnce(ctx, `journal:${JSON.stringify(state)}`, () =>
    ctx.core.dreams.list(requireUser(ctx).id, {
      q: state.q,
      category: state.category,
      page: state.page,
      pageSize: PAGE_SIZE,
    }),
  );
  const pages = pageCount(page.total);
  // Dreams were deleted since the page was chosen: show the last page there is.
  if (state.page > pages) {
    ctx.session.dreamJournal = { ...state, page: pages };
    return loadJournal(ctx);
  }
  return { state, page, pages };
}

async function renderJournal(ctx: BotContext): Promise<string> {
  const { state, page, pages } = await loadJournal(ctx);
  const t = tr(ctx);
  const filtered = Boolean(state.q || state.category);
  if (page.total === 0 && !filtered) return t('bot-dream-journal-empty');
  const lines = [t('bot-dream-journal-title', { total: page.total })];
  const filters: string[] = [];
  if (state.q) filters.push(t('bot-dream-journal-search', { q: escapeHtml(state.q) }));
  if (state.category) {
    const name = `${CATEGORY_EMOJI[state.category]} ${t(`dream-category-${state.category}`)}`;
    filters.push(t('bot-dream-journal-category', { category: name }));
  }
  if (filters.length) lines.push(filters.join(' · '));
  if (page.total === 0) lines.push('', t('bot-dream-journal-nothing'));
  else {
    if (pages > 1) lines.push(t('bot-dream-page', { page: state.page, pages }));
    lines.push('', t('bot-dream-journal-hint'));
  }
  return lines.join('\n');
}

/** Changes what the journal shows and redraws it in place. */
async function moveJournal(ctx: MenuContext, patch: Partial<JournalState>): Promise<void> {
  ctx.session.dreamJournal = { ...journalState(ctx), ...patch };
  ctx.menu.update();
  await editQuietly(ctx.editMessageText(await renderJournal(ctx), { parse_mode: 'HTML' }));
}

const JOURNAL_MENU = 'dream-journal';

/**
 * A dream id in 22 characters (base64url of its 16 bytes): the menu's callback data carries it
 * next to the menu's own id, position and hash, within Telegram's 64 bytes.
 */
function packDreamId(id: string): string {
  return Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url');
}

function unpackDreamId(packed: string): string {
  const hex = Buffer.from(packed, 'base64url').toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

// `<menu id>/<row>/<col>/<payload>/<hash>`: only the journal's dream items carry a 22-character payload.
const JOURNAL_ITEM = new RegExp(`^${JOURNAL_MENU}/[0-9a-f]+/[0-9a-f]+/([A-Za-z0-9_-]{22})/`);

/** Opens one of the sender's own dreams as its card; anything else reads as "not available". */
async function openOwnDream(ctx: BotContext, dreamId: string): Promise<void> {
  const dream = await ctx.core.dreams.get(requireUser(ctx).id, dreamId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  });
  if (!dream?.own) {
    await ctx.reply(ctx.t('bot-dream-not-available'));
    return;
  }
  await sendDreamCard(ctx, dream);
}

/**
 * A journal item pressed on any journal message, current or old, opens its dream. It runs before
 * the menus: the menu would call an old message outdated (a dream was added since) and only redraw.
 */
export function openJournalItems(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(JOURNAL_ITEM, async (ctx) => {
    await ctx.answerCallbackQuery();
    await openOwnDream(ctx, unpackDreamId(ctx.match[1] ?? ''));
  });
  return composer;
}

/** The /dreams menu: five dreams a page, each opening its card; pages; a category filter row. */
export function createJournalMenu(): Menu<BotContext> {
  return new Menu<BotContext>(JOURNAL_MENU, menuOptions).dynamic(async (ctx, range) => {
    const { state, page, pages } = await loadJournal(ctx);
    const user = requireUser(ctx);
    const t = tr(ctx);
    for (const dream of page.items) {
      const label = clip(
        `${formatDay(user, dream.dream_date)} ${dreamEmoji(dream)} ${dreamTitle(dream)}`,
        LABEL_MAX,
      );
      // The dream travels in the button, so that the item opens even from an old journal message
      // (see `openJournalItems`); this handler only serves a press on the current rendering.
      range.text({ text: label, payload: packDreamId(dream.id) }, (c) => openOwnDream(c, dream.id)).row();
    }
    addPager(range, state.page, pages, (c, p) => moveJournal(c, { page: p }));
    if (page.total > 0 || state.category || state.q) {
      // Named, two a row: a bare emoji does not say which category it is, and names do not fit more.
      const all = t('bot-dream-filter-all');
      range.text(state.category ? all : `[${all}]`, (c) => moveJournal(c, { category: undefined, page: 1 }));
      DREAM_CATEGORIES.forEach((category, i) => {
        const name = `${CATEGORY_EMOJI[category]} ${t(`bot-dream-filter-${category}`)}`;
        range.text(state.category === category ? `[${name}]` : name, (c) =>
          moveJournal(c, { category, page: 1 }),
        );
        if (i % 2 === 0) range.row();
      });
      range.row();
    }
    if (state.q) range.text(t('bot-dream-clear-search'), (c) => moveJournal(c, { q: undefined, page: 1 }));
  });
}

/** /dreams, /dreams <words> and the main menu's Journal: a fresh journal message. */
export async function showJournal(ctx: BotContext, menu: Menu<BotContext>, query?: string): Promise<void> {
  const q = query?.trim();
  ctx.session.dreamJournal = q ? { page: 1, q } : { page: 1 };
  await ctx.reply(await renderJournal(ctx), { parse_mode: 'HTML', reply_markup: menu });
}

// ─── feed ────────────────────────────────────────────────────────────────────────────────────────

async function loadFeed(ctx: BotContext): Promise<{ number: number; page: DreamPage; pages: number }> {
  const number = ctx.session.dreamFeedPage ?? 1;
  const page = await loadOnce(ctx, `feed:${number}`, () =>
    ctx.core.dreams.feed(requireUser(ctx).id, { page: number, pageSize: PAGE_SIZE }),
  );
  const pages = pageCount(page.total);
  if (number > pages) {
    ctx.session.dreamFeedPage = pages;
    return loadFeed(ctx);
  }
  return { number, page, pages };
}

function authorName(t: Translate, dream: DreamView): string {
  if (dream.own) return t('bot-dream-author-you');
  return dream.author?.name ?? t('dream-author-anonymous');
}

async function renderFeed(ctx: BotContext): Promise<string> {
  const { number, page, pages } = await loadFeed(ctx);
  const t = tr(ctx);
  const hours = feedHours(ctx.core.config.limits.dreamTtlSeconds);
  if (page.total === 0) return t('bot-dream-feed-empty', { hours });
  const now = ctx.core.now();
  const lines = [t('bot-dream-feed-title', { hours, total: page.total }), ''];
  page.items.forEach((dream, i) => {
    lines.push(
      t('bot-dream-feed-item', {
        n: (number - 1) * PAGE_SIZE + i + 1,
        emoji: dreamEmoji(dream),
        title: escapeHtml(dreamTitle(dream)),
        author: escapeHtml(authorName(t, dream)),
        left: describeTimeLeft(t, dream.public_until, now),
      }),
    );
  });
  if (pages > 1) lines.push('', t('bot-dream-page', { page: number, pages }));
  return lines.join('\n');
}

async function moveFeed(ctx: MenuContext, page: number): Promise<void> {
  ctx.session.dreamFeedPage = page;
  ctx.menu.update();
  await editQuietly(ctx.editMessageText(await renderFeed(ctx), { parse_mode: 'HTML' }));
}

/** The /feed menu: public dreams still in their window, five a page, each opening its card. */
export function createFeedMenu(): Menu<BotContext> {
  return new Menu<BotContext>('dream-feed', menuOptions).dynamic(async (ctx, range) => {
    const { number, page, pages } = await loadFeed(ctx);
    page.items.forEach((dream, i) => {
      const label = clip(`${(number - 1) * PAGE_SIZE + i + 1}. ${dreamTitle(dream)}`, LABEL_MAX);
      range.text(label, (c) => openDreamCard(c, dream.id)).row();
    });
    addPager(range, number, pages, moveFeed);
  });
}

/** /feed and the main menu's Feed. */
export async function showFeed(ctx: BotContext, menu: Menu<BotContext>): Promise<void> {
  ctx.session.dreamFeedPage = 1;
  await ctx.reply(await renderFeed(ctx), { parse_mode: 'HTML', reply_markup: menu });
}
