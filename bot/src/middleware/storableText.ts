import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

// NUL, and UTF-16 surrogates without their partner (what JSON escapes can smuggle in).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(value: unknown): unknown {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? value.replace(UNSTORABLE, '\uFFFD') : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = clean(value[i]);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = clean(record[key]);
  }
  return value;
}

/**
 * Makes every string of the update storable before anything reads it: PostgreSQL text and jsonb
 * refuse NUL and lone surrogates, and user rows, sessions and conversations (which keep the updates
 * they replay) all land there. Each such code unit becomes U+FFFD, so entity offsets still hold.
 */
export function storableText(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    // A button's data is the bot's own, and the menus hash their layout into it as raw bytes, NUL
    // included: rewritten, a press on such a button would read as an outdated menu and do nothing.
    const query = ctx.update.callback_query;
    const data = query?.data;
    clean(ctx.update);
    if (query && data !== undefined) query.data = data;
    await next();
  };
}
