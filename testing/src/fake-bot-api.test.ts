import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, InlineKeyboard, InputFile, webhookCallback } from 'grammy';
import type { Message } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeBotApi, type FakeUser, startFakeBotApi } from './fake-bot-api.ts';

// A real 1×1 PNG: the fake, like Telegram, refuses photos that are not images.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const ann: FakeUser = { id: 1001, first_name: 'Ann', username: 'ann_dreams', language_code: 'en' };

let fake: FakeBotApi;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  fake = await startFakeBotApi();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await fake.close();
});

function newBot(): Bot {
  return new Bot(fake.token, { client: { apiRoot: fake.url } });
}

/** Starts long polling; stopping it is part of the test's cleanup. */
async function startPolling(bot: Bot): Promise<void> {
  const errors: unknown[] = [];
  bot.catch((err) => {
    errors.push(err.error);
  });
  let running: Promise<void> | undefined;
  await new Promise<void>((resolve, reject) => {
    running = bot.start({ onStart: () => resolve() }).catch(reject);
  });
  cleanups.push(async () => {
    await bot.stop();
    await running;
    expect(errors).toEqual([]);
  });
}

async function startWebhookServer(bot: Bot, secretToken: string): Promise<string> {
  const server = http.createServer(webhookCallback(bot, 'http', { secretToken }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
}

async function rawCall(method: string, body: unknown, token = fake.token) {
  const res = await fetch(`${fake.url}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('fake Bot API with a real grammY bot', () => {
  it('delivers a command by long polling and shows the reply in the chat', async () => {
    const bot = newBot();
    bot.command('start', (ctx) =>
      ctx.reply(`Hello, ${ctx.from?.first_name}! Payload: ${ctx.match || 'none'}`),
    );
    bot.on('message:text', (ctx) => ctx.reply(`You said: ${ctx.message.text}`));
    await startPolling(bot);

    const update = await fake.sendText(ann, '/start ref_42');
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    await fake.waitForMessage(ann.id, (m) => m.text === 'Hello, Ann! Payload: ref_42');

    await fake.sendText(ann, 'I flew over the sea');
    await fake.waitForMessage(ann.id, (m) => m.text === 'You said: I flew over the sea');

    expect(fake.messagesTo(ann.id).map((m) => m.text)).toEqual([
      'Hello, Ann! Payload: ref_42',
      'You said: I flew over the sea',
    ]);
    const [first] = fake.messagesTo(ann.id);
    expect(first?.chat).toEqual({ id: ann.id, type: 'private', first_name: 'Ann', username: 'ann_dreams' });
    expect(first?.from?.username).toBe('mechta_test_bot');
    // The user's messages and the bot's share the chat's message numbering.
    expect(fake.historyOf(ann.id).map((m) => m.message_id)).toEqual([1, 2, 3, 4]);
  });

  it('posts updates to a webhook with the secret token and applies webhook replies', async () => {
    const bot = newBot();
    bot.on('message:text', (ctx) => ctx.reply(`Webhook got: ${ctx.message.text}`));
    await bot.init();
    const url = await startWebhookServer(bot, 'hook_secret-1');
    await bot.api.setWebhook(url, { secret_token: 'hook_secret-1' });

    await fake.sendText(ann, 'a dream about keys');
    // In webhook mode the simulated user action resolves after the bot answered the POST.
    expect(fake.messagesTo(ann.id).map((m) => m.text)).toEqual(['Webhook got: a dream about keys']);

    const info = await bot.api.getWebhookInfo();
    expect(info.url).toBe(url);
    expect(info.pending_update_count).toBe(0);

    // A webhook that rejects the secret: the user action fails and Telegram's webhook info says why.
    await bot.api.setWebhook(url, { secret_token: 'another_secret' });
    await expect(fake.sendText(ann, 'lost')).rejects.toThrow(/401/);
    expect((await bot.api.getWebhookInfo()).last_error_message).toMatch(/401/);

    // getUpdates is refused while a webhook is set, as by Telegram.
    const conflict = await rawCall('getUpdates', {});
    expect(conflict.body).toMatchObject({ ok: false, error_code: 409 });
    await bot.api.deleteWebhook();
    expect((await rawCall('getUpdates', {})).body).toMatchObject({ ok: true });
  });

  it('redelivers an update by long polling when asked to', async () => {
    const bot = newBot();
    const seen: number[] = [];
    bot.on('message:text', async (ctx) => {
      seen.push(ctx.update.update_id);
      await ctx.reply(`Got: ${ctx.message.text}`);
    });
    await startPolling(bot);
    const update = await fake.sendText(ann, 'once');
    await fake.deliverRaw(update);
    await fake.sendText(ann, 'twice');
    // Polling handles updates in order, so once the last reply shows, all three were handled.
    await fake.waitForMessage(ann.id, (m) => m.text === 'Got: twice');
    expect(seen).toEqual([update.update_id, update.update_id, update.update_id + 1]);
    expect(fake.messagesTo(ann.id).map((m) => m.text)).toEqual(['Got: once', 'Got: once', 'Got: twice']);
  });

  it('delivers the same update twice to a webhook when asked to', async () => {
    const bot = newBot();
    const seen: number[] = [];
    bot.on('message:text', (ctx) => {
      seen.push(ctx.update.update_id);
    });
    await bot.init();
    const url = await startWebhookServer(bot, 'dup');
    await bot.api.setWebhook(url, { secret_token: 'dup' });

    const update = await fake.sendText(ann, 'once');
    await fake.deliverRaw(update);
    expect(seen).toEqual([update.update_id, update.update_id]);
  });

  it('lets the bot download a voice note and upload a photo, then resend it by file_id', async () => {
    const bot = newBot();
    bot.on('message:voice', async (ctx) => {
      const file = await ctx.getFile();
      const res = await fetch(`${fake.url}/file/bot${fake.token}/${file.file_path}`);
      const audio = Buffer.from(await res.arrayBuffer());
      const sent = await ctx.replyWithPhoto(new InputFile(PNG, 'dream.png'), {
        caption: `<b>Heard</b> ${audio.length} bytes: ${audio.toString('utf8')}`,
        parse_mode: 'HTML',
      });
      const largest = sent.photo.at(-1)!;
      await ctx.replyWithPhoto(largest.file_id, { caption: 'Again' });
    });
    await startPolling(bot);

    const voice = Buffer.from('OggS fake opus');
    const update = await fake.sendVoice(ann, voice, 3);
    expect(update.message?.voice).toMatchObject({
      duration: 3,
      mime_type: 'audio/ogg',
      file_size: voice.length,
    });

    const again = await fake.waitForMessage(ann.id, (m) => m.caption === 'Again');
    const [first] = fake.messagesTo(ann.id);
    expect(first?.caption).toBe(`Heard ${voice.length} bytes: OggS fake opus`);
    expect(first?.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 5 }]);
    expect(first?.photo?.at(-1)).toMatchObject({ width: 1, height: 1 });
    expect(again.photo).toEqual(first?.photo);
    expect(fake.fileData(first!.photo!.at(-1)!.file_id)).toEqual(PNG);

    const upload = await fake.waitForCall('sendPhoto', (c) => Object.keys(c.files).length > 0);
    expect(upload.files.photo).toMatchObject({ filename: 'dream.png', data: PNG });
  });

  it('runs a button click and shows the edited message in the transcript', async () => {
    const bot = newBot();
    bot.command('vote', async (ctx) => {
      await ctx.reply('Was the dream lucid?', {
        reply_markup: new InlineKeyboard().text('Yes', 'lucid:yes').text('No', 'lucid:no'),
      });
      const note = await ctx.reply('temporary note');
      await ctx.api.deleteMessage(note.chat.id, note.message_id);
    });
    bot.callbackQuery(/^lucid:(yes|no)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Saved' });
      await ctx.editMessageText(`Lucid: <i>${ctx.match[1]}</i>`, { parse_mode: 'HTML' });
    });
    await startPolling(bot);

    await fake.sendText(ann, '/vote');
    const question = await fake.waitForMessage(ann.id, (m) => m.text === 'Was the dream lucid?');
    await fake.waitForCall('deleteMessage');

    await fake.pressButton(ann, question, 'Yes');
    const edited = await fake.waitForMessage(ann.id, (m) => m.text === 'Lucid: yes');
    expect(edited.message_id).toBe(question.message_id);
    expect(edited.entities).toEqual([{ type: 'italic', offset: 7, length: 3 }]);
    expect(edited.reply_markup).toBeUndefined();
    expect(edited.edit_date).toBeTypeOf('number');
    expect(fake.messagesTo(ann.id).map((m) => m.text)).toEqual(['Lucid: yes']);
    const answer = await fake.waitForCall('answerCallbackQuery');
    expect(answer.payload.text).toBe('Saved');

    // The keyboard is gone, so the user can no longer press it.
    await expect(fake.clickButton(ann, question, 'lucid:no')).rejects.toThrow(/no button/);
  });

  it('retries after a 429 with auto-retry and the reply still reaches the user', async () => {
    const bot = newBot();
    bot.api.config.use(autoRetry());
    bot.on('message:text', (ctx) => ctx.reply('Saved your dream'));
    await startPolling(bot);

    fake.failNext('sendMessage', { error_code: 429, retry_after: 1 });
    await fake.sendText(ann, 'a tall tower');
    await fake.waitForMessage(ann.id, (m) => m.text === 'Saved your dream', 10_000);

    const sends = fake.calls.filter((c) => c.method === 'sendMessage');
    expect(sends.map((c) => c.error?.error_code)).toEqual([429, undefined]);
    expect(sends[0]?.error).toEqual({
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect(fake.messagesTo(ann.id)).toHaveLength(1);
  });

  it('takes Stars payments and refunds each charge once', async () => {
    const bot = newBot();
    bot.command('buy', (ctx) =>
      ctx.replyWithInvoice('100 tokens', 'Tokens for dream analysis', 'offer:tokens_100', 'XTR', [
        { label: '100 tokens', amount: 50 },
      ]),
    );
    bot.on('pre_checkout_query', (ctx) =>
      ctx.preCheckoutQuery.invoice_payload.startsWith('offer:')
        ? ctx.answerPreCheckoutQuery(true)
        : ctx.answerPreCheckoutQuery(false, 'Unknown offer'),
    );
    const charges: string[] = [];
    bot.on('message:successful_payment', async (ctx) => {
      const payment = ctx.message.successful_payment;
      charges.push(payment.telegram_payment_charge_id);
      await ctx.reply(`Paid ${payment.total_amount} stars`);
    });
    await startPolling(bot);

    await fake.sendText(ann, '/buy');
    const invoice = await fake.waitForMessage(ann.id, (m) => m.invoice !== undefined);
    expect(invoice.invoice).toMatchObject({ title: '100 tokens', currency: 'XTR', total_amount: 50 });

    const outcome = await fake.payInvoice(ann, invoice, { chargeId: 'charge-1' });
    expect(outcome).toMatchObject({ ok: true, charge_id: 'charge-1' });
    await fake.waitForMessage(ann.id, (m) => m.text === 'Paid 50 stars');
    expect(charges).toEqual(['charge-1']);

    await fake.preCheckout(ann, 'junk', 5);
    const refusal = await fake.waitForCall('answerPreCheckoutQuery');
    expect(refusal.payload).toMatchObject({ ok: false, error_message: 'Unknown offer' });

    await expect(bot.api.refundStarPayment(ann.id, 'charge-1')).resolves.toBe(true);
    await expect(bot.api.refundStarPayment(ann.id, 'charge-1')).rejects.toThrow(/CHARGE_ALREADY_REFUNDED/);
    await expect(bot.api.refundStarPayment(ann.id, 'nope')).rejects.toThrow(/CHARGE_NOT_FOUND/);

    const link = await bot.api.createInvoiceLink('Pass', 'Month pass', 'offer:pass', '', 'XTR', [
      { label: 'Pass', amount: 250 },
    ]);
    expect(link).toMatch(/^https:\/\/t\.me\/\$fake_invoice\/\d+$/);
  });
});

describe('fake Bot API as Telegram', () => {
  it('renders parse modes the way Telegram shows them', async () => {
    fake.addUser(ann);
    const bot = newBot();
    const html = await bot.api.sendMessage(
      ann.id,
      '<b>Dream</b> &amp; <a href="https://t.me/x">link</a>\n<pre><code class="language-ts">let a = 1;</code></pre><blockquote expandable>q</blockquote>',
      { parse_mode: 'HTML' },
    );
    expect(html.text).toBe('Dream & link\nlet a = 1;q');
    expect(html.entities).toEqual([
      { type: 'bold', offset: 0, length: 5 },
      { type: 'text_link', offset: 8, length: 4, url: 'https://t.me/x' },
      { type: 'pre', offset: 13, length: 10, language: 'ts' },
      { type: 'expandable_blockquote', offset: 23, length: 1 },
    ]);
    await expect(bot.api.sendMessage(ann.id, '<b>open', { parse_mode: 'HTML' })).rejects.toThrow(
      /Can't find end tag corresponding to start tag "b"/,
    );
    await expect(bot.api.sendMessage(ann.id, '<br>', { parse_mode: 'HTML' })).rejects.toThrow(
      /Unsupported start tag "br"/,
    );
    const v2 = await bot.api.sendMessage(
      ann.id,
      '__under__ ||secret|| [site](https://example.com/a\\)b) `x_y`',
      {
        parse_mode: 'MarkdownV2',
      },
    );
    expect(v2.text).toBe('under secret site x_y');
    expect(v2.entities).toEqual([
      { type: 'underline', offset: 0, length: 5 },
      { type: 'spoiler', offset: 6, length: 6 },
      { type: 'text_link', offset: 13, length: 4, url: 'https://example.com/a)b' },
      { type: 'code', offset: 18, length: 3 },
    ]);
    await expect(bot.api.sendMessage(ann.id, '*unclosed', { parse_mode: 'MarkdownV2' })).rejects.toThrow(
      /Can't find end of Bold entity at byte offset 0/,
    );
    const legacy = await bot.api.sendMessage(ann.id, '*bold* _it_ see /help', { parse_mode: 'Markdown' });
    expect(legacy.text).toBe('bold it see /help');
    expect(legacy.entities).toEqual([
      { type: 'bold', offset: 0, length: 4 },
      { type: 'italic', offset: 5, length: 2 },
      { type: 'bot_command', offset: 12, length: 5 },
    ]);
    await expect(bot.api.sendMessage(ann.id, '   ')).rejects.toThrow(/message text is empty/);
    await expect(bot.api.sendMessage(ann.id, 'x'.repeat(4097))).rejects.toThrow(/message is too long/);
  });

  it('sends albums, edits media and fetches media given by URL', async () => {
    fake.addUser(ann);
    const files = http.createServer((req, res) => {
      if (req.url === '/dream.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else res.writeHead(404).end('missing');
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => files.close(() => resolve())));
    const base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    const bot = newBot();

    const album: Message[] = await bot.api.sendMediaGroup(ann.id, [
      { type: 'photo', media: new InputFile(PNG, 'a.png'), caption: 'first' },
      { type: 'photo', media: `${base}/dream.png` },
    ]);
    expect(album).toHaveLength(2);
    expect(album[0]?.media_group_id).toBe(album[1]?.media_group_id);
    expect(album[0]?.caption).toBe('first');
    await expect(bot.api.sendPhoto(ann.id, `${base}/gone.png`)).rejects.toThrow(
      /failed to get HTTP URL content/,
    );
    await expect(bot.api.sendPhoto(ann.id, new InputFile(Buffer.from('not an image')))).rejects.toThrow(
      /IMAGE_PROCESS_FAILED/,
    );

    const doc = await bot.api.sendDocument(
      ann.id,
      new InputFile(Buffer.from('{"dreams":[]}'), 'export.json'),
      {
        caption: 'Your export',
      },
    );
    expect(doc.document).toMatchObject({
      file_name: 'export.json',
      mime_type: 'application/json',
      file_size: 13,
    });
    const file = await bot.api.getFile(doc.document!.file_id);
    const downloaded = await fetch(`${fake.url}/file/bot${fake.token}/${file.file_path}`);
    expect(await downloaded.text()).toBe('{"dreams":[]}');

    const photoId = album[0]!.photo!.at(-1)!.file_id;
    await expect(bot.api.sendVoice(ann.id, photoId)).rejects.toThrow(/type of file mismatch/);
    const swapped = await bot.api.editMessageMedia(ann.id, doc.message_id, {
      type: 'photo',
      media: photoId,
      caption: 'Now a picture',
    });
    expect(swapped).not.toBe(true);
    const shown = fake.messagesTo(ann.id).find((m) => m.message_id === doc.message_id);
    expect(shown?.document).toBeUndefined();
    expect(shown?.caption).toBe('Now a picture');
    expect(shown?.photo?.at(-1)?.file_id).toBe(photoId);
  });

  it('honours allowed_updates and offsets in getUpdates', async () => {
    expect((await rawCall('getUpdates', { allowed_updates: ['callback_query'] })).body).toEqual({
      ok: true,
      result: [],
    });
    // Filtered out when created: never handed over, so the user action completes at once.
    await fake.sendText(ann, 'ignored');
    const bot = newBot();
    const sent = await bot.api.sendMessage(ann.id, 'Pick', {
      reply_markup: new InlineKeyboard().text('A', 'a'),
    });
    const click = fake.clickButton(ann, sent, 'a');
    const first = await rawCall('getUpdates', { timeout: 5 });
    const updates = first.body.result as Array<{ update_id: number; callback_query?: { data: string } }>;
    expect(updates.map((u) => u.callback_query?.data)).toEqual(['a']);
    await click;
    // Not confirmed yet: the same update comes again until the offset moves past it.
    expect((await rawCall('getUpdates', {})).body.result).toHaveLength(1);
    expect((await rawCall('getUpdates', { offset: updates[0]!.update_id + 1 })).body.result).toEqual([]);
  });

  it('rejects a wrong token and unknown chats with Telegram errors', async () => {
    const wrong = await rawCall('getMe', {}, '1:nope');
    expect(wrong).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    const unknown = await rawCall('sendMessage', { chat_id: 555, text: 'hi' });
    expect(unknown).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
    });
    const me = await rawCall('getMe', {});
    expect(me.body.result).toMatchObject({
      is_bot: true,
      first_name: 'Mechta Test',
      username: 'mechta_test_bot',
    });
    // Unknown methods are recorded and answered with true.
    expect((await rawCall('setMyDefaultAdministratorRights', {})).body).toEqual({ ok: true, result: true });
    expect(fake.calls.map((c) => c.method)).toContain('setMyDefaultAdministratorRights');
  });

  it('refuses what Telegram refuses: bad HTML, oversized callback data, edits that change nothing', async () => {
    fake.addUser(ann);
    const bot = newBot();
    await expect(bot.api.sendMessage(ann.id, 'a < b', { parse_mode: 'HTML' })).rejects.toThrow(
      /can't parse entities: Unsupported start tag "" at byte offset 2/,
    );
    await expect(bot.api.sendMessage(ann.id, 'Done.', { parse_mode: 'MarkdownV2' })).rejects.toThrow(
      /Character '\.' is reserved/,
    );
    const tooLong = new InlineKeyboard().text('Open', `dream:${'x'.repeat(60)}`);
    await expect(bot.api.sendMessage(ann.id, 'hi', { reply_markup: tooLong })).rejects.toThrow(
      /BUTTON_DATA_INVALID/,
    );
    const webApp = new InlineKeyboard().webApp('Open', 'http://127.0.0.1:8080/');
    await expect(bot.api.sendMessage(ann.id, 'hi', { reply_markup: webApp })).rejects.toThrow(
      /Only HTTPS links are allowed/,
    );

    const sent = await bot.api.sendMessage(ann.id, '  *Bold* and \\_under\\_  ', {
      parse_mode: 'MarkdownV2',
    });
    expect(sent.text).toBe('Bold and _under_');
    expect(sent.entities).toEqual([{ type: 'bold', offset: 0, length: 4 }]);
    await expect(
      bot.api.editMessageText(ann.id, sent.message_id, '*Bold* and \\_under\\_', {
        parse_mode: 'MarkdownV2',
      }),
    ).rejects.toThrow(/message is not modified/);
    await expect(bot.api.deleteMessage(ann.id, 999)).rejects.toThrow(/message to delete not found/);

    // Nobody polls here, so the my_chat_member update stays queued; the block itself is immediate.
    void fake.blockBot(ann).catch(() => undefined);
    await expect(bot.api.sendMessage(ann.id, 'still there?')).rejects.toThrow(/bot was blocked by the user/);
  });

  it('keeps commands per scope and language and the menu button per chat', async () => {
    fake.addUser(ann);
    const bot = newBot();
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    await bot.api.setMyCommands([{ command: 'start', description: 'Начать' }], { language_code: 'ru' });
    await bot.api.setMyCommands([{ command: 'admin', description: 'Admin' }], {
      scope: { type: 'chat', chat_id: ann.id },
    });
    expect(await bot.api.getMyCommands()).toEqual([{ command: 'start', description: 'Start' }]);
    expect(await bot.api.getMyCommands({ language_code: 'ru' })).toEqual([
      { command: 'start', description: 'Начать' },
    ]);
    expect(await bot.api.getMyCommands({ scope: { type: 'chat', chat_id: ann.id } })).toEqual([
      { command: 'admin', description: 'Admin' },
    ]);
    await expect(bot.api.setMyCommands([{ command: 'Bad-Command', description: 'x' }])).rejects.toThrow(
      /BOT_COMMAND_INVALID/,
    );

    const menu = {
      type: 'web_app' as const,
      text: 'Journal',
      web_app: { url: 'https://mechta.example/app' },
    };
    await bot.api.setChatMenuButton({ chat_id: ann.id, menu_button: menu });
    expect(await bot.api.getChatMenuButton({ chat_id: ann.id })).toEqual(menu);
    expect(await bot.api.getChatMenuButton()).toEqual({ type: 'commands' });
  });

  it('reads urlencoded and query-string requests', async () => {
    fake.addUser(ann);
    const res = await fetch(`${fake.url}/bot${fake.token}/sendMessage?chat_id=${ann.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        text: '42',
        reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] }),
      }),
    });
    const body = (await res.json()) as { ok: boolean; result: Message };
    expect(body.ok).toBe(true);
    expect(body.result.text).toBe('42');
    expect(body.result.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] });
  });

  it('holds a long poll until an update arrives, and close() answers a pending one', async () => {
    const poll = rawCall('getUpdates', { timeout: 30 });
    // The update is handed over through the poll that is already waiting.
    const update = await fake.sendText(ann, 'hello');
    expect((await poll).body).toEqual({ ok: true, result: [update] });

    const pending = rawCall('getUpdates', { offset: update.update_id + 1, timeout: 30 });
    // The second poll must be waiting at the server before close() is called.
    await vi.waitFor(() => expect(fake.calls.filter((c) => c.method === 'getUpdates')).toHaveLength(2), {
      timeout: 5_000,
    });
    await fake.close();
    expect((await pending).body).toEqual({ ok: true, result: [] });
  });
});
