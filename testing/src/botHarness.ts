import { Readable } from 'node:stream';
import { type BotContext, createBot } from '@mechta/bot';
import type { Core } from '@mechta/core';
import busboy from 'busboy';
import type { Bot } from 'grammy';
import type { InlineKeyboardButton, Message, Update, UserFromGetMe } from 'grammy/types';

/** The bot as getMe would describe it; fixed so tests never call getMe. */
export const TEST_BOT_INFO: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: 'Mechta',
  username: 'mechta_test_bot',
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

// biome-ignore lint/suspicious/noExplicitAny: Bot API parameters of any method; the tests that read them say what they expect.
export type Payload = Record<string, any>;

export interface TestUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** One Bot API call the bot made: the method and its parameters (files appear as `{ file, bytes }`). */
export interface RecordedCall {
  method: string;
  payload: Payload;
}

/** Something the user sees appear or change in the chat. */
export interface Reply {
  method: string;
  chatId: number;
  messageId: number;
  /** Text, or the caption of media. */
  text: string;
  /** Inline keyboard rows (after a menu was rendered), if any. */
  keyboard: InlineKeyboardButton[][];
  payload: Payload;
}

/** A raw Bot API response to hand back once instead of the plausible default (e.g. a 429). */
export interface ApiResponse {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

const EDIT_METHODS = new Set([
  'editMessageText',
  'editMessageCaption',
  'editMessageReplyMarkup',
  'editMessageMedia',
]);
const isSend = (method: string) => method.startsWith('send') && method !== 'sendChatAction';

// Update ids only grow within a test file, even across several harnesses over one database, just as
// Telegram's do: the bot's de-duplication must see a new id for every new update.
let nextUpdateId = 1;
let nextMessageId = 1;

async function readPayload(body: unknown, contentType: string): Promise<Payload> {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return JSON.parse(body);
  // Uploads arrive as a multipart stream with `attach://` references between fields and files.
  const payload: Payload = {};
  await new Promise<void>((resolve, reject) => {
    const parser = busboy({ headers: { 'content-type': contentType } });
    parser.on('field', (name, value) => {
      try {
        payload[name] = JSON.parse(value);
      } catch {
        payload[name] = value;
      }
    });
    parser.on('file', (name, stream, info) => {
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      stream.on('end', () => {
        payload[name] = { file: info.filename, bytes };
      });
    });
    parser.on('close', resolve);
    parser.on('error', reject);
    Readable.from(body as AsyncIterable<Uint8Array>).pipe(parser);
  });
  return payload;
}

function holdUntil(signal: AbortSignal | undefined, ms: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
    };
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
  });
}

export interface BotHarness {
  bot: Bot<BotContext>;
  /** Every API call so far, oldest first. */
  calls: RecordedCall[];
  /** Sends a text message from `from` in their private chat; returns the calls it caused. */
  sendText(from: TestUser, text: string): Promise<RecordedCall[]>;
  /** Presses an inline button by its callback data (on `message`, else the newest message carrying it). */
  clickButton(from: TestUser, data: string, message?: Message): Promise<RecordedCall[]>;
  /** Presses the inline button whose label matches, on the newest message in `from`'s chat showing one. */
  pressButton(from: TestUser, label: string | RegExp): Promise<RecordedCall[]>;
  /** Runs any update through the bot; returns the calls it caused. */
  handle(update: Update): Promise<RecordedCall[]>;
  /** A message update as Telegram would send it (a fresh update id each time). */
  textUpdate(from: TestUser, text: string): Update;
  /** Messages sent and edited, oldest first. */
  replies(): Reply[];
  lastReply(): Reply | undefined;
  /** The next call of `method` gets this raw response instead (for 429s, 403s, ...). */
  respondOnce(method: string, response: ApiResponse): void;
}

/**
 * The real bot over the given core, talking to an in-process stand-in for the Bot API that records
 * every call and answers plausibly. It sits where the API client fetches, below all of grammY's
 * transformers: conversations build their own API objects (without the bot's transformers), and a
 * conversation replays its steps, so only there is every call seen, and seen exactly once.
 */
