import { Menu } from '@grammyjs/menu';
import { type AppError, escapeHtml, isAppError } from '@mechta/core';
import type { BotContext, MenuContext } from '../../context.ts';
import { menuOptions } from '../../menuOptions.ts';
import { requireUser } from '../../middleware/users.ts';
import { describeDuration, describeGoods, formatFor, type Payment, tr } from '../wallet/format.ts';
import { displayName, type PaymentsPage, renderPayments, renderStats, renderUserCard } from './format.ts';

export const ADMIN_MENU = 'admin';
const STATS_MENU = 'admin-stats';
const PAYMENTS_MENU = 'admin-payments';
const REFUND_MENU = 'admin-refund';
const USER_MENU = 'admin-user';
const PLAN_MENU = 'admin-user-plan';

/** Every admin menu id: the admin gate drops their button presses from anyone else. */
export const ADMIN_MENU_IDS: readonly string[] = [
  ADMIN_MENU,
  STATS_MENU,
  PAYMENTS_MENU,
  REFUND_MENU,
  USER_MENU,
  PLAN_MENU,
];

export const FIND_USER = 'admin-find-user';
export const ADJUST_TOKENS = 'admin-adjust-tokens';

const PAYMENTS_PAGE_SIZE = 5;
const PLAN_HOURS = [24, 168, 720];

const label = (key: string) => (ctx: BotContext) => ctx.t(key);

/*
 * Menus that show one thing (a user, a page of payments) keep which one in every button's payload,
 * which the menu plugin hands back as `ctx.match` when a button is pressed and reads again when it
 * redraws. So the state lives in the message itself: no session, and several cards can be open at
 * once. A handler moving to another thing sets `ctx.match` before the menu is drawn.
 */
const menuState = (ctx: BotContext): string => (typeof ctx.match === 'string' ? ctx.match : '');
const setMenuState = (ctx: BotContext, state: string) => {
  ctx.match = state;
};
const withState = (key: string) => ({ text: label(key), payload: menuState });

const withNotice = (notice: string | undefined, text: string) => (notice ? `${notice}\n\n${text}` : text);

