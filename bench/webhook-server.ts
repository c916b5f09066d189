/**
 * The server side of the webhook benchmark, run in its own process so the load generator does not
 * share its event loop. `full`: the real app (secret check, dedupe, user, session, i18n, a reply
 * through a recording transformer). `bare`: grammY's webhookCallback on Fastify with an empty handler.
 * Prints `READY <port>` when listening.
 */
import { buildApp } from '@mechta/api/app';
import { createBot } from '@mechta/bot';
import Fastify from 'fastify';
import { Bot, webhookCallback } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { BENCH_BOT_TOKEN, benchCore } from './core.ts';
import { benchDatabase } from './db.ts';

export const SECRET = 'bench-secret';
const botInfo: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: 'Mechta',
  username: 'mechta_bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

const mode = process.argv[2];
let replies = 0;
if (mode === 'bare') {
  const bot = new Bot(BENCH_BOT_TOKEN, { botInfo });
  bot.on('message', () => {});
  const app = Fastify();
  app.post('/telegram/webhook', webhookCallback(bot, 'fastify', { secretToken: SECRET }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  console.log(`READY ${typeof addr === 'object' && addr ? addr.port : 0}`);
} else {
  const database = await benchDatabase('webhook', { poolSize: 20 });
  const { core } = await benchCore(database, {
    BOT_MODE: 'webhook',
    WEBHOOK_SECRET: SECRET,
    PUBLIC_URL: 'https://bench.example',
  });
  // Registration happens once per user ever; the figure is about the steady state of returning
  // users, so the 1,000 users the load cycles through exist (and the cache is warm) before it starts.
  const users = Number(process.env.BENCH_USERS ?? 1000);
  for (let i = 0; i < users; i++) {
    const id = 500_000 + i;
    await core.users.registerFromTelegram({
      id,
      first_name: `User${id}`,
      language_code: id % 2 ? 'ru' : 'en',
    });
  }
  const bot = createBot(core, { botInfo });
  // Recording transformer: the reply is counted and answered locally instead of going to Telegram.
  bot.api.config.use(async (_prev, method, payload) => {
    replies++;
    const chatId = (payload as { chat_id?: number }).chat_id ?? 0;
    return {
      ok: true,
      result: {
        message_id: replies,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private' },
        text: method,
      },
    } as never;
  });
  const app = await buildApp({ core, bot });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  console.log(`READY ${typeof addr === 'object' && addr ? addr.port : 0}`);
  process.on('SIGTERM', async () => {
    console.log(`REPLIES ${replies}`);
    await app.close();
    await database.close();
    process.exit(0);
  });
}
