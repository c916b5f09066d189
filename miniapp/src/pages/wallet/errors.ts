import { isApiError } from '../../api/client.ts';
import { describeError } from '../../i18n/describeError.ts';
import type { Translate } from '../../i18n/index.tsx';

/**
 * Like describeError, but a payment failure says why: the server puts the specific reason (no bot
 * connected, Telegram refused a refund) next to its generic "service unavailable" message.
 */
export function describePaymentError(error: unknown, t: Translate): string {
  if (isApiError(error) && error.details && typeof error.details === 'object') {
    const details = error.details as { message?: unknown; telegram_error?: unknown };
    if (typeof details.message === 'string' && details.message) return details.message;
    if (typeof details.telegram_error === 'string' && details.telegram_error) {
      return `${error.message} (${details.telegram_error})`;
    }
  }
  return describeError(error, t);
}
