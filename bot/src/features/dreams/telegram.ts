import type { Config } from '@mechta/core';
import { type Api, GrammyError } from 'grammy';

type ChatAction = Parameters<Api['sendChatAction']>[1];

/** Telegram refuses an edit that changes nothing; for us that edit has already happened. */
export const isNotModified = (error: unknown) =>
  error instanceof GrammyError && error.description.includes('message is not modified');

/** Runs an edit, treating "message is not modified" as done. */
export async function editQuietly(edit: Promise<unknown>): Promise<void> {
  try {
    await edit;
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

/** Shows a chat action until `work` settles (Telegram clears an action after about 5 s). */
export async function withChatAction<T>(
  api: Api,
  chatId: number,
  action: ChatAction,
  work: () => Promise<T>,
): Promise<T> {
  const send = () => api.sendChatAction(chatId, action).catch(() => undefined);
  await send();
  const timer = setInterval(send, 4500);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

// Telegram lets bots download files up to 20 MB.
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * Downloads a file a user sent (after getFile) from the Bot API's file endpoint. Errors never carry
 * the URL: it contains the bot token.
 */
export async function downloadTelegramFile(config: Config, filePath: string): Promise<Buffer> {
  const url = `${config.bot.apiRoot}/file/bot${config.bot.token}/${filePath}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`Telegram file download failed with HTTP ${response.status}`);
  const data = Buffer.from(await response.arrayBuffer());
  if (data.length > MAX_DOWNLOAD_BYTES) throw new Error('Telegram file is larger than 20 MB');
  return data;
}
