import { type AdminService, type AdminStats, escapeHtml } from '@mechta/core';
import type { BotContext, User } from '../../context.ts';
import { describeGoods, formatFor, type Payment, tr } from '../wallet/format.ts';

export type UserDetails = Awaited<ReturnType<AdminService['userDetails']>>;

// Core's sums negate ledger totals, and an empty one would read "-0".
const count = (n: number) => n || 0;

export function renderStats(ctx: BotContext, s: AdminStats): string {
  return ctx.t('bot-admin-stats-text', {
    users: s.users,
    activeToday: s.activeToday,
    activeWeek: s.activeWeek,
    payments: s.payments,
    refunded: s.refundedPayments,
    stars: s.starsRevenue,
    issued: count(s.tokensIssued),
    spent: count(s.tokensSpent),
    revoked: count(s.tokensRevoked),
  });
}

/** A user's name as it appears in admin messages, escaped for HTML. */
export function displayName(user: User): string {
  return escapeHtml([user.firstName, user.lastName].filter(Boolean).join(' '));
}

/** The user card an admin acts on; dates in the admin's own time zone. */
export function renderUserCard(ctx: BotContext, viewer: User, { user, wallet }: UserDetails): string {
  return ctx.t('bot-admin-user-card', {
    name: displayName(user),
    username: user.username ? `@${escapeHtml(user.username)}` : '',
    id: String(user.id),
    language: user.language,
    joined: formatFor(viewer, user.createdAt, true),
    seen: formatFor(viewer, user.lastSeenAt, true),
    status: ctx.t(user.isBlocked ? 'bot-admin-status-blocked' : 'bot-admin-status-active'),
    balance: wallet.balance,
    plan:
      wallet.plan === 'pro' && wallet.passExpiresAt
        ? ctx.t('bot-admin-plan-pro', { until: formatFor(viewer, wallet.passExpiresAt, true) })
        : ctx.t('bot-admin-plan-free'),
    payments: wallet.payments,
    starsPaid: wallet.starsPaid,
    referrals: wallet.referrals,
  });
}

export function renderPaymentLine(ctx: BotContext, viewer: User, p: Payment): string {
  const line = ctx.t('bot-admin-payment-line', {
    id: String(p.id),
    date: formatFor(viewer, p.createdAt, true),
    stars: p.amount,
    goods: describeGoods(tr(ctx), p),
    userId: String(p.userId),
  });
  if (p.status === 'paid') return line;
  return `${line} · ${ctx.t(p.status === 'refunded' ? 'bot-admin-payment-refunded' : 'bot-admin-payment-refunding')}`;
}

export interface PaymentsPage {
  items: Payment[];
  total: number;
  page: number;
  pages: number;
}

export function renderPayments(ctx: BotContext, viewer: User, list: PaymentsPage): string {
  if (list.total === 0) return ctx.t('bot-admin-payments-empty');
  return [
    ctx.t('bot-admin-payments-title', { page: list.page, pages: list.pages, total: list.total }),
    '',
    ...list.items.map((p) => renderPaymentLine(ctx, viewer, p)),
  ].join('\n');
}
