import type { Chat, MessageEntity, Update, User } from 'grammy/types';

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same sweep on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A message the bot really sent, so that a callback on it can be edited like a real one. */
export interface KnownMessage {
  chatId: number;
  messageId: number;
  text: string;
}

export interface RandomUpdateOptions {
  seed: number;
  count: number;
  /** People who write to the bot; the first ones have usually started it. */
  users: { id: number; first_name: string; language_code?: string }[];
  /** The bot's username, for `/cmd@bot` forms. */
  botUsername: string;
  /** Every command word the bot knows (start, dream, …). */
  commands: string[];
  /** Callback data the bot itself produces, as templates: `<id>` becomes a dream id, `<x>` garbage. */
  callbackTemplates: string[];
  /** Dream ids to put into callbacks: the sender's own and other users'. */
  dreamIds: string[];
  /** Messages the bot sent (the callbacks' host messages); read as each update is made (lazily). */
  knownMessages: () => KnownMessage[];
  /** First update id; ids then only grow, as Telegram's do. */
  firstUpdateId: number;
}

const ODD_TEXTS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000/start',
  '\uD800',
  '\uDFFF lone',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301',
  '<b>bold</b> <a href="javascript:alert(1)">x</a> & &amp; <',
  '{ $name } { -brand } {{x}}',
  "'; DROP TABLE users; --",
  '%s%n%x',
  '08:30',
  'выкл',
  'UTC+3',
  'Europe/Moscow',
  '31.02.2000',
  '-1',
  '1e309',
  'NaN',
  'Мне снилось, что я летаю над городом и вижу всех, кого люблю.',
  'I dreamt I was flying over the city at night, above the river.',
];

const ENTITY_TYPES = [
  'bot_command',
  'mention',
  'hashtag',
  'url',
  'text_link',
  'bold',
  'custom_emoji',
  'spoiler',
  'blockquote',
  'frobnicate',
];

/**
 * Seeded random Telegram updates of every kind a bot may receive, many of them odd: odd entities,
 * edits, channel posts, forged callbacks, inline queries, messages without a sender, service and
 * media messages, member changes, pre-checkouts with bad payloads, update types the bot never asked
 * for. No successful_payment: Telegram sends one only for an invoice the bot issued, and one that
 * cannot be credited is meant to raise an alarm (money arrived).
 */
