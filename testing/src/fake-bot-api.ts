/**
 * A local stand-in for the Telegram Bot API, for end-to-end tests and benchmarks.
 *
 * It speaks `/bot<token>/<method>` (JSON, urlencoded, query string and multipart with `attach://`
 * references) and `/file/bot<token>/<file_path>`, keeps chats, messages, files, commands, invoices
 * and payments in memory, and plays the user's side: `sendText`, `clickButton`, `payInvoice`, ...
 * Where Telegram rejects a request (HTML that does not parse, a callback_data over 64 bytes, an
 * edit that changes nothing, a chat the bot cannot reach) the fake answers with Telegram's error,
 * so a bug that would show up in production shows up in the test.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import type {
  BotCommand,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  MenuButton,
  Message,
  MessageEntity,
  ReplyKeyboardMarkup,
  ResponseParameters,
  Update,
  User,
  UserFromGetMe,
} from 'grammy/types';

// ─── public types ────────────────────────────────────────────────────────────────────────────────

/** A simulated Telegram user; their private chat with the bot has the same id. */
export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface FakeUploadedFile {
  filename: string;
  mime: string;
  data: Buffer;
}

/** One request the bot made, with Telegram's answer once it was given. */
export interface FakeCall {
  method: string;
  payload: Record<string, unknown>;
  /** Uploaded files, keyed by the parameter that references them (`photo`), else by their part name. */
  files: Record<string, FakeUploadedFile>;
  at: number;
  result?: unknown;
  error?: { error_code: number; description: string; parameters?: ResponseParameters };
}

export interface FakeFailure {
  error_code: number;
  description?: string;
  retry_after?: number;
  parameters?: ResponseParameters;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Index into `calls` to search from; by default the calls made since the latest simulated update. */
  since?: number;
  /** Also match calls that Telegram answered with an error. */
  includeFailed?: boolean;
}

export interface PaymentOutcome {
  ok: boolean;
  error_message?: string;
  charge_id?: string;
  pre_checkout: Update;
  successful_payment?: Update;
}

export interface FakeBotApiOptions {
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  /** Download http(s) URLs given as media, as Telegram does (default true); false accepts them unseen. */
  fetchUrls?: boolean;
  /** Accept http:// Web App URLs, which Telegram rejects (it demands https). Default false. */
  allowHttpWebApps?: boolean;
  /** Delay before each answer, to imitate the network in benchmarks. Default 0. */
  latencyMs?: number;
}

/**
 * The user-simulation methods resolve once their update was handed over: in a getUpdates answer, or
 * when the webhook answered 2xx (a non-2xx answer rejects; unlike Telegram, the fake does not retry).
 * The bot can only write to users the fake knows (from a simulated update or `addUser`); others get
 * Telegram's "chat not found".
 */
export interface FakeBotApi {
  /** e.g. http://127.0.0.1:PORT — pass as TELEGRAM_API_ROOT / `client.apiRoot`. */
  url: string;
  token: string;
  botInfo: UserFromGetMe;
  calls: FakeCall[];
  sendText(from: FakeUser, text: string, opts?: { replyTo?: Message }): Promise<Update>;
  sendVoice(from: FakeUser, audio: Buffer, duration?: number): Promise<Update>;
  sendPhoto(from: FakeUser, data: Buffer, caption?: string): Promise<Update>;
  sendVideo(from: FakeUser, data: Buffer, mime: string, caption?: string): Promise<Update>;
  /** Clicks the inline button carrying `callbackData` on the message as it currently looks. */
  clickButton(from: FakeUser, message: Message, callbackData: string): Promise<Update>;
  /** Clicks the inline callback button whose label equals `label` (or matches it). */
  pressButton(from: FakeUser, message: Message, label: string | RegExp): Promise<Update>;
  preCheckout(from: FakeUser, invoicePayload: string, totalAmount: number, currency?: 'XTR'): Promise<Update>;
  successfulPayment(
    from: FakeUser,
    invoicePayload: string,
    totalAmount: number,
    chargeId: string,
  ): Promise<Update>;
  /** The whole Pay journey: pre_checkout_query, the bot's answer, then successful_payment when it said ok. */
  payInvoice(
    from: FakeUser,
    invoice: Message | string,
    opts?: { chargeId?: string; timeoutMs?: number },
  ): Promise<PaymentOutcome>;
  /** Delivers an update as given (same update_id), e.g. to deliver one twice. */
  deliverRaw(update: Update): Promise<void>;
  /** Makes a user known, as if they had started the bot earlier, without sending an update. */
  addUser(user: FakeUser): void;
  /** The user blocks the bot: sends my_chat_member (kicked); later sends answer 403. */
  blockBot(from: FakeUser): Promise<Update>;
  unblockBot(from: FakeUser): Promise<Update>;
  waitForCall(
    method: string,
    predicate?: (call: FakeCall) => boolean,
    options?: number | WaitOptions,
  ): Promise<FakeCall>;
  /** Resolves with the first message in `messagesTo(chatId)` that matches, waiting for it if needed. */
  waitForMessage(chatId: number, predicate: (m: Message) => boolean, timeoutMs?: number): Promise<Message>;
  /** The chat as the user sees the bot's side: bot messages with edits applied, deleted ones removed. */
  messagesTo(chatId: number): Message[];
  /** Both sides of the chat, oldest first. */
  historyOf(chatId: number): Message[];
  /** The reply keyboard the user currently sees under the input field, if any. */
  replyKeyboardOf(chatId: number): ReplyKeyboardMarkup | undefined;
  /** What the bot answered to a pre_checkout_query. */
  preCheckoutAnswer(queryId: string): { ok: boolean; error_message?: string } | undefined;
  /** Bytes of a stored file (sent by the bot or the user). */
  fileData(fileId: string): Buffer | undefined;
  /** The next call of `method` fails with this error (`times` calls in a row). */
  failNext(method: string, failure: FakeFailure, times?: number): void;
  close(): Promise<void>;
}

// ─── constants ───────────────────────────────────────────────────────────────────────────────────

const DEFAULT_TOKEN = '123456:TEST-TOKEN-abcdefghijklmnopqrstuv';
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const MAX_JSON_BYTES = 10 * 1024 * 1024;
const WEBHOOK_TIMEOUT_MS = 60_000;
const DEFAULT_WAIT_MS = 5_000;

const UPDATE_TYPES = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_connection',
  'business_message',
  'edited_business_message',
  'deleted_business_messages',
  'message_reaction',
  'message_reaction_count',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
];
// Telegram's default when allowed_updates is empty or was never given.
const DEFAULT_UPDATES = UPDATE_TYPES.filter(
  (t) => t !== 'chat_member' && t !== 'message_reaction' && t !== 'message_reaction_count',
);

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const KNOWN_METHODS = [
  'getMe',
  'logOut',
  'close',
  'getUpdates',
  'setWebhook',
  'deleteWebhook',
  'getWebhookInfo',
  'sendMessage',
  'sendPhoto',
  'sendVideo',
  'sendDocument',
  'sendAnimation',
  'sendAudio',
  'sendVoice',
  'sendVideoNote',
  'sendSticker',
  'sendMediaGroup',
  'sendChatAction',
  'editMessageText',
  'editMessageCaption',
  'editMessageReplyMarkup',
  'editMessageMedia',
  'deleteMessage',
  'deleteMessages',
  'answerCallbackQuery',
  'setMyCommands',
  'getMyCommands',
  'deleteMyCommands',
  'setChatMenuButton',
  'getChatMenuButton',
  'setMyDescription',
  'getMyDescription',
  'setMyShortDescription',
  'getMyShortDescription',
  'setMyName',
  'getMyName',
  'getChat',
  'sendInvoice',
  'createInvoiceLink',
  'answerPreCheckoutQuery',
  'refundStarPayment',
  'getFile',
];
const CANONICAL = new Map(KNOWN_METHODS.map((m) => [m.toLowerCase(), m]));

// Parameters that arrive as strings in urlencoded/multipart bodies but mean something else.
const JSON_PARAMS = new Set([
  'reply_markup',
  'entities',
  'caption_entities',
  'allowed_updates',
  'prices',
  'commands',
  'scope',
  'menu_button',
  'reply_parameters',
  'link_preview_options',
  'media',
  'message_ids',
  'suggested_tip_amounts',
]);
const NUMBER_PARAMS = new Set([
  'chat_id',
  'from_chat_id',
  'message_id',
  'user_id',
  'offset',
  'limit',
  'timeout',
  'max_connections',
  'duration',
  'width',
  'height',
  'length',
  'reply_to_message_id',
  'message_thread_id',
  'cache_time',
  'subscription_period',
]);
const BOOL_PARAMS = new Set([
  'ok',
  'disable_notification',
  'protect_content',
  'show_alert',
  'drop_pending_updates',
  'has_spoiler',
  'supports_streaming',
  'disable_web_page_preview',
  'allow_sending_without_reply',
  'show_caption_above_media',
  'is_personal',
  'allow_paid_broadcast',
]);

// ─── errors ──────────────────────────────────────────────────────────────────────────────────────

class TelegramError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }
}

const badRequest = (what: string) => new TelegramError(400, `Bad Request: ${what}`);

// ─── small helpers ───────────────────────────────────────────────────────────────────────────────

type Payload = Record<string, unknown>;

const unixNow = () => Math.floor(Date.now() / 1000);
const clone = <T>(v: T): T => structuredClone(v);
const randomToken = (bytes = 12) => randomBytes(bytes).toString('base64url');
const randomQueryId = () => randomBytes(8).readBigUInt64BE().toString();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function omitUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function byteOffset(s: string, index: number): number {
  return Buffer.byteLength(s.slice(0, index));
}

function coerceParam(key: string, value: string): unknown {
  if (JSON_PARAMS.has(key) && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (NUMBER_PARAMS.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (BOOL_PARAMS.has(key) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

// ─── formatted text (parse_mode) ─────────────────────────────────────────────────────────────────

interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const HTML_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
]);

function decodeHtmlEntity(body: string): string {
  if (body === 'lt') return '<';
  if (body === 'gt') return '>';
  if (body === 'amp') return '&';
  if (body === 'quot') return '"';
  const code =
    body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

const HTML_ENTITY = /^&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|lt|gt|amp|quot);/;

function decodeHtmlText(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|lt|gt|amp|quot);/g, (_, b: string) =>
    decodeHtmlEntity(b),
  );
}

