import type { Core } from '../core.ts';
import type { StarsPaymentInput } from './service.ts';

export const CREDIT_PAYMENT_JOB = 'wallet.credit-payment';

/**
 * A paid order whose credit failed in the update handler (e.g. the database blinked) is retried
 * here: Telegram will not deliver successful_payment again, and crediting is idempotent by charge id.
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
}
