import type { User } from '@mechta/db';
import type { PublicUser } from '../users/service.ts';
import type { BalanceView } from '../wallet/service.ts';
import { toBalanceView } from '../wallet/view.ts';
import type { AdminDashboard } from './service.ts';

/** The dashboard figures as the API returns them. */
export function toAdminStatsView(s: AdminDashboard) {
  return {
    users: s.users,
    active_today: s.activeToday,
    active_week: s.activeWeek,
    payments: s.payments,
    refunded_payments: s.refundedPayments,
    stars_revenue: s.starsRevenue,
    tokens_issued: s.tokensIssued,
    tokens_spent: s.tokensSpent,
    tokens_revoked: s.tokensRevoked,
    tokens_by_kind: s.tokensByKind,
    series: s.series.map((p) => ({
      day: p.day,
      new_users: p.newUsers,
      payments: p.payments,
      stars_revenue: p.starsRevenue,
    })),
  };
}

/** A user as admins see them: the public profile plus moderation fields. */
export function toAdminUserView(profile: PublicUser, user: User) {
  return {
    ...profile,
    is_blocked: user.isBlocked,
    referred_by: user.referredBy,
    last_seen_at: user.lastSeenAt.toISOString(),
  };
}

/** A user's wallet as the admin's user screen shows it. */
export function toAdminWalletView(
  wallet: BalanceView & { payments: number; starsPaid: number; referrals: number },
) {
  return {
    ...toBalanceView(wallet),
    payments: wallet.payments,
    stars_paid: wallet.starsPaid,
    referrals: wallet.referrals,
  };
}