function normalizeUrl(url: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`;
  try {
    new URL(withScheme);
    return withScheme;
  } catch {
    return undefined;
  }
}

interface OpenHtmlTag {
  tag: string;
  offset: number;
  attrs: Map<string, string>;
  language?: string;
}

/** Telegram's HTML parse mode, with the error messages of its parser (tdlib). */
function parseHtml(src: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const open: OpenHtmlTag[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '&') {
      const m = HTML_ENTITY.exec(src.slice(i, i + 14));
      if (m) {
        text += decodeHtmlEntity(m[1]!);
        i += m[0].length;
      } else {
        text += '&';
        i++;
      }
      continue;
    }
    if (ch !== '<') {
      text += ch;
      i++;
      continue;
    }
    const at = byteOffset(src, i);
    if (src[i + 1] === '/') {
      const end = src.indexOf('>', i);
      if (end < 0) throw new Error(`Unclosed end tag at byte offset ${at}`);
      const name = src
        .slice(i + 2, end)
        .trim()
        .toLowerCase();
      const top = open.pop();
      if (!top) throw new Error(`Unexpected end tag at byte offset ${at}`);
      if (top.tag !== name) {
        throw new Error(
          `Unmatched end tag at byte offset ${at}, expected "</${top.tag}>", found "</${name}>"`,
        );
      }
      closeHtmlTag(top, text.length, entities, open.at(-1));
      i = end + 1;
      continue;
    }
    let j = i + 1;
    while (j < src.length && !/\s/.test(src[j]!) && src[j] !== '>') j++;
    if (j >= src.length) throw new Error(`Unclosed start tag at byte offset ${at}`);
    const tag = src.slice(i + 1, j).toLowerCase();
    if (!HTML_TAGS.has(tag)) throw new Error(`Unsupported start tag "${tag}" at byte offset ${at}`);
    const attrs = new Map<string, string>();
    for (;;) {
      while (j < src.length && /\s/.test(src[j]!)) j++;
      if (j >= src.length) throw new Error(`Unclosed start tag at byte offset ${at}`);
      if (src[j] === '>') {
        j++;
        break;
      }
      let k = j;
      while (k < src.length && /[a-zA-Z0-9_-]/.test(src[k]!)) k++;
      if (k === j) throw new Error(`Empty attribute name in the tag "${tag}" at byte offset ${at}`);
      const name = src.slice(j, k).toLowerCase();
      j = k;
      while (j < src.length && /\s/.test(src[j]!)) j++;
      if (src[j] !== '=') {
        attrs.set(name, '');
        continue;
      }
      j++;
      while (j < src.length && /\s/.test(src[j]!)) j++;
      let value: string;
      const quote = src[j];
      if (quote === '"' || quote === "'") {
        const e = src.indexOf(quote, j + 1);
        if (e < 0) throw new Error(`Unclosed start tag at byte offset ${at}`);
        value = src.slice(j + 1, e);
        j = e + 1;
      } else {
        let e = j;
        while (e < src.length && !/[\s>]/.test(src[e]!)) e++;
        value = src.slice(j, e);
        j = e;
      }
      attrs.set(name, decodeHtmlText(value));
    }
    if (tag === 'span' && attrs.get('class') !== 'tg-spoiler') {
      throw new Error(`Tag "span" must have class "tg-spoiler" at byte offset ${at}`);
    }
    open.push({ tag, offset: text.length, attrs });
    i = j;
  }
  const unclosed = open.at(-1);
  if (unclosed) throw new Error(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text, entities };
}

function closeHtmlTag(top: OpenHtmlTag, end: number, entities: MessageEntity[], parent?: OpenHtmlTag) {
  const offset = top.offset;
  const length = end - offset;
  const cls = top.attrs.get('class') ?? '';
  // <pre><code class="language-x"> is one pre entity with a language, not two entities.
  if (top.tag === 'code' && parent?.tag === 'pre' && cls.startsWith('language-')) {
    parent.language = cls.slice('language-'.length);
    return;
  }
  if (length === 0) return;
  switch (top.tag) {
    case 'b':
    case 'strong':
      entities.push({ type: 'bold', offset, length });
      return;
    case 'i':
    case 'em':
      entities.push({ type: 'italic', offset, length });
      return;
    case 'u':
    case 'ins':
      entities.push({ type: 'underline', offset, length });
      return;
    case 's':
    case 'strike':
    case 'del':
      entities.push({ type: 'strikethrough', offset, length });
      return;
    case 'span':
    case 'tg-spoiler':
      entities.push({ type: 'spoiler', offset, length });
      return;
    case 'code':
      entities.push({ type: 'code', offset, length });
      return;
    case 'pre':
      entities.push(
        top.language
          ? { type: 'pre', offset, length, language: top.language }
          : { type: 'pre', offset, length },
      );
      return;
    case 'blockquote':
      entities.push({
        type: top.attrs.has('expandable') ? 'expandable_blockquote' : 'blockquote',
        offset,
        length,
      });
      return;
    case 'tg-emoji': {
      const id = top.attrs.get('emoji-id');
      if (id) entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: id });
      return;
    }
    case 'a': {
      const url = normalizeUrl(top.attrs.get('href') ?? '');
      if (url && (top.attrs.get('href') ?? '') !== '')
        entities.push({ type: 'text_link', offset, length, url });
      return;
    }
  }
}

const MDV2_RESERVED = '_*[]()~`>#+-=|{}.!';

interface OpenMdEntity {
  type:
    | 'bold'
    | 'italic'
    | 'underline'
    | 'strikethrough'
    | 'spoiler'
    | 'text_link'
    | 'code'
    | 'pre'
    | 'emoji';
  label: string;
  offset: number;
  at: number;
  language?: string;
}

/** Telegram's MarkdownV2 parse mode, after tdlib's parser (reserved characters must be escaped). */
function parseMarkdownV2(src: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const open: OpenMdEntity[] = [];
  let quoteStart: number | undefined;
  let i = 0;
  const isEscapable = (c: string | undefined) =>
    c !== undefined && c.charCodeAt(0) > 0 && c.charCodeAt(0) <= 126;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && isEscapable(src[i + 1])) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    const top = open.at(-1);
    const inCode = top?.type === 'code' || top?.type === 'pre';
    const lineStart = i === 0 || src[i - 1] === '\n';
    if (!inCode && lineStart && c === '>' && open.length === 0) {
      if (quoteStart === undefined) quoteStart = text.length;
      i++;
      continue;
    }
    if (c === '\n' && quoteStart !== undefined && src[i + 1] !== '>') {
      if (text.length > quoteStart) {
        entities.push({ type: 'blockquote', offset: quoteStart, length: text.length - quoteStart });
      }
      quoteStart = undefined;
    }
    const reserved = inCode ? '`' : MDV2_RESERVED;
    if (!reserved.includes(c)) {
      text += c;
      i++;
      continue;
    }
    const at = byteOffset(src, i);
    let isEnd = false;
    if (top) {
      switch (top.type) {
        case 'bold':
          isEnd = c === '*';
          break;
        case 'italic':
          isEnd = c === '_' && src[i + 1] !== '_';
          break;
        case 'underline':
          isEnd = c === '_' && src[i + 1] === '_';
          break;
        case 'strikethrough':
          isEnd = c === '~';
          break;
        case 'spoiler':
          isEnd = c === '|' && src[i + 1] === '|';
          break;
        case 'code':
          isEnd = c === '`';
          break;
        case 'pre':
          isEnd = src.startsWith('```', i);
          break;
        case 'text_link':
        case 'emoji':
          isEnd = c === ']';
          break;
      }
    }
    if (!isEnd) {
      const reservedError = new Error(
        `Character '${c}' is reserved and must be escaped with the preceding '\\'`,
      );
      let entity: OpenMdEntity;
      switch (c) {
        case '_':
          if (src[i + 1] === '_') {
            entity = { type: 'underline', label: 'Underline', offset: text.length, at };
            i++;
          } else {
            entity = { type: 'italic', label: 'Italic', offset: text.length, at };
          }
          break;
        case '*':
          entity = { type: 'bold', label: 'Bold', offset: text.length, at };
          break;
        case '~':
          entity = { type: 'strikethrough', label: 'Strikethrough', offset: text.length, at };
          break;
        case '|':
          if (src[i + 1] !== '|') throw reservedError;
          i++;
          entity = { type: 'spoiler', label: 'Spoiler', offset: text.length, at };
          break;
        case '[':
          entity = { type: 'text_link', label: 'TextUrl', offset: text.length, at };
          break;
        case '!':
          if (src[i + 1] !== '[') throw reservedError;
          i++;
          entity = { type: 'emoji', label: 'CustomEmoji', offset: text.length, at };
          break;
        case '`':
          if (src.startsWith('```', i)) {
            i += 3;
            let end = i;
            while (end < src.length && !/\s/.test(src[end]!) && src[end] !== '`') end++;
            let language: string | undefined;
            if (end !== i && end < src.length && src[end] !== '`') {
              language = src.slice(i, end);
              i = end;
            }
            if (src[i] === '\n' || src[i] === '\r') i += src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1;
            open.push({
              type: 'pre',
              label: language ? 'PreCode' : 'Pre',
              offset: text.length,
              at,
              language,
            });
            continue;
          }
          entity = { type: 'code', label: 'Code', offset: text.length, at };
          break;
        default:
          throw reservedError;
      }
      open.push(entity);
      i++;
      continue;
    }
    const entity = open.pop()!;
    const offset = entity.offset;
    const length = text.length - offset;
    switch (entity.type) {
      case 'underline':
      case 'spoiler':
        i += 2;
        break;
      case 'pre':
        i += 3;
        break;
      case 'text_link':
      case 'emoji': {
        let url = '';
        if (src[i + 1] === '(') {
          i += 2;
          const urlAt = byteOffset(src, i);
          while (i < src.length && src[i] !== ')') {
            if (src[i] === '\\' && isEscapable(src[i + 1])) {
              url += src[i + 1];
              i += 2;
              continue;
            }
            url += src[i];
            i++;
          }
          if (src[i] !== ')') throw new Error(`Can't find end of a URL at byte offset ${urlAt}`);
        } else {
          url = text.slice(offset);
        }
        i++;
        if (length === 0) continue;
        if (entity.type === 'emoji') {
          const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(url)?.[1];
          if (!id) throw new Error('Custom emoji entity must contain a tg://emoji URL');
          entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: id });
        } else {
          const normalized = normalizeUrl(url);
          if (normalized) entities.push({ type: 'text_link', offset, length, url: normalized });
        }
        continue;
      }
      default:
        i += 1;
    }
    if (length === 0) continue;
    if (entity.type === 'pre') {
      entities.push(
        entity.language
          ? { type: 'pre', offset, length, language: entity.language }
          : { type: 'pre', offset, length },
      );
    } else {
      entities.push({ type: entity.type, offset, length } as MessageEntity);
    }
  }
  const unclosed = open.at(-1);
  if (unclosed) throw new Error(`Can't find end of ${unclosed.label} entity at byte offset ${unclosed.at}`);
  if (quoteStart !== undefined && text.length > quoteStart) {
    entities.push({ type: 'blockquote', offset: quoteStart, length: text.length - quoteStart });
  }
  return { text, entities };
}

