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