export function createBotHarness(core: Core): BotHarness {
  const calls: RecordedCall[] = [];
  const replies: Reply[] = [];
  const messages = new Map<string, Message>();
  const overrides = new Map<string, ApiResponse[]>();
  const key = (chatId: number, messageId: number) => `${chatId}:${messageId}`;

  function respond(method: string, p: Payload): ApiResponse {
    const override = overrides.get(method)?.shift();
    if (override) return override;
    if (method === 'getMe') return { ok: true, result: TEST_BOT_INFO };
    if (isSend(method)) {
      const chatId = Number(p.chat_id);
      const message = {
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat:
          chatId > 0
            ? { id: chatId, type: 'private', first_name: 'User' }
            : { id: chatId, type: 'group', title: 'Group' },
        from: {
          id: TEST_BOT_INFO.id,
          is_bot: true,
          first_name: TEST_BOT_INFO.first_name,
          username: TEST_BOT_INFO.username,
        },
        ...(p.text !== undefined ? { text: p.text } : {}),
        ...(p.caption !== undefined ? { caption: p.caption } : {}),
        ...(p.reply_markup?.inline_keyboard ? { reply_markup: p.reply_markup } : {}),
      } as Message;
      messages.set(key(chatId, message.message_id), message);
      replies.push(toReply(method, message, p));
      return { ok: true, result: message };
    }
    if (EDIT_METHODS.has(method) && p.message_id !== undefined) {
      const chatId = Number(p.chat_id);
      const old = messages.get(key(chatId, p.message_id));
      if (!old) return { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' };
      const edited = { ...old, edit_date: Math.floor(Date.now() / 1000) } as Message &
        Record<string, unknown>;
      if (p.text !== undefined) edited.text = p.text;
      if (p.caption !== undefined) edited.caption = p.caption;
      if (method === 'editMessageReplyMarkup' || p.reply_markup !== undefined) {
        if (p.reply_markup?.inline_keyboard?.length) edited.reply_markup = p.reply_markup;
        else delete edited.reply_markup;
      }
      messages.set(key(chatId, old.message_id), edited);
      replies.push(toReply(method, edited, p));
      return { ok: true, result: edited };
    }
    return { ok: true, result: true };
  }

  function toReply(method: string, m: Message, payload: Payload): Reply {
    return {
      method,
      chatId: m.chat.id,
      messageId: m.message_id,
      text: m.text ?? m.caption ?? '',
      keyboard: m.reply_markup?.inline_keyboard ?? [],
      payload,
    };
  }

  const fakeFetch = async (
    url: string | URL,
    init?: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
  ) => {
    const method = String(url).slice(String(url).lastIndexOf('/') + 1);
    const payload = await readPayload(init?.body, init?.headers?.['content-type'] ?? '');
    calls.push({ method, payload });
    if (method === 'getUpdates' && !overrides.get(method)?.length) {
      // Long polling with nothing to deliver: hold the request for its timeout or until the bot stops
      // (answering at once would make the polling loop spin).
      if (payload.timeout > 0) await holdUntil(init?.signal, payload.timeout * 1000);
      return { ok: true, status: 200, json: async () => ({ ok: true, result: [] }) };
    }
    const response = respond(method, payload);
    return { ok: true, status: 200, json: async () => response };
  };

  const bot = createBot(core, { botInfo: TEST_BOT_INFO, client: { fetch: fakeFetch as never } });

  async function handle(update: Update): Promise<RecordedCall[]> {
    const before = calls.length;
    await bot.handleUpdate(update);
    return calls.slice(before);
  }

  function textUpdate(from: TestUser, text: string): Update {
    const command = /^\/\S+/.exec(text)?.[0];
    return {
      update_id: nextUpdateId++,
      message: {
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: from.id, type: 'private', first_name: from.first_name, username: from.username },
        from: { ...from, is_bot: false },
        text,
        ...(command
          ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command.length }] }
          : {}),
      },
    };
  }

  function findMessageWithButton(chatId: number, match: (b: InlineKeyboardButton) => boolean) {
    const inChat = [...messages.values()].filter((m) => m.chat.id === chatId).reverse();
    for (const m of inChat) {
      const button = m.reply_markup?.inline_keyboard.flat().find(match);
      if (button) return { message: m, button };
    }
    return undefined;
  }

  async function clickButton(from: TestUser, data: string, message?: Message): Promise<RecordedCall[]> {
    const found =
      message ??
      findMessageWithButton(from.id, (b) => 'callback_data' in b && b.callback_data === data)?.message;
    if (!found) throw new Error(`no message in chat ${from.id} has a button with data "${data}"`);
    return handle({
      update_id: nextUpdateId++,
      callback_query: {
        id: String(nextUpdateId),
        from: { ...from, is_bot: false },
        chat_instance: String(from.id),
        data,
        message: found,
      },
    });
  }

  async function pressButton(from: TestUser, label: string | RegExp): Promise<RecordedCall[]> {
    const matches = (b: InlineKeyboardButton) =>
      typeof label === 'string' ? b.text === label : label.test(b.text);
    const found = findMessageWithButton(from.id, matches);
    if (!found) throw new Error(`no message in chat ${from.id} has a button labelled ${String(label)}`);
    if (!('callback_data' in found.button))
      throw new Error(`button ${found.button.text} is not a callback button`);
    return clickButton(from, found.button.callback_data, found.message);
  }

  return {
    bot,
    calls,
    sendText: (from, text) => handle(textUpdate(from, text)),
    clickButton,
    pressButton,
    handle,
    textUpdate,
    replies: () => [...replies],
    lastReply: () => replies.at(-1),
    respondOnce(method, response) {
      overrides.set(method, [...(overrides.get(method) ?? []), response]);
    },
  };
}

/** Blocks or unblocks a user the way an admin will (the admin feature is not built yet). */
export async function setUserBlocked(core: Core, userId: number, blocked: boolean): Promise<void> {
  await core.users.setBlocked(userId, blocked);
}
