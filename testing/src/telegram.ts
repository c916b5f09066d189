import { createHmac } from 'node:crypto';
import { sign } from '@telegram-apps/init-data-node';
import { TEST_BOT_TOKEN } from './core.ts';

export interface InitDataUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** Raw init data signed the way Telegram signs it (HMAC with the bot token), as a Mini App receives it. */
export function signInitData(
  user: InitDataUser,
  botToken: string = TEST_BOT_TOKEN,
  authDate: Date = new Date(),
): string {
  return sign(
    {
      user: { ...user, is_premium: false, allows_write_to_pm: true },
      query_id: 'AAH-test',
      chat_instance: '1',
      chat_type: 'sender',
    } as never,
    botToken,
    authDate,
  );
}

/**
 * Init data from raw `[key, value]` pairs (kept as given: repeated keys, odd JSON, no `signature`),
 * with a valid HMAC by Telegram's algorithm: secret = HMAC_SHA256("WebAppData", bot token),
 * hash = hex HMAC_SHA256(secret, the sorted `key=value` lines).
 */
export function signInitDataPairs(pairs: [string, string][], botToken: string = TEST_BOT_TOKEN): string {
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const checkString = pairs
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('\n');
  const params = new URLSearchParams(pairs);
  params.append('hash', createHmac('sha256', secret).update(checkString).digest('hex'));
  return params.toString();
}