/** Telegram's legacy Markdown parse mode. */
function parseMarkdown(src: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && '_*`['.includes(src[i + 1] ?? '')) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (!'_*`['.includes(c)) {
      text += c;
      i++;
      continue;
    }
    const at = byteOffset(src, i);
    const offset = text.length;
    if (src.startsWith('```', i)) {
      i += 3;
      let language: string | undefined;
      const nl = src.indexOf('\n', i);
      const close = src.indexOf('```', i);
      if (nl >= 0 && close > nl && /^\S+$/.test(src.slice(i, nl))) {
        language = src.slice(i, nl);
        i = nl + 1;
      }
      if (close < 0) throw new Error(`Can't find end of the entity starting at byte offset ${at}`);
      text += src.slice(i, close);
      i = close + 3;
      const length = text.length - offset;
      if (length > 0)
        entities.push(language ? { type: 'pre', offset, length, language } : { type: 'pre', offset, length });
      continue;
    }
    const endChar = c === '[' ? ']' : c;
    const close = src.indexOf(endChar, i + 1);
    if (close < 0) throw new Error(`Can't find end of the entity starting at byte offset ${at}`);
    text += src.slice(i + 1, close);
    i = close + 1;
    const length = text.length - offset;
    if (c === '[') {
      let url = text.slice(offset);
      if (src[i] === '(') {
        const end = src.indexOf(')', i);
        if (end >= 0) {
          url = src.slice(i + 1, end);
          i = end + 1;
        }
      }
      const normalized = normalizeUrl(url);
      if (length > 0 && normalized) entities.push({ type: 'text_link', offset, length, url: normalized });
      continue;
    }
    const type = c === '*' ? 'bold' : c === '_' ? 'italic' : 'code';
    if (length > 0) entities.push({ type, offset, length });
  }
  return { text, entities };
}

/** Entities Telegram finds by itself in any text: commands, mentions, hashtags, links. */
function detectEntities(text: string, existing: MessageEntity[] = []): MessageEntity[] {
  const found: MessageEntity[] = [];
  const taken = (offset: number, length: number) =>
    existing.some(
      (e) =>
        ['code', 'pre', 'text_link', 'text_mention', 'custom_emoji'].includes(e.type) &&
        offset < e.offset + e.length &&
        e.offset < offset + length,
    );
  const scan = (re: RegExp, type: 'bot_command' | 'mention' | 'hashtag' | 'url') => {
    for (const m of text.matchAll(re)) {
      const lead = m[1] ?? '';
      let value = m[2] ?? '';
      if (type === 'url') value = value.replace(/[.,!?;:)'"»]+$/, '');
      const offset = (m.index ?? 0) + lead.length;
      if (value && !taken(offset, value.length)) found.push({ type, offset, length: value.length });
    }
  };
  scan(/(^|\s)(\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?)(?=$|[\s.,!?;:])/g, 'bot_command');
  scan(/(^|[^\w@/])(@[a-zA-Z0-9_]{5,32})(?![\w@])/g, 'mention');
  scan(/(^|[^\w#&])(#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu, 'hashtag');
  scan(/(^|[^\w/])((?:https?:\/\/|www\.)[^\s<>"]+)/gi, 'url');
  return found;
}

function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/** Telegram drops whitespace around a message; entities move with the text. */
function trimFormatted({ text, entities }: FormattedText): FormattedText {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const kept: MessageEntity[] = [];
  for (const e of entities) {
    const start = Math.max(e.offset - lead, 0);
    const end = Math.min(e.offset + e.length - lead, trimmed.length);
    if (end > start) kept.push({ ...e, offset: start, length: end - start });
  }
  return { text: trimmed, entities: kept };
}

/** Telegram's reading of a text or caption under its parse_mode; throws the Bad Request Telegram answers. */
export function formatText(
  raw: unknown,
  parseMode: unknown,
  given: unknown,
  field: 'text' | 'caption',
): FormattedText {
  const source = str(raw) ?? '';
  let formatted: FormattedText;
  if (Array.isArray(given) && given.length > 0) {
    formatted = { text: source, entities: clone(given as MessageEntity[]) };
  } else if (parseMode === undefined || parseMode === null || parseMode === '') {
    formatted = { text: source, entities: [] };
  } else {
    const mode = String(parseMode).toLowerCase();
    try {
      if (mode === 'html') formatted = parseHtml(source);
      else if (mode === 'markdownv2') formatted = parseMarkdownV2(source);
      else if (mode === 'markdown') formatted = parseMarkdown(source);
      else throw badRequest('unsupported parse_mode');
    } catch (e) {
      if (e instanceof TelegramError) throw e;
      throw badRequest(`can't parse entities: ${(e as Error).message}`);
    }
  }
  formatted = trimFormatted(formatted);
  if (field === 'text') {
    if (formatted.text === '') throw badRequest('message text is empty');
    if (formatted.text.length > 4096) throw badRequest('message is too long');
  } else if (formatted.text.length > 1024) {
    throw badRequest('message caption is too long');
  }
  formatted.entities = sortEntities([
    ...formatted.entities,
    ...detectEntities(formatted.text, formatted.entities),
  ]);
  return formatted;
}

// ─── media ───────────────────────────────────────────────────────────────────────────────────────

type MediaKind = 'photo' | 'video' | 'animation' | 'document' | 'audio' | 'voice' | 'video_note' | 'sticker';

const MEDIA_FOLDER: Record<MediaKind, string> = {
  photo: 'photos',
  video: 'videos',
  animation: 'animations',
  document: 'documents',
  audio: 'music',
  voice: 'voice',
  video_note: 'video_notes',
  sticker: 'stickers',
};
const MEDIA_EXT: Record<MediaKind, string> = {
  photo: 'jpg',
  video: 'mp4',
  animation: 'mp4',
  document: 'dat',
  audio: 'mp3',
  voice: 'oga',
  video_note: 'mp4',
  sticker: 'webp',
};
const FILE_ID_PREFIX: Record<MediaKind, string> = {
  photo: 'AgACAgIAAxk',
  video: 'BAACAgIAAxk',
  animation: 'CgACAgIAAxk',
  document: 'BQACAgIAAxk',
  audio: 'CQACAgIAAxk',
  voice: 'AwACAgIAAxk',
  video_note: 'DQACAgIAAxk',
  sticker: 'CAACAgIAAxk',
};
const MIME_BY_EXT: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  json: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  zip: 'application/zip',
};
const EXT_BY_MIME: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'audio/ogg': 'oga',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'application/pdf': 'pdf',
  'application/json': 'json',
  'text/plain': 'txt',
};

function extOf(name: string | undefined): string | undefined {
  const m = name ? /\.([a-z0-9]{1,5})$/i.exec(name) : null;
  return m?.[1]?.toLowerCase();
}

/** Image type and size from the file header (PNG, JPEG, GIF, WebP, BMP); undefined when not an image. */
function sniffImage(data: Buffer): { mime: string; width: number; height: number } | undefined {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { mime: 'image/png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && data.toString('latin1', 0, 4).startsWith('GIF8')) {
    return { mime: 'image/gif', width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length >= 26 && data.toString('latin1', 0, 2) === 'BM') {
    return { mime: 'image/bmp', width: data.readInt32LE(18), height: Math.abs(data.readInt32LE(22)) };
  }
  if (
    data.length >= 30 &&
    data.toString('latin1', 0, 4) === 'RIFF' &&
    data.toString('latin1', 8, 12) === 'WEBP'
  ) {
    const chunk = data.toString('latin1', 12, 16);
    if (chunk === 'VP8X')
      return { mime: 'image/webp', width: data.readUIntLE(24, 3) + 1, height: data.readUIntLE(27, 3) + 1 };
    if (chunk === 'VP8L') {
      const bits = data.readUInt32LE(21);
      return { mime: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    return {
      mime: 'image/webp',
      width: data.readUInt16LE(26) & 0x3fff,
      height: data.readUInt16LE(28) & 0x3fff,
    };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let p = 2;
    while (p + 9 < data.length) {
      if (data[p] !== 0xff) return { mime: 'image/jpeg', width: 0, height: 0 };
      const marker = data[p + 1]!;
      const size = data.readUInt16BE(p + 2);
      const isFrame =
        marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame)
        return { mime: 'image/jpeg', width: data.readUInt16BE(p + 7), height: data.readUInt16BE(p + 5) };
      p += 2 + size;
    }
    return { mime: 'image/jpeg', width: 0, height: 0 };
  }
  return undefined;
}

interface StoredFile {
  file_id: string;
  file_unique_id: string;
  kind: MediaKind;
  data: Buffer;
  mime: string;
  file_path: string;
  /** What a message carries for this file: a PhotoSize[] for photos, else the media object. */
  view: unknown;
}

interface MediaSource {
  data: Buffer;
  mime?: string;
  fileName?: string;
}

// ─── request parsing ─────────────────────────────────────────────────────────────────────────────

interface ParsedRequest {
  params: Payload;
  parts: Record<string, FakeUploadedFile>;
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TelegramError(413, 'Request Entity Too Large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function readMultipart(req: http.IncomingMessage): Promise<ParsedRequest> {
  return new Promise((resolve, reject) => {
    const params: Payload = {};
    const parts: Record<string, FakeUploadedFile> = {};
    const pending: Promise<void>[] = [];
    let tooBig = false;
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        limits: { fileSize: MAX_UPLOAD_BYTES, fieldSize: MAX_JSON_BYTES },
      });
    } catch (e) {
      reject(badRequest(`can't parse multipart request: ${(e as Error).message}`));
      return;
    }
    bb.on('field', (name, value) => {
      params[name] = coerceParam(name, value);
    });
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('limit', () => {
        tooBig = true;
      });
      pending.push(
        new Promise<void>((done, fail) => {
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', fail);
          stream.on('end', () => {
            parts[name] = {
              filename: info.filename ?? name,
              mime: info.mimeType,
              data: Buffer.concat(chunks),
            };
            done();
          });
        }),
      );
    });
    bb.on('error', (e) => reject(badRequest(`can't parse multipart request: ${(e as Error).message}`)));
    bb.on('close', () => {
      Promise.all(pending).then(() => {
        if (tooBig) reject(new TelegramError(413, 'Request Entity Too Large'));
        else resolve({ params, parts });
      }, reject);
    });
    req.pipe(bb);
  });
}

async function readRequest(req: http.IncomingMessage, url: URL): Promise<ParsedRequest> {
  const params: Payload = {};
  for (const [k, v] of url.searchParams) params[k] = coerceParam(k, v);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const body = await readMultipart(req);
    return { params: { ...params, ...body.params }, parts: body.parts };
  }
  const raw = await readBody(req, MAX_JSON_BYTES);
  if (raw.length === 0) return { params, parts: {} };
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) params[k] = coerceParam(k, v);
    return { params, parts: {} };
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest("can't parse JSON object");
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest("can't parse JSON object");
  // Clients may send nested objects as JSON strings even in a JSON body; Telegram accepts both.
  for (const [k, v] of Object.entries(body as Payload))
    params[k] = typeof v === 'string' ? coerceParam(k, v) : v;
  return { params, parts: {} };
}

// ─── state ───────────────────────────────────────────────────────────────────────────────────────

interface PrivateChat {
  id: number;
  type: 'private';
  first_name: string;
  last_name?: string;
  username?: string;
}

interface StoredMessage {
  message_id: number;
  date: number;
  chat: PrivateChat;
  from: User;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  reply_markup?: InlineKeyboardMarkup;
  edit_date?: number;
  [key: string]: unknown;
}

interface ChatState {
  chat: PrivateChat;
  user: FakeUser;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  blocked: boolean;
  replyKeyboard?: ReplyKeyboardMarkup;
}

interface InvoiceSpec {
  title: string;
  description: string;
  payload: string;
  currency: string;
  total_amount: number;
}

interface QueuedUpdate {
  update: Update;
  handedOver: boolean;
  resolve: () => void;
  reject: (e: Error) => void;
}

interface Webhook {
  url: string;
  secret?: string;
  allowed: Set<string>;
  allowedList?: string[];
  maxConnections: number;
}

interface Waiter {
  /** Called with each call as it completes. */
  check: (call: FakeCall) => void;
  fail: (e: Error) => void;
}

interface ActivePoll {
  wake: () => void;
  /** Answers at once with an empty batch. */
  release: () => void;
  terminate: (e: TelegramError) => void;
}

const MEDIA_FIELDS = [
  'photo',
  'video',
  'animation',
  'document',
  'audio',
  'voice',
  'video_note',
  'sticker',
] as const;

function updateType(update: Update): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
}