export function* randomUpdates(opts: RandomUpdateOptions): Generator<Update> {
  const rnd = seededRandom(opts.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chance = (p: number) => rnd() < p;
  let updateId = opts.firstUpdateId;
  let messageId = 1_000_000 + opts.seed;
  const now = () => Math.floor(Date.now() / 1000);

  const garbage = (max = 40): string => {
    const alphabet = 'abcXYZ019/:_-.%~ \u0000é日🌙\uD83D';
    return Array.from({ length: int(max) }, () => alphabet[int(alphabet.length)]).join('');
  };
  const longText = () => pick(['я', 'dream ', '🌙', 'ab\u0000']).repeat(pick([4096, 5000, 20_000]));
  const sender = (): User => {
    const u = pick(opts.users);
    const language = pick([u.language_code, undefined, 'xx', 'RU-ru', 'en-GB', 'uk']);
    return { ...u, is_bot: false, ...(language ? { language_code: language } : {}) };
  };
  const privateChat = (u: User): Chat.PrivateChat => ({
    id: u.id,
    type: 'private',
    first_name: u.first_name,
  });
  const group = (): Chat.GroupChat | Chat.SupergroupChat =>
    chance(0.5)
      ? { id: -4000 - int(3), type: 'group', title: 'Dreamers' }
      : { id: -1_001_000_000_000 - int(3), type: 'supergroup', title: 'Dreamers <b>' };
  const channel = (): Chat.ChannelChat => ({
    id: -1_002_000_000_000 - int(2),
    type: 'channel',
    title: 'News',
  });

  const command = (): string => {
    const word = pick(opts.commands);
    const cased = pick([word, word.toUpperCase(), word[0]?.toUpperCase() + word.slice(1), word]);
    const at = pick(['', '', `@${opts.botUsername}`, `@${opts.botUsername.toUpperCase()}`, '@other_bot']);
    const arg = pick(['', '', ' ', ` ${garbage()}`, ' dream_00000000-0000-0000-0000-000000000000', ' ref_x']);
    return `/${cased}${at}${arg}`;
  };

  const entities = (text: string): MessageEntity[] | undefined => {
    if (chance(0.3)) return undefined;
    return Array.from({ length: 1 + int(3) }, () => {
      const type = pick(ENTITY_TYPES);
      const offset = pick([0, 0, int(text.length + 1), text.length, text.length + 5, 2 ** 31 - 1, -1]);
      const length = pick([0, 1, int(text.length + 1), text.length + 10, 2 ** 31 - 1, -3]);
      return { type, offset, length, ...(type === 'text_link' ? { url: garbage() } : {}) } as MessageEntity;
    });
  };

  const text = (): { text: string; entities?: MessageEntity[] } => {
    const t = pick([command, command, () => pick(ODD_TEXTS), longText, () => garbage(200)])();
    const e = entities(t);
    // A real command carries its entity at 0; keep many of them exactly so, to reach the handlers.
    if (t.startsWith('/') && chance(0.6)) {
      return {
        text: t,
        entities: [{ type: 'bot_command', offset: 0, length: t.split(/[\s]/)[0]?.length ?? 1 }],
      };
    }
    return e ? { text: t, entities: e } : { text: t };
  };

  const content = (): Record<string, unknown> => {
    switch (int(13)) {
      case 0:
        return {
          sticker: {
            file_id: garbage(),
            file_unique_id: 'u',
            type: 'regular',
            width: 512,
            height: 512,
            is_animated: false,
            is_video: false,
          },
        };
      case 1:
        return { location: { latitude: pick([0, 91, -200, 55.75]), longitude: pick([0, 181, 37.6]) } };
      case 2:
        return {
          contact: { phone_number: garbage(15), first_name: garbage(10), user_id: pick(opts.users).id },
        };
      case 3:
        return {
          poll: {
            id: garbage(),
            question: garbage(),
            options: [],
            total_voter_count: 0,
            is_closed: false,
            is_anonymous: true,
            type: 'regular',
            allows_multiple_answers: false,
          },
        };
      case 4:
        return { dice: { emoji: '🎲', value: int(7) } };
      case 5:
        return {
          photo: [{ file_id: garbage(), file_unique_id: 'p', width: 1, height: 1 }],
          caption: pick(ODD_TEXTS),
        };
      case 6:
        return {
          document: {
            file_id: garbage(),
            file_unique_id: 'd',
            file_name: 'dream.jpg',
            mime_type: 'image/jpeg',
          },
        };
      case 7:
        return {
          voice: {
            file_id: garbage(),
            file_unique_id: 'v',
            duration: pick([0, 1, 3600, -1]),
            mime_type: 'audio/ogg',
          },
        };
      case 8:
        return { new_chat_members: [{ id: pick(opts.users).id, is_bot: false, first_name: 'New' }] };
      case 9:
        return { left_chat_member: { id: 123456, is_bot: true, first_name: 'Mechta' } };
      case 10:
        return { venue: { location: { latitude: 1, longitude: 1 }, title: garbage(), address: garbage() } };
      case 11:
        return { video_note: { file_id: garbage(), file_unique_id: 'n', length: 1, duration: 1 } };
      default:
        return text();
    }
  };

  // Typed loosely on purpose: the chat kind and the body are combined freely, as a forger could.
  const message = (chat: Chat, from: User | undefined, body: Record<string, unknown>): never =>
    ({
      message_id: messageId++,
      date: now(),
      chat,
      ...(from ? { from } : { sender_chat: chat }),
      ...body,
    }) as never;

  const callbackData = (): string | undefined => {
    if (chance(0.05)) return undefined;
    const template = pick([...opts.callbackTemplates, '<x>', '<x>/<x>/<x>/<x>/<x>']);
    return template
      .replaceAll('<id>', () => (opts.dreamIds.length && chance(0.8) ? pick(opts.dreamIds) : garbage(36)))
      .replaceAll('<x>', () => garbage(12))
      .slice(0, 64);
  };

  const callback = (): Update => {
    const from = sender();
    const known = opts.knownMessages().filter((m) => m.chatId === from.id);
    // A button sits on a message the bot sent (Telegram sends no callback for any other), or on an
    // inline message, which has no chat at all.
    const host = known.length && chance(0.88) ? pick(known) : undefined;
    const data = callbackData();
    const where = host
      ? {
          message: {
            message_id: host.messageId,
            // Date 0: a message too old for Telegram to send whole ("inaccessible").
            date: chance(0.1) ? 0 : now(),
            chat: privateChat(from),
            from: { id: 123456, is_bot: true, first_name: 'Mechta' },
            text: host.text,
          },
        }
      : { inline_message_id: garbage(20) };
    return {
      update_id: updateId++,
      callback_query: {
        id: String(updateId),
        from,
        chat_instance: garbage(10),
        ...where,
        ...(data === undefined ? { game_short_name: 'g' } : { data }),
      },
    } as unknown as Update;
  };

  const makers: Array<[number, () => Update]> = [];
  const add = (weight: number, make: () => Update) => makers.push([weight, make]);
  add(30, () => {
    const from = sender();
    return { update_id: updateId++, message: message(privateChat(from), from, text()) };
  });
  add(10, () => {
    const from = sender();
    return { update_id: updateId++, message: message(privateChat(from), from, content()) };
  });
  add(6, () => {
    const from = chance(0.8) ? sender() : undefined;
    return { update_id: updateId++, message: message(group(), from, chance(0.6) ? text() : content()) };
  });
  add(6, () => {
    const from = sender();
    const body = { ...text(), edit_date: now() };
    return chance(0.7)
      ? { update_id: updateId++, edited_message: message(privateChat(from), from, body) }
      : { update_id: updateId++, edited_message: message(group(), from, body) };
  });
  add(5, () => {
    const post = message(channel(), undefined, text()) as Record<string, unknown>;
    return chance(0.5)
      ? { update_id: updateId++, channel_post: post as never }
      : { update_id: updateId++, edited_channel_post: { ...post, edit_date: now() } as never };
  });
  add(25, callback);
  add(4, () => ({
    update_id: updateId++,
    inline_query: {
      id: garbage(10),
      from: sender(),
      query: pick([garbage(), command(), '']),
      offset: garbage(5),
    },
  }));
  add(2, () => ({
    update_id: updateId++,
    chosen_inline_result: { result_id: garbage(), from: sender(), query: garbage() },
  }));
  add(4, () => {
    const from = sender();
    const inGroup = chance(0.4);
    const status = pick(['kicked', 'member', 'left', 'administrator'] as const);
    return {
      update_id: updateId++,
      my_chat_member: {
        chat: inGroup ? group() : privateChat(from),
        from,
        date: now(),
        old_chat_member: { status: 'member', user: { id: 123456, is_bot: true, first_name: 'Mechta' } },
        new_chat_member: { status, user: { id: 123456, is_bot: true, first_name: 'Mechta' } },
      },
    } as unknown as Update;
  });
  add(5, () => ({
    update_id: updateId++,
    pre_checkout_query: {
      id: garbage(10),
      from: sender(),
      currency: pick(['XTR', 'USD', '']),
      total_amount: pick([0, -5, 1, 50, 2 ** 53, 1.5]),
      invoice_payload: pick([garbage(), '', '{"a":1}', 'tokens_100', 'pass_24h:-1', `${'x'.repeat(128)}`]),
    },
  }));
  add(3, () => {
    const kinds = [
      { poll_answer: { poll_id: garbage(), user: sender(), option_ids: [0] } },
      { shipping_query: { id: garbage(), from: sender(), invoice_payload: garbage(), shipping_address: {} } },
      { chat_join_request: { chat: group(), from: sender(), user_chat_id: 1, date: now() } },
      {
        message_reaction: {
          chat: privateChat(sender()),
          message_id: 1,
          date: now(),
          old_reaction: [],
          new_reaction: [],
        },
      },
      { business_message: message(privateChat(sender()), sender(), text()) },
      { some_future_update: { id: 1 } },
    ];
    return { update_id: updateId++, ...pick(kinds) } as unknown as Update;
  });

  const total = makers.reduce((sum, [weight]) => sum + weight, 0);
  for (let i = 0; i < opts.count; i++) {
    let roll = rnd() * total;
    const found = makers.find(([weight]) => {
      roll -= weight;
      return roll < 0;
    });
    yield (found ?? (makers[0] as [number, () => Update]))[1]();
  }
}
