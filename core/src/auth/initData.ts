import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { TelegramUserInput } from '../users/service.ts';

/** A Mini App clock this far ahead of ours is tolerated; init data dated later is refused. */
export const INIT_DATA_MAX_FUTURE_SECONDS = 5 * 60;

// Telegram's names hold no control characters; a NUL would not even fit a PostgreSQL text column.
const text = (max: number) =>
  z
    .string()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
    .regex(/^[^\u0000-\u001f\u007f]*$/);
// Optional fields: absent, or null as some third-party clients send them.
const optional = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => v ?? undefined);

const InitDataUser = z.object({
  id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  first_name: text(256),
  last_name: optional(256),
  username: optional(64),
  language_code: optional(35),
});

const invalid = (why: string) => new AppError('INIT_DATA_INVALID', `init data ${why}`);

/**
 * The user and auth date of Mini App init data whose HMAC the caller has already checked.
 * Read here rather than with init-data-node's `parse()`, which demands the `signature` field that
 * clients before Bot API 8.0 do not send; everything else it would trust is checked instead.
 */
export function readInitData(raw: string, now: Date): { user: TelegramUserInput; authDate: Date } {
  const params = new URLSearchParams(raw);
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) throw invalid(`repeats the field ${key.slice(0, 40)}`);
    seen.add(key);
  }
  const authDate = params.get('auth_date') ?? '';
  if (!/^\d{1,12}$/.test(authDate)) throw invalid('has no valid auth_date');
  const issued = new Date(Number(authDate) * 1000);
  if (issued.getTime() > now.getTime() + INIT_DATA_MAX_FUTURE_SECONDS * 1000) {
    throw invalid('is dated in the future');
  }
  const userJson = params.get('user');
  if (userJson === null) throw invalid('carries no user');
  let user: unknown;
  try {
    user = JSON.parse(userJson);
  } catch {
    throw invalid('has a user that is not JSON');
  }
  const parsed = InitDataUser.safeParse(user);
  if (!parsed.success) throw invalid(`has an invalid user (${parsed.error.issues[0]?.path.join('.')})`);
  return { user: parsed.data, authDate: issued };
}
