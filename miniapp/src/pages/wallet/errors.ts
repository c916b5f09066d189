import { isApiError } from '../../api/client.ts';
import { describeError } from '../../i18n/describeError.ts';
import type { Translate } from '../../i18n/index.tsx';

/**
 * Like describeError, but a payment failure says why: the server puts the specific reason (no bot
 * connected, Telegram refused a refund) next to its generic "service unavailable" message.
 */
export function describePaymentError(error: unknown, t: Translate): string {
  if (isApiError(error) && error.details && typeof error.details === 'object') {
    const details = error.details as { message?: unknown; telegram_error?: unknown; reason?: unknown };
    if (typeof details.message === 'string' && details.message) return details.message;
    // Telegram did not answer, or the booking is not done yet: the refund finishes by itself.
    if (isRefundPending(error)) return t('admin-refund-pending');
    if (typeof details.telegram_error === 'string' && details.telegram_error) {
      return `${error.message} (${details.telegram_error})`;
    }
  }
  return describeError(error, t);
}

/** A refund the server recorded but Telegram has not confirmed yet (it finishes by itself). */
export function isRefundPending(error: unknown): boolean {
  return (
    isApiError(error) &&
    typeof error.details === 'object' &&
    error.details !== null &&
    (error.details as { reason?: unknown }).reason === 'refund_pending'
  );
}
