import { escapeHtml } from '@mechta/core';
import { CREDIT_PAYMENT_JOB } from '@mechta/core/wallet/jobs';
import { Composer, type Filter } from 'grammy';
import type { BotContext, User } from '../../context.ts';
import { requireUser } from '../../middleware/users.ts';
import { describeGoods, formatFor, type Payment, type Translate, tr } from './format.ts';

/**
 * Telegram cancels a checkout that is not answered within 10 seconds, so this only asks core whether
 * the invoice is still good (offer, price, buyer): no other work, and no per-chat queue on the way.
 */
async function answerPreCheckout(ctx: Filter<BotContext, 'pre_checkout_query'>): Promise<void> {
  const query = ctx.preCheckoutQuery;
  let verdict: Awaited<ReturnType<BotContext['core']['wallet']['validatePreCheckout']>>;
  try {
    verdict = await ctx.core.wallet.validatePreCheckout(
      query.from.id,
      query.invoice_payload,
      query.total_amount,
      query.currency,
    );
  } catch (error) {
    // Refuse with an apology rather than leave the user watching a spinner until Telegram gives up.
    await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t('error-generic') });
    throw error;
  }
  if (verdict.ok) await ctx.answerPreCheckoutQuery(true);
  else {
    ctx.logger.info({ problem: verdict.problem, payload: query.invoice_payload }, 'pre-checkout refused');
    await ctx.answerPreCheckoutQuery(false, { error_message: verdict.reason });
  }
}

/** `Anna @anna (id 42)`, escaped for HTML. */
function describeBuyer(user: User): string {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  const handle = user.username ? ` @${user.username}` : '';
  return `${escapeHtml(name + handle)} (id ${user.id})`;
}

/** Tells every admin, in their own language, that a payment came in; an unreachable admin is only logged. */
async function notifyAdmins(ctx: BotContext, buyer: User, payment: Payment): Promise<void> {
  for (const adminId of ctx.core.config.bot.adminIds) {
    const language = (await ctx.core.users.findUser(adminId))?.language ?? 'en';
    const t: Translate = (key, args) => ctx.core.translator.t(language, key, args);
    const text = t('bot-pay-admin-notice', {
      id: String(payment.id),
      who: describeBuyer(buyer),
      goods: describeGoods(t, payment),
      stars: payment.amount,
    });
    try {
      await ctx.api.sendMessage(adminId, text, { parse_mode: 'HTML' });
    } catch (err) {
      // Typically an admin who never opened a chat with the bot; the payment itself is done.
      ctx.logger.warn({ err, adminId, paymentId: payment.id }, 'could not notify an admin of a payment');
    }
  }
}

/**
 * Delivers what was paid for. Core credits each Telegram charge once, however often the update comes
 * (a redelivery, a second instance); only the first delivery sends the receipt and the admin notice.
 */
async function deliverPayment(ctx: Filter<BotContext, 'message:successful_payment'>): Promise<void> {
  const paid = ctx.message.successful_payment;
  const user = requireUser(ctx);
  const input = {
    userId: user.id,
    payload: paid.invoice_payload,
    totalAmount: paid.total_amount,
    telegramChargeId: paid.telegram_payment_charge_id,
    providerChargeId: paid.provider_payment_charge_id || null,
    currency: paid.currency,
  };
  let outcome: Awaited<ReturnType<BotContext['core']['wallet']['creditStarsPayment']>>;
  try {
    outcome = await ctx.core.wallet.creditStarsPayment(input);
  } catch (err) {
    // Telegram will not send this payment again: hand it to the job queue, which retries until it lands.
    ctx.logger.error(
      { err, payment: input },
      'a paid order could not be credited; retrying in the background',
    );
    await ctx.core.queue.send(CREDIT_PAYMENT_JOB, input, { singletonKey: input.telegramChargeId });
    throw err;
  }
  const { credited, payment } = outcome;
  if (!credited) {
    ctx.logger.info({ paymentId: payment.id }, 'successful_payment for a charge already credited');
    return;
  }
  const view = await ctx.core.wallet.getBalance(user.id);
  const goods = describeGoods(tr(ctx), payment);
  const receipt =
    payment.kind === 'tokens' || !view.passExpiresAt
      ? ctx.t('bot-pay-receipt-tokens', { stars: payment.amount, goods, balance: view.balance })
      : ctx.t('bot-pay-receipt-pass', {
          stars: payment.amount,
          goods,
          until: formatFor(user, view.passExpiresAt, true),
        });
  await ctx.reply(receipt, { parse_mode: 'HTML' });
  await notifyAdmins(ctx, user, payment);
}

/**
 * The Stars checkout. Installed before conversations: a payment that lands while the user is in the
 * middle of some question must still be delivered, not read as their answer.
 */
export function createPaymentHandlers(): Composer<BotContext> {
  const payments = new Composer<BotContext>();
  payments.on('pre_checkout_query', answerPreCheckout);
  payments.on('message:successful_payment', deliverPayment);
  return payments;
}
