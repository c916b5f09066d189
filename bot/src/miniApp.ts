import type { Config } from '@mechta/core';

/**
 * The Mini App's URL for a path, or undefined when it cannot be opened as a Mini App: Telegram only
 * opens web_app buttons on https.
 */
export function miniAppUrl(config: Config, path = '/'): string | undefined {
  if (!config.http.publicUrl.startsWith('https://')) return undefined;
  return `${config.http.publicUrl}${path.startsWith('/') ? path : `/${path}`}`;
}
