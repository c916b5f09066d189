/** The admin part of `/api/v1` (api/src/routes/admin.ts); every route answers 404 to non-admins. */

import type { User } from './types.ts';
import type { Plan, QuotaKind, QuotaStatus } from './wallet.ts';

export interface DailyPoint {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  new_users: number;
  payments: number;
  stars_revenue: number;
}

export interface AdminStats {
  users: number;
  active_today: number;
  active_week: number;
  /** Payments not refunded. */
  payments: number;
  refunded_payments: number;
  stars_revenue: number;
  tokens_issued: number;
  tokens_spent: number;
  tokens_revoked: number;
  /** Net tokens per ledger kind (spends negative). */
  tokens_by_kind: Record<string, number>;
  /** The last 30 days, oldest first. */
  series: DailyPoint[];
}

export interface AdminUser extends User {
  id: number;
  referral_code: string;
  is_blocked: boolean;
  referred_by: number | null;
  last_seen_at: string;
}

export interface AdminUserDetails {
  user: AdminUser;
  wallet: {
    balance: number;
    plan: Plan;
    pass_expires_at: string | null;
    quotas: Record<QuotaKind, QuotaStatus>;
    payments: number;
    stars_paid: number;
    referrals: number;
  };
}

export interface AdminPayment {
  id: number;
  user_id: number;
  offer_id: string;
  kind: 'tokens' | 'pass';
  tokens: number | null;
  pass_hours: number | null;
  /** Stars paid. */
  amount: number;
  currency: string;
  status: 'paid' | 'refunded';
  telegram_charge_id: string;
  refunded_tokens: number | null;
  refund_shortfall: number | null;
  created_at: string;
  refunded_at: string | null;
}

export interface TokenChange {
  /** What actually moved; a take-back stops at 0. */
  change: number;
  balance: number;
}

export interface PlanChange {
  plan: Plan;
  pass_expires_at: string | null;
}

export function adminPaymentsPath(page: number, pageSize: number): string {
  return `/admin/payments?page=${page}&page_size=${pageSize}`;
}

export function adminUsersPath(q: string, page: number, pageSize: number): string {
  const params = new URLSearchParams({ page: String(page), page_size: String(pageSize) });
  const query = q.trim();
  if (query) params.set('q', query);
  return `/admin/users?${params}`;
}

export function adminUserPath(id: number | string, action?: 'block' | 'unblock' | 'tokens' | 'plan'): string {
  return `/admin/users/${encodeURIComponent(String(id))}${action ? `/${action}` : ''}`;
}