function allowedSet(list: unknown): Set<string> {
  const items = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  return new Set(items.length ? items : DEFAULT_UPDATES);
}

function userObject(u: FakeUser): User {
  return omitUndefined({
    id: u.id,
    is_bot: false,
    first_name: u.first_name,
    last_name: u.last_name,
    username: u.username,
    language_code: u.language_code,
  });
}

function chatOf(u: FakeUser): PrivateChat {
  return omitUndefined({
    id: u.id,
    type: 'private' as const,
    first_name: u.first_name,
    last_name: u.last_name,
    username: u.username,
  });
}

function buttonsOf(m: { reply_markup?: InlineKeyboardMarkup }): InlineKeyboardButton[] {
  return m.reply_markup?.inline_keyboard.flat() ?? [];
}

// ─── the server ──────────────────────────────────────────────────────────────────────────────────

class FakeTelegram implements FakeBotApi {
  url = '';
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  readonly calls: FakeCall[] = [];
  private readonly callIndex = new WeakMap<FakeCall, number>();

  private readonly server: http.Server;
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });
  private readonly outgoing = new Set<http.ClientRequest>();
  private readonly opts: Required<Omit<FakeBotApiOptions, 'token' | 'botInfo'>>;
  private closed = false;

  private updateSeq = 0;
  private mark = 0;
  private readonly chats = new Map<number, ChatState>();
  private readonly files = new Map<string, StoredFile>();
  private readonly filesByPath = new Map<string, StoredFile>();
  private fileSeq = 0;

  private readonly pollQueue: QueuedUpdate[] = [];
  private activePoll: ActivePoll | undefined;
  private pollAllowed = new Set(DEFAULT_UPDATES);
  private webhook: Webhook | undefined;
  private webhookChain: Promise<void> = Promise.resolve();
  private webhookPending = 0;
  private webhookError: { date: number; message: string } | undefined;
  private readonly waitingDeliveries = new Set<(e: Error) => void>();

  private readonly failures = new Map<string, FakeFailure[]>();
  private readonly waiters = new Set<Waiter>();
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly menuButtons = new Map<number, MenuButton>();
  private defaultMenuButton: MenuButton = { type: 'commands' };
  private readonly botTexts = new Map<string, string>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly preCheckouts = new Map<string, { answer?: { ok: boolean; error_message?: string } }>();
  private readonly charges = new Map<string, { userId: number; amount: number; refunded: boolean }>();
  private readonly invoiceMessages = new Map<string, InvoiceSpec>();
  private readonly invoiceLinks = new Map<string, InvoiceSpec>();
  private invoiceSeq = 0;
  private chargeSeq = 0;

  constructor(options: FakeBotApiOptions) {
    this.token = options.token ?? DEFAULT_TOKEN;
    const id = Number(/^(\d+):/.exec(this.token)?.[1] ?? 123456);
    this.botInfo = {
      id,
      is_bot: true,
      first_name: 'Mechta Test',
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
      ...options.botInfo,
    } as UserFromGetMe;
    this.opts = {
      fetchUrls: options.fetchUrls ?? true,
      allowHttpWebApps: options.allowHttpWebApps ?? false,
      latencyMs: options.latencyMs ?? 0,
    };
    this.server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((e: unknown) => {
        if (res.headersSent) res.destroy();
        else res.writeHead(500).end(JSON.stringify({ ok: false, error_code: 500, description: String(e) }));
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  private get botUser(): User {
    return {
      id: this.botInfo.id,
      is_bot: true,
      first_name: this.botInfo.first_name,
      username: this.botInfo.username,
    };
  }

  // ── HTTP ──

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = async (status: number, body: unknown, contentType = 'application/json') => {
      if (this.opts.latencyMs > 0) await sleep(this.opts.latencyMs);
      if (res.writableEnded || res.destroyed) return;
      const data = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      res.writeHead(status, { 'content-type': contentType, 'content-length': data.length });
      res.end(data);
    };
    if (this.closed) {
      req.resume();
      res.setHeader('connection', 'close');
      return send(500, {
        ok: false,
        error_code: 500,
        description: 'Internal Server Error: fake Bot API is closed',
      });
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fileRoute = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileRoute) {
      req.resume();
      const file =
        decodeURIComponent(fileRoute[1]!) === this.token
          ? this.filesByPath.get(decodeURIComponent(fileRoute[2]!))
          : undefined;
      if (!file) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
      return send(200, file.data, file.mime);
    }
    const route = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!route) {
      req.resume();
      return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    }
    if (decodeURIComponent(route[1]!) !== this.token) {
      req.resume();
      return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const method = CANONICAL.get(route[2]!.toLowerCase()) ?? route[2]!;
    let parsed: ParsedRequest;
    try {
      parsed = await readRequest(req, url);
    } catch (e) {
      const err = e instanceof TelegramError ? e : badRequest((e as Error).message);
      return send(err.error_code, { ok: false, error_code: err.error_code, description: err.description });
    }
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const outcome = await this.invoke(method, parsed.params, parsed.parts, abort.signal);
    if ('error' in outcome) {
      const { error } = outcome;
      return send(error.error_code, omitUndefined({ ok: false, ...error }));
    }
    return send(200, { ok: true, result: outcome.result });
  }

  /** Records a call, runs it, and stores Telegram's answer on the record. */
  private async invoke(
    method: string,
    params: Payload,
    parts: Record<string, FakeUploadedFile>,
    signal?: AbortSignal,
  ): Promise<{ result: unknown } | { error: NonNullable<FakeCall['error']> }> {
    const files: Record<string, FakeUploadedFile> = {};
    const used = new Set<string>();
    for (const [key, value] of Object.entries(params)) {
      const ref = typeof value === 'string' && value.startsWith('attach://') ? value.slice(9) : undefined;
      if (ref && parts[ref]) {
        files[key] = parts[ref];
        used.add(ref);
      }
    }
    for (const [name, part] of Object.entries(parts)) if (!used.has(name)) files[name] = part;
    const call: FakeCall = { method, payload: params, files, at: Date.now() };
    this.callIndex.set(call, this.calls.push(call) - 1);
    let outcome: { result: unknown } | { error: NonNullable<FakeCall['error']> };
    const failure = this.failures.get(method.toLowerCase())?.shift();
    if (failure) {
      const parameters =
        failure.parameters ??
        (failure.retry_after !== undefined ? { retry_after: failure.retry_after } : undefined);
      const description =
        failure.description ??
        (failure.error_code === 429
          ? `Too Many Requests: retry after ${failure.retry_after ?? 1}`
          : 'Bad Request');
      outcome = { error: omitUndefined({ error_code: failure.error_code, description, parameters }) };
    } else {
      try {
        outcome = { result: await this.dispatch(method, params, parts, signal) };
      } catch (e) {
        if (e instanceof TelegramError) {
          outcome = {
            error: omitUndefined({
              error_code: e.error_code,
              description: e.description,
              parameters: e.parameters,
            }),
          };
        } else {
          outcome = {
            error: { error_code: 500, description: `Internal Server Error: ${(e as Error).message}` },
          };
        }
      }
    }
    if ('error' in outcome) call.error = outcome.error;
    else call.result = outcome.result;
    for (const w of [...this.waiters]) w.check(call);
    return outcome;
  }

  private dispatch(
    method: string,
    p: Payload,
    parts: Record<string, FakeUploadedFile>,
    signal?: AbortSignal,
  ): unknown | Promise<unknown> {
    switch (method) {
      case 'getMe':
        return clone(this.botInfo);
      case 'logOut':
      case 'close':
        return true;
      case 'getUpdates':
        return this.getUpdates(p, signal);
      case 'setWebhook':
        return this.setWebhook(p);
      case 'deleteWebhook':
        return this.deleteWebhook(p);
      case 'getWebhookInfo':
        return this.webhookInfo();
      case 'sendMessage':
        return this.sendMessage(p);
      case 'sendPhoto':
      case 'sendVideo':
      case 'sendDocument':
      case 'sendAnimation':
      case 'sendAudio':
      case 'sendVoice':
      case 'sendVideoNote':
      case 'sendSticker':
        return this.sendMedia(method, p, parts);
      case 'sendMediaGroup':
        return this.sendMediaGroup(p, parts);
      case 'sendChatAction':
        this.chatFor(p);
        if (!CHAT_ACTIONS.has(String(p.action))) throw badRequest('wrong parameter action in request');
        return true;
      case 'editMessageText':
        return this.editMessageText(p);
      case 'editMessageCaption':
        return this.editMessageCaption(p);
      case 'editMessageReplyMarkup':
        return this.editMessageReplyMarkup(p);
      case 'editMessageMedia':
        return this.editMessageMedia(p, parts);
      case 'deleteMessage':
        return this.deleteMessage(p);
      case 'deleteMessages':
        return this.deleteMessages(p);
      case 'answerCallbackQuery':
        return this.answerCallbackQuery(p);
      case 'setMyCommands':
        return this.setMyCommands(p);
      case 'getMyCommands':
        return clone(this.commands.get(this.commandsKey(p)) ?? []);
      case 'deleteMyCommands':
        this.commands.delete(this.commandsKey(p));
        return true;
      case 'setChatMenuButton':
        return this.setChatMenuButton(p);
      case 'getChatMenuButton': {
        const chatId = num(p.chat_id);
        return clone((chatId !== undefined && this.menuButtons.get(chatId)) || this.defaultMenuButton);
      }
      case 'setMyDescription':
      case 'setMyShortDescription':
      case 'setMyName': {
        const field =
          method === 'setMyName'
            ? 'name'
            : method === 'setMyDescription'
              ? 'description'
              : 'short_description';
        this.botTexts.set(`${field}:${str(p.language_code) ?? ''}`, str(p[field]) ?? '');
        return true;
      }
      case 'getMyDescription':
      case 'getMyShortDescription':
      case 'getMyName': {
        const field =
          method === 'getMyName'
            ? 'name'
            : method === 'getMyDescription'
              ? 'description'
              : 'short_description';
        const value =
          this.botTexts.get(`${field}:${str(p.language_code) ?? ''}`) ??
          (field === 'name' ? this.botInfo.first_name : '');
        return { [field]: value };
      }
      case 'getChat': {
        const state = this.chatFor(p, { allowBlocked: true });
        return { ...clone(state.chat), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
      }
      case 'sendInvoice':
        return this.sendInvoice(p);
      case 'createInvoiceLink': {
        const spec = this.invoiceSpec(p);
        const link = `https://t.me/$fake_invoice/${++this.invoiceSeq}`;
        this.invoiceLinks.set(link, spec);
        return link;
      }
      case 'answerPreCheckoutQuery':
        return this.answerPreCheckoutQuery(p);
      case 'refundStarPayment':
        return this.refundStarPayment(p);
      case 'getFile':
        return this.getFile(p);
      default:
        return true;
    }
  }

  // ── update delivery ──

  private async deliver(update: Update): Promise<void> {
    if (this.closed) throw new Error('fake Bot API is closed');
    this.mark = this.calls.length;
    const hook = this.webhook;
    if (hook) {
      if (!hook.allowed.has(updateType(update))) return;
      return this.postToWebhook(hook, update);
    }
    if (!this.pollAllowed.has(updateType(update))) return;
    await new Promise<void>((resolve, reject) => {
      const entry: QueuedUpdate = {
        update,
        handedOver: false,
        resolve: () => {
          this.waitingDeliveries.delete(entry.reject);
          resolve();
        },
        reject: (e) => {
          this.waitingDeliveries.delete(entry.reject);
          reject(e);
        },
      };
      this.waitingDeliveries.add(entry.reject);
      this.pollQueue.push(entry);
      this.activePoll?.wake();
    });
  }

  private async deliverNew(body: Omit<Update, 'update_id'>): Promise<Update> {
    const update = { update_id: ++this.updateSeq, ...clone(body) } as Update;
    await this.deliver(update);
    return update;
  }

  private postToWebhook(hook: Webhook, update: Update): Promise<void> {
    this.webhookPending++;
    const run = async () => {
      try {
        const body = JSON.stringify(update);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (hook.secret) headers['x-telegram-bot-api-secret-token'] = hook.secret;
        const answer = await this.post(hook.url, body, headers);
        if (answer.status < 200 || answer.status > 299) {
          const message =
            `Wrong response from the webhook: ${answer.status} ${http.STATUS_CODES[answer.status] ?? ''}`.trim();
          this.webhookError = { date: unixNow(), message };
          throw new Error(`${message}; body: ${answer.text.slice(0, 300)}`);
        }
        await this.runWebhookReply(answer.text);
      } finally {
        this.webhookPending--;
      }
    };
    const done = this.webhookChain.then(run);
    // One update at a time, like Telegram with max_connections reached; a failure does not block the next.
    this.webhookChain = done.catch(() => undefined);
    return done;
  }

  /** A webhook may answer with a method call in its body; Telegram runs it. */
  private async runWebhookReply(text: string): Promise<void> {
    if (!text.trim().startsWith('{')) return;
    let body: Payload;
    try {
      body = JSON.parse(text) as Payload;
    } catch {
      return;
    }
    const method = typeof body.method === 'string' ? body.method : undefined;
    if (!method) return;
    const { method: _, ...params } = body;
    await this.invoke(CANONICAL.get(method.toLowerCase()) ?? method, params, {});
  }

  private post(target: string, body: string, headers: Record<string, string>) {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const u = new URL(target);
      const secure = u.protocol === 'https:';
      const req = (secure ? https : http).request(
        u,
        {
          method: 'POST',
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          timeout: WEBHOOK_TIMEOUT_MS,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      this.outgoing.add(req);
      req.on('close', () => this.outgoing.delete(req));
      req.on('timeout', () => req.destroy(new Error(`webhook ${target} did not answer in time`)));
      req.on('error', (e) => {
        this.webhookError = { date: unixNow(), message: `Connection failed: ${e.message}` };
        reject(e);
      });
      req.end(body);
    });
  }

  private getUpdates(p: Payload, signal?: AbortSignal): Update[] | Promise<Update[]> {
    if (this.webhook) {
      throw new TelegramError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = num(p.offset) ?? 0;
    const limit = Math.min(Math.max(num(p.limit) ?? 100, 1), 100);
    const timeout = Math.max(num(p.timeout) ?? 0, 0);
    if (p.allowed_updates !== undefined) this.pollAllowed = allowedSet(p.allowed_updates);
    this.activePoll?.terminate(
      new TelegramError(
        409,
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      ),
    );
    this.confirmUpdates(offset);
    const take = () => {
      const batch = this.pollQueue.slice(0, limit);
      for (const entry of batch) {
        entry.handedOver = true;
        entry.resolve();
      }
      return batch.map((e) => clone(e.update));
    };
    if (signal?.aborted) return [];
    if (this.pollQueue.length > 0 || timeout === 0) return take();
    // Real long polling: hold the request until an update arrives, the timeout passes or the client leaves.
    return new Promise<Update[]>((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (this.activePoll === poll) this.activePoll = undefined;
        settle();
      };
      const onAbort = () => finish(() => resolve([]));
      const poll: ActivePoll = {
        wake: () => {
          if (this.pollQueue.length > 0) finish(() => resolve(take()));
        },
        release: () => finish(() => resolve([])),
        terminate: (e) => finish(() => reject(e)),
      };
      const timer = setTimeout(() => finish(() => resolve([])), timeout * 1000);
      signal?.addEventListener('abort', onAbort);
      this.activePoll = poll;
    });
  }

  /** Forgets updates below `offset` that the bot has already received, as Telegram does. */
  private confirmUpdates(offset: number) {
    if (offset < 0) {
      const keep = -offset;
      const dropped = this.pollQueue.splice(0, Math.max(this.pollQueue.length - keep, 0));
      for (const e of dropped) e.resolve();
      return;
    }
    for (let i = this.pollQueue.length - 1; i >= 0; i--) {
      const e = this.pollQueue[i]!;
      if (e.handedOver && e.update.update_id < offset) this.pollQueue.splice(i, 1);
    }
  }

  private dropPending() {
    for (const e of this.pollQueue.splice(0)) e.resolve();
  }

  private setWebhook(p: Payload): true {
    const target = str(p.url) ?? '';
    if (target === '') return this.deleteWebhook(p);
    let parsed: URL;
    try {
      parsed = new URL(target);
    } catch {
      throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
    }
    // Telegram demands https; the fake also accepts http so a local app can receive updates.
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    }
    const secret = str(p.secret_token);
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw badRequest('bad webhook: secret token contains unallowed characters');
    }
    if (p.drop_pending_updates === true) this.dropPending();
    this.activePoll?.terminate(new TelegramError(409, 'Conflict: terminated by setWebhook request'));
    const allowedList = Array.isArray(p.allowed_updates)
      ? (p.allowed_updates as string[])
      : this.webhook?.allowedList;
    const hook: Webhook = {
      url: target,
      secret,
      allowed: allowedSet(allowedList),
      allowedList,
      maxConnections: num(p.max_connections) ?? 40,
    };
    this.webhook = hook;
    this.webhookError = undefined;
    // Updates still waiting for getUpdates now go to the webhook.
    for (const entry of this.pollQueue.splice(0)) {
      if (entry.handedOver) continue;
      this.postToWebhook(hook, entry.update).then(entry.resolve, entry.reject);
    }
    return true;
  }

  private deleteWebhook(p: Payload): true {
    if (p.drop_pending_updates === true) this.dropPending();
    this.webhook = undefined;
    return true;
  }

  private webhookInfo() {
    const hook = this.webhook;
    return omitUndefined({
      url: hook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: hook ? this.webhookPending : this.pollQueue.length,
      max_connections: hook?.maxConnections,
      allowed_updates: hook?.allowedList,
      ip_address: hook ? '127.0.0.1' : undefined,
      last_error_date: hook ? this.webhookError?.date : undefined,
      last_error_message: hook ? this.webhookError?.message : undefined,
    });
  }

  // ── chats and messages ──

  private ensureChat(user: FakeUser): ChatState {
    let state = this.chats.get(user.id);
    if (!state) {
      state = {
        chat: chatOf(user),
        user: { ...user },
        nextMessageId: 1,
        messages: new Map(),
        blocked: false,
      };
      this.chats.set(user.id, state);
    } else {
      state.user = { ...user };
      state.chat = chatOf(user);
    }
    return state;
  }

  private chatFor(p: Payload, opts: { allowBlocked?: boolean } = {}): ChatState {
    if (p.chat_id === undefined || p.chat_id === '') throw badRequest('chat_id is empty');
    const id = num(p.chat_id);
    const state = id === undefined ? undefined : this.chats.get(id);
    if (!state) throw badRequest('chat not found');
    if (state.blocked && !opts.allowBlocked)
      throw new TelegramError(403, 'Forbidden: bot was blocked by the user');
    return state;
  }

  private messageFor(p: Payload, purpose: 'edit' | 'delete'): { state: ChatState; message: StoredMessage } {
    const state = this.chatFor(p);
    const id = num(p.message_id);
    if (id === undefined) throw badRequest('message identifier is not specified');
    const message = state.messages.get(id);
    if (!message) throw badRequest(`message to ${purpose} not found`);
    if (purpose === 'edit' && message.from.id !== this.botInfo.id)
      throw badRequest("message can't be edited");
    return { state, message };
  }

  private checkMarkup(markup: unknown): {
    inline?: InlineKeyboardMarkup;
    reply?: ReplyKeyboardMarkup | null;
  } {
    if (markup === undefined || markup === null || markup === '') return {};
    if (typeof markup !== 'object') throw badRequest("can't parse reply keyboard markup JSON object");
    const m = markup as Record<string, unknown>;
    if ('inline_keyboard' in m) {
      if (!Array.isArray(m.inline_keyboard) || !m.inline_keyboard.every(Array.isArray)) {
        throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
      }
      for (const button of (m.inline_keyboard as unknown[][]).flat()) this.checkInlineButton(button);
      return { inline: clone(m) as unknown as InlineKeyboardMarkup };
    }
    if ('keyboard' in m) {
      if (!Array.isArray(m.keyboard) || !m.keyboard.every(Array.isArray)) {
        throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
      }
      return { reply: clone(m) as unknown as ReplyKeyboardMarkup };
    }
    if (m.remove_keyboard === true) return { reply: null };
    return {};
  }

  private checkInlineButton(raw: unknown) {
    if (typeof raw !== 'object' || raw === null)
      throw badRequest('can\'t parse inline keyboard button: Can\'t find field "text"');
    const b = raw as Record<string, unknown>;
    if (typeof b.text !== 'string')
      throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
    if (b.text.trim() === '') throw badRequest('BUTTON_TEXT_INVALID');
    if (b.callback_data !== undefined) {
      const size = Buffer.byteLength(String(b.callback_data));
      if (size < 1 || size > 64) throw badRequest('BUTTON_DATA_INVALID');
      return;
    }
    if (b.url !== undefined) {
      const url = String(b.url);
      if (!/^(https?|tg):\/\/\S+$/i.test(url)) {
        throw badRequest(`inline keyboard button URL '${url}' is invalid: Wrong HTTP URL`);
      }
      return;
    }
    if (b.web_app !== undefined) {
      const url = String((b.web_app as { url?: unknown }).url ?? '');
      this.checkWebAppUrl(url, `inline keyboard button Web App URL '${url}' is invalid`);
      return;
    }
    const actions = [
      'login_url',
      'switch_inline_query',
      'switch_inline_query_current_chat',
      'switch_inline_query_chosen_chat',
      'copy_text',
      'callback_game',
      'pay',
    ];
    if (!actions.some((a) => b[a] !== undefined)) {
      throw badRequest(
        "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
      );
    }
  }

  private checkWebAppUrl(url: string, what: string) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) throw badRequest(`${what}: Wrong HTTP URL`);
    if (parsed.protocol !== 'https:' && !this.opts.allowHttpWebApps) {
      throw badRequest(`${what}: Only HTTPS links are allowed`);
    }
  }

  private storeBotMessage(state: ChatState, p: Payload, fields: Payload): StoredMessage {
    const { inline, reply } = this.checkMarkup(p.reply_markup);
    const message: StoredMessage = {
      message_id: state.nextMessageId,
      from: this.botUser,
      chat: clone(state.chat),
      date: unixNow(),
      ...fields,
    };
    const replyTo =
      (p.reply_parameters as { message_id?: unknown } | undefined)?.message_id ?? p.reply_to_message_id;
    if (replyTo !== undefined) {
      const original = state.messages.get(num(replyTo) ?? -1);
      const allowWithout =
        p.allow_sending_without_reply === true ||
        (p.reply_parameters as { allow_sending_without_reply?: unknown } | undefined)
          ?.allow_sending_without_reply === true;
      if (original) {
        const { reply_to_message: _, ...flat } = original;
        message.reply_to_message = clone(flat);
      } else if (!allowWithout) {
        throw badRequest('message to be replied not found');
      }
    }
    if (p.link_preview_options !== undefined) message.link_preview_options = clone(p.link_preview_options);
    if (p.has_spoiler === true) message.has_media_spoiler = true;
    if (p.show_caption_above_media === true) message.show_caption_above_media = true;
    if (p.protect_content === true) message.has_protected_content = true;
    if (inline) message.reply_markup = inline;
    state.nextMessageId++;
    state.messages.set(message.message_id, message);
    if (reply !== undefined) state.replyKeyboard = reply ?? undefined;
    return message;
  }

  private storeUserMessage(state: ChatState, fields: Payload, replyTo?: Message): StoredMessage {
    const message: StoredMessage = {
      message_id: state.nextMessageId++,
      from: userObject(state.user),
      chat: clone(state.chat),
      date: unixNow(),
      ...fields,
    };
    if (replyTo) {
      const original = state.messages.get(replyTo.message_id);
      if (original) {
        const { reply_to_message: _, ...flat } = original;
        message.reply_to_message = clone(flat);
      }
    }
    state.messages.set(message.message_id, message);
    return message;
  }

  private out(m: StoredMessage): Message {
    return clone(m) as unknown as Message;
  }

  private textFields(p: Payload, field: 'text' | 'caption'): Payload {
    const f = formatText(p[field], p.parse_mode, field === 'text' ? p.entities : p.caption_entities, field);
    if (field === 'caption' && f.text === '') return {};
    const entitiesKey = field === 'text' ? 'entities' : 'caption_entities';
    return f.entities.length ? { [field]: f.text, [entitiesKey]: f.entities } : { [field]: f.text };
  }

  private sendMessage(p: Payload): Message {
    const state = this.chatFor(p);
    return this.out(this.storeBotMessage(state, p, this.textFields(p, 'text')));
  }

  // ── files ──

  private registerFile(kind: MediaKind, src: MediaSource, meta: Payload = {}): StoredFile {
    const n = ++this.fileSeq;
    const ext = extOf(src.fileName) ?? (src.mime ? EXT_BY_MIME[src.mime] : undefined) ?? MEDIA_EXT[kind];
    const mime =
      src.mime && src.mime !== 'application/octet-stream'
        ? src.mime
        : (MIME_BY_EXT[ext] ?? 'application/octet-stream');
    const base = {
      file_id: `${FILE_ID_PREFIX[kind]}${randomToken(24)}`,
      file_unique_id: `AQAD${randomToken(9)}`,
      file_size: src.data.length,
    };
    const stored: StoredFile = {
      file_id: base.file_id,
      file_unique_id: base.file_unique_id,
      kind,
      data: src.data,
      mime,
      file_path: `${MEDIA_FOLDER[kind]}/file_${n}.${ext}`,
      view: undefined,
    };
    const dims = { width: num(meta.width) ?? 1280, height: num(meta.height) ?? 720 };
    const duration = num(meta.duration) ?? 1;
    switch (kind) {
      case 'video':
      case 'animation':
        stored.view = omitUndefined({ ...base, ...dims, duration, mime_type: mime, file_name: src.fileName });
        break;
      case 'document':
        stored.view = omitUndefined({
          ...base,
          file_name: src.fileName ?? `file_${n}.${ext}`,
          mime_type: mime,
        });
        break;
      case 'audio':
        stored.view = omitUndefined({
          ...base,
          duration,
          mime_type: mime,
          file_name: src.fileName,
          title: str(meta.title),
          performer: str(meta.performer),
        });
        break;
      case 'voice':
        stored.view = { ...base, duration, mime_type: mime };
        break;
      case 'video_note':
        stored.view = { ...base, length: num(meta.length) ?? 240, duration };
        break;
      case 'sticker':
        stored.view = {
          ...base,
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        };
        break;
      case 'photo':
        break;
    }
    this.files.set(stored.file_id, stored);
    this.filesByPath.set(stored.file_path, stored);
    return stored;
  }

  /** Telegram keeps a photo in several sizes, each with its own file_id. */
  private registerPhoto(src: MediaSource): unknown[] {
    const image = sniffImage(src.data);
    const width = image?.width || 800;
    const height = image?.height || 600;
    const longest = Math.max(width, height);
    const targets = [90, 320, 800, 1280].filter((t) => t < longest);
    targets.push(Math.min(longest, 2560));
    const sizes: unknown[] = [];
    for (const target of targets) {
      const scale = target / longest;
      const file = this.registerFile('photo', { ...src, mime: image?.mime ?? src.mime });
      const w = Math.max(1, Math.round(width * scale));
      const h = Math.max(1, Math.round(height * scale));
      sizes.push({
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_size: Math.max(1, Math.round(src.data.length * scale * scale)),
        width: w,
        height: h,
      });
    }
    for (const s of sizes) this.files.get((s as { file_id: string }).file_id)!.view = sizes;
    return clone(sizes);
  }

  private async resolveMedia(
    kind: MediaKind,
    value: unknown,
    parts: Record<string, FakeUploadedFile>,
    meta: Payload,
  ): Promise<unknown> {
    let upload: MediaSource | undefined;
    const ref = typeof value === 'string' && value.startsWith('attach://') ? value.slice(9) : undefined;
    if (ref !== undefined) {
      const part = parts[ref];
      if (!part) throw badRequest('wrong file identifier/HTTP URL specified');
      upload = { data: part.data, mime: part.mime, fileName: part.filename };
    } else if (value === undefined && parts[kind]) {
      const part = parts[kind]!;
      upload = { data: part.data, mime: part.mime, fileName: part.filename };
    } else if (typeof value === 'string' && /^https?:\/\//i.test(value)) {
      upload = await this.fetchMedia(kind, value);
    } else if (typeof value === 'string' && value !== '') {
      const known = this.files.get(value);
      if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
      if (known.kind !== kind) throw badRequest('type of file mismatch');
      return clone(known.view);
    } else {
      throw badRequest(`there is no ${kind} in the request`);
    }
    if (upload.data.length === 0) throw badRequest('file must be non-empty');
    if (kind === 'photo') {
      const image = sniffImage(upload.data);
      if (!image) throw badRequest('IMAGE_PROCESS_FAILED');
      if (
        image.width + image.height > 10000 ||
        Math.max(image.width, image.height) > 20 * Math.min(image.width, image.height)
      ) {
        throw badRequest('PHOTO_INVALID_DIMENSIONS');
      }
      return this.registerPhoto(upload);
    }
    return clone(this.registerFile(kind, upload, meta).view);
  }

  private async fetchMedia(kind: MediaKind, url: string): Promise<MediaSource> {
    const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || undefined;
    if (!this.opts.fetchUrls) return { data: Buffer.from(`fake content of ${url}`), fileName };
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    } catch {
      throw badRequest('failed to get HTTP URL content');
    }
    if (!res.ok) throw badRequest('failed to get HTTP URL content');
    const data = Buffer.from(await res.arrayBuffer());
    if (kind === 'photo' && !sniffImage(data)) throw badRequest('wrong type of the web page content');
    return { data, mime: res.headers.get('content-type')?.split(';')[0]?.trim(), fileName };
  }

  private async sendMedia(
    method: string,
    p: Payload,
    parts: Record<string, FakeUploadedFile>,
  ): Promise<Message> {
    const kind = (
      {
        sendPhoto: 'photo',
        sendVideo: 'video',
        sendDocument: 'document',
        sendAnimation: 'animation',
        sendAudio: 'audio',
        sendVoice: 'voice',
        sendVideoNote: 'video_note',
        sendSticker: 'sticker',
      } as Record<string, MediaKind>
    )[method]!;
    const state = this.chatFor(p);
    const caption = kind === 'sticker' || kind === 'video_note' ? {} : this.textFields(p, 'caption');
    this.checkMarkup(p.reply_markup);
    const view = await this.resolveMedia(kind, p[kind], parts, p);
    return this.out(this.storeBotMessage(state, p, { [kind]: view, ...caption }));
  }

  private async sendMediaGroup(p: Payload, parts: Record<string, FakeUploadedFile>): Promise<Message[]> {
    const state = this.chatFor(p);
    const media = p.media;
    if (!Array.isArray(media) || media.length < 2 || media.length > 10) {
      throw badRequest('wrong number of messages to send as an album');
    }
    const groupId = String(Date.now()) + String(++this.invoiceSeq);
    const prepared: Payload[] = [];
    for (const item of media as Payload[]) {
      const kind = String(item.type) as MediaKind;
      if (!['photo', 'video', 'document', 'audio'].includes(kind))
        throw badRequest('wrong type of media in the album');
      const caption = this.textFields(
        { caption: item.caption, parse_mode: item.parse_mode, caption_entities: item.caption_entities },
        'caption',
      );
      const view = await this.resolveMedia(kind, item.media, parts, item);
      prepared.push({ [kind]: view, ...caption, media_group_id: groupId });
    }
    const { reply_markup: _, ...rest } = p;
    return prepared.map((fields) => this.out(this.storeBotMessage(state, rest, fields)));
  }

  private getFile(p: Payload) {
    const file = this.files.get(str(p.file_id) ?? '');
    if (!file) throw badRequest('invalid file_id');
    if (file.data.length > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
    return {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_size: file.data.length,
      file_path: file.file_path,
    };
  }

  // ── edits ──

  private notModified(): TelegramError {
    return badRequest(
      'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
  }

  private editMessageText(p: Payload): Message | true {
    if (p.inline_message_id !== undefined) {
      formatText(p.text, p.parse_mode, p.entities, 'text');
      this.checkMarkup(p.reply_markup);
      return true;
    }
    const { message } = this.messageFor(p, 'edit');
    if (message.text === undefined) throw badRequest('there is no text in the message to edit');
    const fields = this.textFields(p, 'text');
    const { inline } = this.checkMarkup(p.reply_markup);
    const before = JSON.stringify([message.text, message.entities ?? [], message.reply_markup ?? null]);
    const after = JSON.stringify([fields.text, fields.entities ?? [], inline ?? null]);
    if (before === after) throw this.notModified();
    message.text = fields.text as string;
    if (fields.entities) message.entities = fields.entities as MessageEntity[];
    else delete message.entities;
    this.applyMarkupEdit(message, inline);
    if (p.link_preview_options !== undefined) message.link_preview_options = clone(p.link_preview_options);
    message.edit_date = unixNow();
    return this.out(message);
  }

  private editMessageCaption(p: Payload): Message | true {
    if (p.inline_message_id !== undefined) return true;
    const { message } = this.messageFor(p, 'edit');
    if (!MEDIA_FIELDS.some((k) => message[k] !== undefined))
      throw badRequest('there is no caption in the message to edit');
    const fields = this.textFields(p, 'caption');
    const { inline } = this.checkMarkup(p.reply_markup);
    const before = JSON.stringify([
      message.caption ?? '',
      message.caption_entities ?? [],
      message.reply_markup ?? null,
    ]);
    const after = JSON.stringify([fields.caption ?? '', fields.caption_entities ?? [], inline ?? null]);
    if (before === after) throw this.notModified();
    if (fields.caption !== undefined) message.caption = fields.caption as string;
    else delete message.caption;
    if (fields.caption_entities) message.caption_entities = fields.caption_entities as MessageEntity[];
    else delete message.caption_entities;
    this.applyMarkupEdit(message, inline);
    message.edit_date = unixNow();
    return this.out(message);
  }

  private editMessageReplyMarkup(p: Payload): Message | true {
    if (p.inline_message_id !== undefined) return true;
    const { message } = this.messageFor(p, 'edit');
    const { inline } = this.checkMarkup(p.reply_markup);
    if (JSON.stringify(message.reply_markup ?? null) === JSON.stringify(inline ?? null))
      throw this.notModified();
    this.applyMarkupEdit(message, inline);
    message.edit_date = unixNow();
    return this.out(message);
  }

  private async editMessageMedia(
    p: Payload,
    parts: Record<string, FakeUploadedFile>,
  ): Promise<Message | true> {
    if (p.inline_message_id !== undefined) return true;
    const { message } = this.messageFor(p, 'edit');
    if (!MEDIA_FIELDS.some((k) => message[k] !== undefined)) throw badRequest("message can't be edited");
    const media = p.media as Payload | undefined;
    if (!media || typeof media !== 'object') throw badRequest('media is empty');
    const kind = String(media.type) as MediaKind;
    if (!['photo', 'video', 'animation', 'document', 'audio'].includes(kind))
      throw badRequest('wrong type of media');
    const caption = this.textFields(
      { caption: media.caption, parse_mode: media.parse_mode, caption_entities: media.caption_entities },
      'caption',
    );
    const { inline } = this.checkMarkup(p.reply_markup);
    const view = await this.resolveMedia(kind, media.media, parts, media);
    for (const k of MEDIA_FIELDS) delete message[k];
    delete message.caption;
    delete message.caption_entities;
    Object.assign(message, { [kind]: view }, caption);
    this.applyMarkupEdit(message, inline);
    message.edit_date = unixNow();
    return this.out(message);
  }

  /** An edit without reply_markup removes the inline keyboard, as in Telegram. */
  private applyMarkupEdit(message: StoredMessage, inline: InlineKeyboardMarkup | undefined) {
    if (inline) message.reply_markup = inline;
    else delete message.reply_markup;
  }

  private deleteMessage(p: Payload): true {
    const { state, message } = this.messageFor(p, 'delete');
    state.messages.delete(message.message_id);
    return true;
  }

  private deleteMessages(p: Payload): true {
    const state = this.chatFor(p);
    const ids = Array.isArray(p.message_ids) ? p.message_ids : [];
    if (ids.length === 0 || ids.length > 100) throw badRequest('message_ids must be non-empty');
    for (const id of ids) state.messages.delete(num(id) ?? -1);
    return true;
  }

  // ── callbacks, commands, menu ──

  private answerCallbackQuery(p: Payload): true {
    const query = this.callbackQueries.get(str(p.callback_query_id) ?? '');
    if (!query || query.answered) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    query.answered = true;
    return true;
  }

  private commandsKey(p: Payload): string {
    const scope = (p.scope as Record<string, unknown> | undefined) ?? { type: 'default' };
    const ordered = Object.fromEntries(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b)));
    return `${JSON.stringify(ordered)}|${str(p.language_code) ?? ''}`;
  }

  private setMyCommands(p: Payload): true {
    const commands = p.commands;
    if (!Array.isArray(commands)) throw badRequest('commands must be an array');
    if (commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
    for (const c of commands as Payload[]) {
      if (!/^[a-z0-9_]{1,32}$/.test(String(c.command ?? ''))) throw badRequest('BOT_COMMAND_INVALID');
      const description = String(c.description ?? '');
      if (description.length < 1 || description.length > 256)
        throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    const language = str(p.language_code);
    if (language !== undefined && language !== '' && !/^[a-z]{2}$/.test(language)) {
      throw badRequest('LANG_CODE_INVALID');
    }
    const key = this.commandsKey(p);
    if (commands.length === 0) this.commands.delete(key);
    else
      this.commands.set(
        key,
        (commands as Payload[]).map((c) => ({
          command: String(c.command),
          description: String(c.description),
        })),
      );
    return true;
  }

  private setChatMenuButton(p: Payload): true {
    const button = (p.menu_button as MenuButton | undefined) ?? { type: 'default' };
    if (!['commands', 'web_app', 'default'].includes(button.type))
      throw badRequest('unsupported menu button type');
    if (button.type === 'web_app') {
      if (!button.text) throw badRequest('BUTTON_TEXT_INVALID');
      this.checkWebAppUrl(
        button.web_app?.url ?? '',
        `menu button Web App URL '${button.web_app?.url ?? ''}' is invalid`,
      );
    }
    if (p.chat_id === undefined) {
      this.defaultMenuButton = button.type === 'default' ? { type: 'commands' } : clone(button);
    } else {
      const state = this.chatFor(p);
      if (button.type === 'default') this.menuButtons.delete(state.chat.id);
      else this.menuButtons.set(state.chat.id, clone(button));
    }
    return true;
  }

  // ── payments ──

  private invoiceSpec(p: Payload): InvoiceSpec {
    const title = str(p.title) ?? '';
    const description = str(p.description) ?? '';
    const payload = str(p.payload) ?? '';
    const currency = str(p.currency) ?? '';
    if (title.length < 1 || title.length > 32) throw badRequest('INVOICE_TITLE_INVALID');
    if (description.length < 1 || description.length > 255) throw badRequest('INVOICE_DESCRIPTION_INVALID');
    const payloadBytes = Buffer.byteLength(payload);
    if (payloadBytes < 1 || payloadBytes > 128) throw badRequest('INVOICE_PAYLOAD_INVALID');
    if (!/^[A-Z]{3}$/.test(currency)) throw badRequest('CURRENCY_INVALID');
    const prices = p.prices;
    if (!Array.isArray(prices) || prices.length === 0) throw badRequest('prices must be non-empty');
    if (currency === 'XTR') {
      // Payments in Telegram Stars take exactly one price and no payment provider.
      if (prices.length !== 1) throw badRequest('STARS_INVOICE_INVALID');
      if (p.provider_token !== undefined && p.provider_token !== '')
        throw badRequest('STARS_INVOICE_INVALID');
    }
    let total = 0;
    for (const price of prices as Payload[]) {
      const amount = num(price.amount);
      if (typeof price.label !== 'string' || amount === undefined)
        throw badRequest("can't parse prices JSON object");
      total += amount;
    }
    if (!Number.isInteger(total) || total <= 0) throw badRequest('CURRENCY_TOTAL_AMOUNT_INVALID');
    return { title, description, payload, currency, total_amount: total };
  }

  private sendInvoice(p: Payload): Message {
    const state = this.chatFor(p);
    const spec = this.invoiceSpec(p);
    const markup =
      p.reply_markup ??
      ({
        inline_keyboard: [
          [{ text: spec.currency === 'XTR' ? `Pay ⭐️${spec.total_amount}` : 'Pay', pay: true }],
        ],
      } satisfies InlineKeyboardMarkup);
    const message = this.storeBotMessage(
      state,
      { ...p, reply_markup: markup },
      {
        invoice: {
          title: spec.title,
          description: spec.description,
          start_parameter: str(p.start_parameter) ?? '',
          currency: spec.currency,
          total_amount: spec.total_amount,
        },
      },
    );
    this.invoiceMessages.set(`${state.chat.id}:${message.message_id}`, spec);
    return this.out(message);
  }

  private answerPreCheckoutQuery(p: Payload): true {
    const query = this.preCheckouts.get(str(p.pre_checkout_query_id) ?? '');
    if (!query || query.answer) throw badRequest('QUERY_ID_INVALID');
    const ok = p.ok === true || p.ok === 'true';
    const errorMessage = str(p.error_message);
    if (!ok && !errorMessage) throw badRequest('error_message must be non-empty if ok is false');
    query.answer = ok ? { ok } : { ok, error_message: errorMessage };
    return true;
  }

  private refundStarPayment(p: Payload): true {
    const charge = this.charges.get(str(p.telegram_payment_charge_id) ?? '');
    if (!charge || charge.userId !== num(p.user_id)) throw badRequest('CHARGE_NOT_FOUND');
    if (charge.refunded) throw badRequest('CHARGE_ALREADY_REFUNDED');
    charge.refunded = true;
    return true;
  }

  // ── waiting ──

  /**
   * Resolves with what `initial` finds now, or later with what `onCall` finds in a completed call;
   * looking only at the new call keeps many concurrent waiters cheap in benchmarks.
   */
  private waitFor<T>(
    initial: () => T | undefined,
    onCall: (call: FakeCall) => T | undefined,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const first = initial();
      if (first !== undefined) return resolve(first);
      if (this.closed) return reject(new Error('fake Bot API is closed'));
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        settle();
      };
      const waiter: Waiter = {
        check: (call) => {
          try {
            const found = onCall(call);
            if (found !== undefined) finish(() => resolve(found));
          } catch (e) {
            finish(() => reject(e));
          }
        },
        fail: (e) => finish(() => reject(e)),
      };
      const timer = setTimeout(() => waiter.fail(new Error(describe())), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  waitForCall(
    method: string,
    predicate?: (call: FakeCall) => boolean,
    options?: number | WaitOptions,
  ): Promise<FakeCall> {
    const o: WaitOptions = typeof options === 'number' ? { timeoutMs: options } : (options ?? {});
    const timeoutMs = o.timeoutMs ?? DEFAULT_WAIT_MS;
    const since = o.since ?? this.mark;
    const wanted = method.toLowerCase();
    const matches = (c: FakeCall) =>
      c.method.toLowerCase() === wanted &&
      (c.result !== undefined || c.error !== undefined) &&
      (o.includeFailed || c.error === undefined) &&
      (!predicate || predicate(c));
    return this.waitFor(
      () => this.calls.slice(since).find(matches),
      (call) => ((this.callIndex.get(call) ?? -1) >= since && matches(call) ? call : undefined),
      timeoutMs,
      () => {
        const seen = this.calls
          .slice(since)
          .filter((c) => c.method.toLowerCase() === wanted)
          .map((c) => JSON.stringify(c.error ?? c.payload).slice(0, 200));
        return `waitForCall(${method}): no matching call within ${timeoutMs} ms since call #${since}; seen ${seen.length}: ${seen.join('; ')}`;
      },
    );
  }

  waitForMessage(
    chatId: number,
    predicate: (m: Message) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<Message> {
    const find = () => this.messagesTo(chatId).find(predicate);
    return this.waitFor(
      find,
      (call) => (call.result !== undefined && num(call.payload.chat_id) === chatId ? find() : undefined),
      timeoutMs,
      () =>
        `waitForMessage(${chatId}): no matching message within ${timeoutMs} ms; chat shows: ${JSON.stringify(
          this.messagesTo(chatId).map((m) => m.text ?? m.caption ?? Object.keys(m).join(',')),
        ).slice(0, 1000)}`,
    );
  }

  // ── user simulation ──

  addUser(user: FakeUser): void {
    this.ensureChat(user);
  }

  private activeChat(from: FakeUser): ChatState {
    const state = this.ensureChat(from);
    if (state.blocked) throw new Error(`user ${from.id} has blocked the bot; call unblockBot first`);
    return state;
  }

  async sendText(from: FakeUser, text: string, opts: { replyTo?: Message } = {}): Promise<Update> {
    const state = this.activeChat(from);
    const entities = sortEntities(detectEntities(text));
    const message = this.storeUserMessage(
      state,
      entities.length ? { text, entities } : { text },
      opts.replyTo,
    );
    return this.deliverNew({ message: this.out(message) } as Omit<Update, 'update_id'>);
  }

  async sendVoice(from: FakeUser, audio: Buffer, duration = 1): Promise<Update> {
    const state = this.activeChat(from);
    const voice = this.registerFile('voice', { data: audio, mime: 'audio/ogg' }, { duration }).view;
    const message = this.storeUserMessage(state, { voice: clone(voice) });
    return this.deliverNew({ message: this.out(message) } as Omit<Update, 'update_id'>);
  }

  async sendPhoto(from: FakeUser, data: Buffer, caption?: string): Promise<Update> {
    const state = this.activeChat(from);
    const photo = this.registerPhoto({ data });
    const message = this.storeUserMessage(state, omitUndefined({ photo, caption }));
    return this.deliverNew({ message: this.out(message) } as Omit<Update, 'update_id'>);
  }

  async sendVideo(from: FakeUser, data: Buffer, mime: string, caption?: string): Promise<Update> {
    const state = this.activeChat(from);
    const video = this.registerFile('video', { data, mime }).view;
    const message = this.storeUserMessage(state, omitUndefined({ video: clone(video), caption }));
    return this.deliverNew({ message: this.out(message) } as Omit<Update, 'update_id'>);
  }

  async clickButton(from: FakeUser, message: Message, callbackData: string): Promise<Update> {
    this.activeChat(from);
    const current = this.chats.get(message.chat.id)?.messages.get(message.message_id);
    if (!current) throw new Error(`message ${message.message_id} is no longer in chat ${message.chat.id}`);
    const buttons = buttonsOf(current);
    if (!buttons.some((b) => 'callback_data' in b && b.callback_data === callbackData)) {
      throw new Error(
        `message ${message.message_id} has no button with callback_data ${JSON.stringify(callbackData)}; it shows ${JSON.stringify(buttons)}`,
      );
    }
    const id = randomQueryId();
    this.callbackQueries.set(id, { answered: false });
    return this.deliverNew({
      callback_query: {
        id,
        from: userObject(from),
        message: this.out(current),
        chat_instance: String(BigInt(message.chat.id) * 7919n + BigInt(this.botInfo.id)),
        data: callbackData,
      },
    } as Omit<Update, 'update_id'>);
  }

  async pressButton(from: FakeUser, message: Message, label: string | RegExp): Promise<Update> {
    const current = this.chats.get(message.chat.id)?.messages.get(message.message_id);
    if (!current) throw new Error(`message ${message.message_id} is no longer in chat ${message.chat.id}`);
    const buttons = buttonsOf(current);
    const button = buttons.find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
    if (!button) {
      throw new Error(
        `message ${message.message_id} has no button ${String(label)}; it shows ${buttons.map((b) => b.text).join(' | ')}`,
      );
    }
    if (!('callback_data' in button))
      throw new Error(`button "${button.text}" does not send a callback query`);
    return this.clickButton(from, message, button.callback_data);
  }

  async preCheckout(
    from: FakeUser,
    invoicePayload: string,
    totalAmount: number,
    currency: 'XTR' = 'XTR',
  ): Promise<Update> {
    this.activeChat(from);
    const id = randomQueryId();
    this.preCheckouts.set(id, {});
    return this.deliverNew({
      pre_checkout_query: {
        id,
        from: userObject(from),
        currency,
        total_amount: totalAmount,
        invoice_payload: invoicePayload,
      },
    });
  }

  async successfulPayment(
    from: FakeUser,
    invoicePayload: string,
    totalAmount: number,
    chargeId: string,
  ): Promise<Update> {
    const state = this.activeChat(from);
    this.charges.set(chargeId, { userId: from.id, amount: totalAmount, refunded: false });
    const message = this.storeUserMessage(state, {
      successful_payment: {
        currency: 'XTR',
        total_amount: totalAmount,
        invoice_payload: invoicePayload,
        telegram_payment_charge_id: chargeId,
        provider_payment_charge_id: '',
      },
    });
    return this.deliverNew({ message: this.out(message) } as Omit<Update, 'update_id'>);
  }

  async payInvoice(
    from: FakeUser,
    invoice: Message | string,
    opts: { chargeId?: string; timeoutMs?: number } = {},
  ): Promise<PaymentOutcome> {
    const spec =
      typeof invoice === 'string'
        ? this.invoiceLinks.get(invoice)
        : this.invoiceMessages.get(`${invoice.chat.id}:${invoice.message_id}`);
    if (!spec)
      throw new Error(`unknown invoice ${typeof invoice === 'string' ? invoice : invoice.message_id}`);
    const since = this.calls.length;
    const pre = await this.preCheckout(from, spec.payload, spec.total_amount);
    const queryId = (pre.pre_checkout_query as { id: string }).id;
    await this.waitForCall(
      'answerPreCheckoutQuery',
      (c) => str(c.payload.pre_checkout_query_id) === queryId,
      { since, timeoutMs: opts.timeoutMs ?? DEFAULT_WAIT_MS },
    );
    const answer = this.preCheckouts.get(queryId)?.answer ?? { ok: false, error_message: 'no answer' };
    if (!answer.ok) return { ok: false, error_message: answer.error_message, pre_checkout: pre };
    const chargeId = opts.chargeId ?? `stxFake${++this.chargeSeq}_${randomToken(8)}`;
    const paid = await this.successfulPayment(from, spec.payload, spec.total_amount, chargeId);
    return { ok: true, charge_id: chargeId, pre_checkout: pre, successful_payment: paid };
  }

  private chatMemberUpdate(from: FakeUser, oldStatus: string, newStatus: string): Promise<Update> {
    const state = this.ensureChat(from);
    const member = (status: string) =>
      status === 'kicked' ? { user: this.botUser, status, until_date: 0 } : { user: this.botUser, status };
    return this.deliverNew({
      my_chat_member: {
        chat: clone(state.chat),
        from: userObject(from),
        date: unixNow(),
        old_chat_member: member(oldStatus),
        new_chat_member: member(newStatus),
      },
    } as Omit<Update, 'update_id'>);
  }

  async blockBot(from: FakeUser): Promise<Update> {
    const state = this.ensureChat(from);
    state.blocked = true;
    return this.chatMemberUpdate(from, 'member', 'kicked');
  }

  async unblockBot(from: FakeUser): Promise<Update> {
    const state = this.ensureChat(from);
    state.blocked = false;
    return this.chatMemberUpdate(from, 'kicked', 'member');
  }

  async deliverRaw(update: Update): Promise<void> {
    const from = (
      update.message ??
      update.callback_query ??
      update.pre_checkout_query ??
      update.my_chat_member
    )?.from;
    if (from && !from.is_bot && !this.chats.has(from.id)) this.ensureChat(from);
    // A callback query handed over as given is one Telegram issued: the bot may answer it once.
    const query = update.callback_query;
    if (query && !this.callbackQueries.has(query.id)) this.callbackQueries.set(query.id, { answered: false });
    this.updateSeq = Math.max(this.updateSeq, update.update_id);
    await this.deliver(clone(update));
  }

  // ── inspection ──

  messagesTo(chatId: number): Message[] {
    const state = this.chats.get(chatId);
    if (!state) return [];
    return [...state.messages.values()].filter((m) => m.from.id === this.botInfo.id).map((m) => this.out(m));
  }

  historyOf(chatId: number): Message[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])].map((m) => this.out(m));
  }

  replyKeyboardOf(chatId: number): ReplyKeyboardMarkup | undefined {
    const keyboard = this.chats.get(chatId)?.replyKeyboard;
    return keyboard ? clone(keyboard) : undefined;
  }

  preCheckoutAnswer(queryId: string): { ok: boolean; error_message?: string } | undefined {
    const answer = this.preCheckouts.get(queryId)?.answer;
    return answer ? { ...answer } : undefined;
  }

  fileData(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.data;
  }

  failNext(method: string, failure: FakeFailure, times = 1): void {
    const key = method.toLowerCase();
    const queue = this.failures.get(key) ?? [];
    for (let i = 0; i < times; i++) queue.push({ ...failure });
    this.failures.set(key, queue);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closedError = new Error('fake Bot API is closed');
    // A pending long poll ends with an empty batch, so a bot that is still polling gets a clean answer.
    this.activePoll?.release();
    for (const reject of [...this.waitingDeliveries]) reject(closedError);
    this.pollQueue.length = 0;
    for (const w of [...this.waiters]) w.fail(closedError);
    for (const req of this.outgoing) req.destroy(closedError);
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    // Let answers already written reach the client before the remaining connections are cut.
    await Promise.race([stopped, sleep(100)]);
    this.server.closeAllConnections();
    await stopped;
  }
}

/** Starts a fake Telegram Bot API on 127.0.0.1 (random port). */
export async function startFakeBotApi(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const fake = new FakeTelegram(opts);
  await fake.listen();
  return fake;
}
