import { copyTextToClipboard, invoice, openTelegramLink, shareURL } from '@telegram-apps/sdk-react';
import { telegramStarted } from '../../telegram.ts';

// The wallet's conversations with the Telegram client: paying an invoice, sharing and copying the
// referral link. Each degrades to what a plain browser can do, so the screens never care where
// they run.

/** How an invoice ended; `external` when it went to Telegram with no way to hear back. */
export type InvoiceOutcome = 'paid' | 'cancelled' | 'failed' | 'pending' | 'external';

/**
 * Opens a Stars invoice link over the Mini App and waits until the user closes it. Only call with a
 * Telegram client on the other end (`telegramChrome`): a page with no host never hears back.
 */
export async function payInvoice(link: string): Promise<InvoiceOutcome> {
  // The SDK starts after the first paint; a tap that quick waits for it rather than missing it.
  await telegramStarted();
  if (invoice.open.isAvailable()) {
    try {
      const status: string = await invoice.open(link, 'url');
      // Telegram documents these four; anything newer is treated as "not settled yet".
      return status === 'paid' || status === 'cancelled' || status === 'failed' ? status : 'pending';
    } catch (error) {
      // A link on a host other than t.me (a Bot API server that rewrites them) cannot be opened as an
      // invoice; Telegram can still follow it as a link.
      console.warn('Could not open the invoice in place:', error);
    }
  }
  if (openTelegramLink.isAvailable()) {
    openTelegramLink(link);
    return 'external';
  }
  window.open(link, '_blank', 'noopener');
  return 'external';
}

/**
 * Shares a link: Telegram's chat picker inside Telegram, the system share sheet in a browser that
 * has one. Resolves to false when neither exists (the caller copies instead) or the user backed out.
 */
export async function shareLink(url: string, text: string, insideTelegram: boolean): Promise<boolean> {
  if (insideTelegram) await telegramStarted();
  if (insideTelegram && shareURL.isAvailable()) {
    shareURL(url, text);
    return true;
  }
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ url, text });
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** Copies text with the clipboard API, or the old selection trick where that is refused. */
export function copyText(text: string): Promise<void> {
  return copyTextToClipboard(text);
}
