import type { BotContext } from '../../context.ts';
import { requireUser } from '../../middleware/users.ts';

/**
 * What saving will cost, shown on the review before anything is spent: the analysis's price in
 * tokens, what is left of today's analysis quota, and the balance (both limits apply at once).
 */
export async function analysisCostLine(ctx: BotContext): Promise<string> {
  const view = await ctx.core.wallet.getBalance(requireUser(ctx).id);
  const quota = view.quotas.text;
  return ctx.t('bot-dream-review-cost', {
    price: ctx.t('bot-tokens', { count: ctx.core.wallet.prices().analysis }),
    left: Math.max(0, quota.limit - quota.used),
    limit: quota.limit,
    balance: view.balance,
  });
}