async function loadPayments(ctx: BotContext, requested: number): Promise<PaymentsPage> {
  let page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
  let list = await ctx.core.admin.listPayments({ page, pageSize: PAYMENTS_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(list.total / PAYMENTS_PAGE_SIZE));
  if (page > pages) {
    page = pages;
    list = await ctx.core.admin.listPayments({ page, pageSize: PAYMENTS_PAGE_SIZE });
  }
  return { ...list, page, pages };
}

/** `page-paymentId`, the refund confirmation's state ('/' is not allowed in payloads). */
function parseRefundState(state: string): { page: number; paymentId: number } {
  const [page, paymentId] = state.split('-').map(Number);
  return { page: page || 1, paymentId: paymentId ?? Number.NaN };
}

export async function showAdminHome(ctx: MenuContext): Promise<void> {
  await ctx.menu.nav(ADMIN_MENU);
  await ctx.editMessageText(ctx.t('bot-admin-title'), { parse_mode: 'HTML' });
}

async function showStats(ctx: MenuContext): Promise<void> {
  await ctx.menu.nav(STATS_MENU);
  await ctx.editMessageText(renderStats(ctx, await ctx.core.admin.stats()), { parse_mode: 'HTML' });
}

async function showPayments(ctx: MenuContext, page: number, notice?: string): Promise<void> {
  const list = await loadPayments(ctx, page);
  setMenuState(ctx, String(list.page));
  await ctx.menu.nav(PAYMENTS_MENU);
  await ctx.editMessageText(withNotice(notice, renderPayments(ctx, requireUser(ctx), list)), {
    parse_mode: 'HTML',
  });
}

async function askRefund(ctx: MenuContext, page: number, payment: Payment): Promise<void> {
  setMenuState(ctx, `${page}-${payment.id}`);
  await ctx.menu.nav(REFUND_MENU);
  await ctx.editMessageText(
    ctx.t('bot-admin-refund-confirm', {
      id: String(payment.id),
      stars: payment.amount,
      userId: String(payment.userId),
      goods: describeGoods(tr(ctx), payment),
    }),
    { parse_mode: 'HTML' },
  );
}

/** What the admin is told when a refund did not complete now. */
function refundProblem(ctx: BotContext, id: string, error: AppError): string | undefined {
  const details = error.details ?? {};
  if (error.code === 'CONFLICT') {
    return ctx.t(
      details.status === 'refunding' ? 'bot-admin-refund-in-progress' : 'bot-admin-already-refunded',
      {
        id,
      },
    );
  }
  if (error.code !== 'SERVICE_UNAVAILABLE') return undefined;
  if (details.reason === 'telegram_refund_failed') {
    return ctx.t('bot-admin-refund-failed', { id, reason: escapeHtml(String(details.telegram_error ?? '')) });
  }
  if (details.reason === 'refund_pending') return ctx.t('bot-admin-refund-pending', { id });
  return undefined;
}

/**
 * Refunds through core.admin, the same service the API's refund route calls: it records the
 * intent, asks Telegram to return the Stars and only then takes back what was bought. A second
 * press finds the payment refunded (or the refund in flight) and Telegram is not asked again.
 */
async function refund(ctx: MenuContext): Promise<void> {
  const { page, paymentId } = parseRefundState(menuState(ctx));
  const id = String(paymentId);
  let notice: string;
  try {
    const result = await ctx.core.admin.refundPayment(paymentId, {
      actorId: requireUser(ctx).id,
      telegram: () => ({
        refundStarPayment: async (userId, chargeId) => {
          await ctx.api.refundStarPayment(userId, chargeId);
        },
      }),
    });
    const p = result.payment;
    notice = [
      ctx.t('bot-admin-refunded', { id, stars: p.amount, userId: String(p.userId) }),
      ...(p.kind === 'tokens'
        ? [
            result.shortfall > 0
              ? ctx.t('bot-admin-refunded-shortfall', {
                  taken: result.tokensTakenBack,
                  shortfall: result.shortfall,
                })
              : ctx.t('bot-admin-refunded-tokens', { taken: result.tokensTakenBack }),
          ]
        : []),
    ].join('\n');
  } catch (error) {
    const problem = isAppError(error) ? refundProblem(ctx, id, error) : undefined;
    if (!problem) throw error;
    notice = problem;
  }
  await showPayments(ctx, page, notice);
}

/** How a user card is delivered: as a new message (from a conversation) or in place (from a menu). */
export type SendUserCard = (ctx: BotContext, userId: number, notice?: string) => Promise<void>;

async function userCardText(ctx: BotContext, userId: number, notice?: string): Promise<string> {
  const details = await ctx.core.admin.userDetails(userId);
  return withNotice(notice, renderUserCard(ctx, requireUser(ctx), details));
}

async function showUserCard(ctx: MenuContext, userId: number, notice?: string): Promise<void> {
  const text = await userCardText(ctx, userId, notice);
  setMenuState(ctx, String(userId));
  await ctx.menu.nav(USER_MENU);
  await ctx.editMessageText(text, { parse_mode: 'HTML' });
}

const stateUserId = (ctx: BotContext) => Number(menuState(ctx));

async function toggleBlocked(ctx: MenuContext): Promise<void> {
  const userId = stateUserId(ctx);
  const target = await ctx.core.users.requireUser(userId);
  const updated = await ctx.core.admin.setBlocked(userId, !target.isBlocked);
  const notice = ctx.t(updated.isBlocked ? 'bot-admin-blocked' : 'bot-admin-unblocked', {
    name: displayName(updated),
  });
  await showUserCard(ctx, userId, notice);
}

async function askAmount(ctx: MenuContext, direction: 'grant' | 'revoke'): Promise<void> {
  // A new question replaces any unfinished one.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(ADJUST_TOKENS, stateUserId(ctx), direction);
}

async function setPlan(ctx: MenuContext, change: { plan: 'pro'; hours: number } | { plan: 'free' }) {
  const userId = stateUserId(ctx);
  const target = await ctx.core.users.requireUser(userId);
  const status = await ctx.core.admin.setPlan(userId, change);
  const name = displayName(target);
  const notice =
    status.plan === 'pro' && status.passExpiresAt
      ? ctx.t('bot-admin-plan-set-pro', {
          name,
          until: formatFor(requireUser(ctx), status.passExpiresAt, true),
        })
      : ctx.t('bot-admin-plan-set-free', { name });
  await showUserCard(ctx, userId, notice);
}

/**
 * The /admin menu and everything under it: stats, user cards (block, tokens, plan) and payments with
 * refunds. Returns the root to register and `sendUserCard` for the conversations that find users.
 */
export function createAdminMenus() {
  const root = new Menu<BotContext>(ADMIN_MENU, menuOptions)
    .text(label('bot-admin-stats'), showStats)
    .text(label('bot-admin-users'), async (ctx) => {
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(FIND_USER);
    })
    .row()
    .text(label('bot-admin-payments'), (ctx) => showPayments(ctx, 1))
    .row()
    .text(label('bot-admin-close'), (ctx) => ctx.menu.close());

  const stats = new Menu<BotContext>(STATS_MENU, menuOptions)
    .text(label('bot-admin-refresh'), showStats)
    .text(label('bot-admin-back'), showAdminHome);

  const payments = new Menu<BotContext>(PAYMENTS_MENU, menuOptions)
    .dynamic(async (ctx, range) => {
      const list = await loadPayments(ctx, Number(menuState(ctx)));
      const payload = String(list.page);
      // A refund left pending (Telegram did not answer) can be pressed again; core retries it.
      const refundable = list.items.filter((p) => p.status !== 'refunded');
      refundable.forEach((p, i) => {
        range.text({ text: ctx.t('bot-admin-refund-button', { id: String(p.id) }), payload }, (c) =>
          askRefund(c, list.page, p),
        );
        if (i % 2 === 1 || i === refundable.length - 1) range.row();
      });
      const prev = list.page > 1;
      const next = list.page < list.pages;
      if (prev) range.text({ text: ctx.t('bot-admin-prev'), payload }, (c) => showPayments(c, list.page - 1));
      if (next) range.text({ text: ctx.t('bot-admin-next'), payload }, (c) => showPayments(c, list.page + 1));
      if (prev || next) range.row();
    })
    .text(withState('bot-admin-back'), showAdminHome);

  const confirmRefund = new Menu<BotContext>(REFUND_MENU, menuOptions)
    .text(withState('bot-admin-refund-yes'), refund)
    .text(withState('bot-admin-refund-no'), (ctx) =>
      showPayments(ctx, parseRefundState(menuState(ctx)).page),
    );

  const user = new Menu<BotContext>(USER_MENU, menuOptions)
    .dynamic(async (ctx, range) => {
      const target = await ctx.core.users.findUser(stateUserId(ctx));
      if (!target) return;
      const payload = String(target.id);
      // Admins cannot be blocked (core refuses), so their cards do not offer it.
      if (!ctx.core.users.isAdmin(target.id)) {
        range
          .text(
            { text: ctx.t(target.isBlocked ? 'bot-admin-unblock' : 'bot-admin-block'), payload },
            toggleBlocked,
          )
          .row();
      }
      range
        .text({ text: ctx.t('bot-admin-grant'), payload }, (c) => askAmount(c, 'grant'))
        .text({ text: ctx.t('bot-admin-revoke'), payload }, (c) => askAmount(c, 'revoke'))
        .row()
        .submenu({ text: ctx.t('bot-admin-set-plan'), payload }, PLAN_MENU, (c) =>
          c.editMessageText(c.t('bot-admin-choose-plan', { name: displayName(target) }), {
            parse_mode: 'HTML',
          }),
        )
        .row();
    })
    .text(withState('bot-admin-back'), showAdminHome);

  const plan = new Menu<BotContext>(PLAN_MENU, menuOptions)
    .dynamic((ctx, range) => {
      for (const hours of PLAN_HOURS) {
        const text = ctx.t('bot-admin-plan-pro-button', { duration: describeDuration(tr(ctx), hours) });
        range.text({ text, payload: menuState(ctx) }, (c) => setPlan(c, { plan: 'pro', hours }));
      }
    })
    .row()
    .text(withState('bot-admin-plan-free-button'), (ctx) => setPlan(ctx, { plan: 'free' }))
    .row()
    .text(withState('bot-admin-back'), (ctx) => showUserCard(ctx, stateUserId(ctx)));

  payments.register(confirmRefund);
  user.register(plan);
  root.register([stats, payments, user]);
  const drawMenus = root.middleware();

  const sendUserCard: SendUserCard = async (ctx, userId, notice) => {
    const text = await userCardText(ctx, userId, notice);
    setMenuState(ctx, String(userId));
    // Conversations run before the menu middleware, whose API transformer draws menus into messages:
    // run it here around the reply.
    await drawMenus(ctx, async () => {
      await ctx.reply(text, { parse_mode: 'HTML', reply_markup: user });
    });
  };
  return { root, sendUserCard };
}
