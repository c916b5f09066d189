import {
  backButton,
  bindMiniAppCssVars,
  bindThemeParamsCssVars,
  bindViewportCssVars,
  createPostEvent,
  hapticFeedback,
  init as initSDK,
  isThemeParamsDark,
  isUnknownEnvError,
  miniAppReady,
  mountBackButton,
  mountMiniAppSync,
  mountThemeParamsSync,
  mountViewport,
  type PostEventFn,
  restoreInitData,
  setMiniAppBackgroundColor,
  setMiniAppBottomBarColor,
  setMiniAppHeaderColor,
} from '@telegram-apps/sdk-react';

/**
 * Starts the Telegram SDK: theme and mini-app colours as CSS variables, viewport and safe areas,
 * the Back button, and tells Telegram the app is ready. Call only for a Telegram launch.
 * Loaded after the first paint through telegram.ts, so none of the SDK is in the first download.
 */
export function initTelegram(version: string): void {
  initSDK({ postEvent: tolerantPostEvent(version) });

  mountBackButton.ifAvailable();
  restoreInitData();

  if (mountMiniAppSync.isAvailable()) {
    // The mini-app component derives its colours from the theme, so the theme goes first.
    mountThemeParamsSync.ifAvailable();
    mountMiniAppSync();
    bindThemeParamsCssVars.ifAvailable();
    bindMiniAppCssVars.ifAvailable();
    // The page background is the theme's secondary colour; the header and bottom bar match it so
    // the app has no visible seam with Telegram's own chrome.
    setMiniAppHeaderColor.ifAvailable('secondary_bg_color');
    setMiniAppBackgroundColor.ifAvailable('secondary_bg_color');
    setMiniAppBottomBarColor.ifAvailable('secondary_bg_color');
  }
  followThemeScheme();

  if (mountViewport.isAvailable()) {
    // Telegram answers the safe-area requests at once; a host that never answers (see
    // tolerantPostEvent) must not leave a promise pending forever.
    mountViewport({ timeout: 3000 })
      .then(() => bindViewportCssVars.ifAvailable())
      .catch((error: unknown) => console.warn('Telegram viewport is unavailable:', error));
  }

  miniAppReady.ifAvailable();
}

/** Mirrors whether Telegram's theme is dark onto `<html data-scheme>` for our own colours. */
function followThemeScheme(): void {
  const apply = () => {
    document.documentElement.dataset.scheme = isThemeParamsDark() ? 'dark' : 'light';
  };
  apply();
  isThemeParamsDark.sub(apply);
}

/**
 * The SDK's postEvent, minus one failure: a page opened with launch parameters but without a
 * Telegram host to talk to (a launch link opened in an ordinary tab; browser tests) has no transport
 * and every call would throw UnknownEnvError. There, calls become no-ops so the app still works;
 * inside Telegram nothing changes.
 */
function tolerantPostEvent(version: string): PostEventFn {
  const post = createPostEvent(version) as (method: string, params?: unknown) => void;
  let warned = false;
  const tolerant = (method: string, params?: unknown): void => {
    try {
      post(method, params);
    } catch (error) {
      if (!isUnknownEnvError(error)) throw error;
      if (!warned) {
        warned = true;
        console.warn('No Telegram host to receive Mini App events; running without it.');
      }
    }
  };
  return tolerant as PostEventFn;
}

// Each call goes through `ifAvailable`, which does nothing before init() or on clients too old for
// the feature.

/** Shows Telegram's Back button wired to `onBack`; the returned function hides it again. */
export function showBackButton(onBack: () => void): () => void {
  backButton.show.ifAvailable();
  const [, off] = backButton.onClick.ifAvailable(onBack);
  return () => {
    off?.();
    backButton.hide.ifAvailable();
  };
}

export function hideBackButton(): void {
  backButton.hide.ifAvailable();
}

export function hapticNotify(type: 'success' | 'warning' | 'error'): void {
  hapticFeedback.notificationOccurred.ifAvailable(type);
}

export function hapticSelection(): void {
  hapticFeedback.selectionChanged.ifAvailable();
}
