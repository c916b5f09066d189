import { backButton, hapticFeedback } from '@telegram-apps/sdk-react';

// Each call goes through `ifAvailable`, which does nothing outside Telegram, before init(), or on
// clients too old for the feature: pages call these without caring where they run.

/** Shows Telegram's Back button wired to `onBack`; the returned function hides it again. */
export function showTelegramBackButton(onBack: () => void): () => void {
  backButton.show.ifAvailable();
  const [, off] = backButton.onClick.ifAvailable(onBack);
  return () => {
    off?.();
    backButton.hide.ifAvailable();
  };
}

export function hideTelegramBackButton(): void {
  backButton.hide.ifAvailable();
}

/** Haptic confirmation of an outcome (a save succeeded or failed). */
export function hapticNotify(type: 'success' | 'warning' | 'error'): void {
  hapticFeedback.notificationOccurred.ifAvailable(type);
}

/** Light haptic tick for a changed selection (a switch, a segmented control). */
export function hapticSelection(): void {
  hapticFeedback.selectionChanged.ifAvailable();
}
