import { isApiError } from '../api/client.ts';
import type { Translate } from './index.tsx';

/** A readable sentence for any failure: the server's own (localised) message, or ours. */
export function describeError(error: unknown, t: Translate): string {
  // httpCode 0: fetch itself failed; BAD_RESPONSE: something other than the API answered (a proxy's
  // 502 page while the server restarts). Either way the user's remedy is the same.
  if (isApiError(error)) {
    return error.httpCode === 0 || error.code === 'BAD_RESPONSE' ? t('error-network') : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
