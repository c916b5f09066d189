import type { Core } from '../core.ts';
import type { StarsPaymentInput } from './service.ts';

export const CREDIT_PAYMENT_JOB = 'wallet.credit-payment';
export const RESUME_REFUNDS_JOB = 'wallet.resume-refunds';

/**
 * A paid order whose credit failed in the update handler (e.g. the database blinked) is retried
 * here: Telegram will not deliver successful_payment again, and crediting is idempotent by charge id.
 * A refund left `refunding` (a crash, Telegram unreachable, a failed booking) is finished by the
 * sweep every minute once a bot is attached.
 */
export async function registerWalletJobs(core: Core): Promise<void> {
  await core.queue.define<StarsPaymentInput>(
    CREDIT_PAYMENT_JOB,
    async (input) => {
      const { credited, payment } = await core.wallet.creditStarsPayment(input);
      if (credited) core.logger.info({ paymentId: payment.id }, 'paid order credited on retry');
    },
    { retryLimit: 20, retryDelaySeconds: 30 },
  );
  await core.queue.define(RESUME_REFUNDS_JOB, async () => {
    const telegram = core.telegram;
    if (!telegram) return;
    const { refunded, pending } = await core.wallet.resumeRefunds((userId, chargeId) =>
      telegram.refundStarPayment(userId, chargeId),
    );
    if (refunded || pending) core.logger.info({ refunded, pending }, 'resumed Stars refunds');
  });
  await core.queue.schedule(RESUME_REFUNDS_JOB, '* * * * *');
}
