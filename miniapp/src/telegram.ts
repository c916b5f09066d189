// Telegram's chrome (Back button, haptics) for the screens, through the SDK loaded after the first
// paint: calls made before it is there wait for it, in order; outside Telegram they do nothing.

type Sdk = typeof import('./init.ts');

let sdk: Promise<Sdk | null> = Promise.resolve(null);
let firstScreenShown: () => void = () => {};

/**
 * Loads and starts the Telegram SDK (init.ts) once the first screen is on display (see
 * {@link markFirstScreenShown}), or after a few seconds at the latest; for a Telegram launch only.
 * Calls made before then wait for it. A failure leaves the app working without the SDK.
 */
export function startTelegram(version: string): void {
  const shown = new Promise<void>((resolve) => {
    firstScreenShown = resolve;
    setTimeout(resolve, 3000);
  });
  sdk = shown
    .then(() => import('./init.ts'))
    .then(
      (module) => {
        try {
          module.initTelegram(version);
          return module;
        } catch (error) {
          // Theme and buttons are niceties; the app itself works without the SDK.
          console.error('Telegram SDK failed to start:', error);
          return null;
        }
      },
      (error: unknown) => {
        console.error('Telegram SDK failed to load:', error);
        return null;
      },
    );
}

/** The first screen (home, sign-in or an error) is painted: the SDK may load now. */
export function markFirstScreenShown(): void {
  firstScreenShown();
}

/** Resolves once the SDK is started (or known absent): the wallet opens invoices through it. */
export function telegramStarted(): Promise<void> {
  return sdk.then(() => undefined);
}

function withSdk(call: (module: Sdk) => void): void {
  void sdk.then((module) => module && call(module));
}

/** Shows Telegram's Back button wired to `onBack`; the returned function hides it again. */
export function showTelegramBackButton(onBack: () => void): () => void {
  let hide: (() => void) | undefined;
  withSdk((module) => {
    hide = module.showBackButton(onBack);
  });
  // Queued behind the show, so `hide` is set by the time this runs.
  return () => withSdk(() => hide?.());
}

export function hideTelegramBackButton(): void {
  withSdk((module) => module.hideBackButton());
}

/** Haptic confirmation of an outcome (a save succeeded or failed). */
export function hapticNotify(type: 'success' | 'warning' | 'error'): void {
  withSdk((module) => module.hapticNotify(type));
}

/** Light haptic tick for a changed selection (a switch, a segmented control). */
export function hapticSelection(): void {
  withSdk((module) => module.hapticSelection());
}
