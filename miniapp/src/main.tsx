import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiClient } from './api/client.ts';
import { ApiProvider } from './api/context.tsx';
import { signIn, signInWithTelegram } from './auth/AuthProvider.tsx';
import { withEarlySignIn } from './boot.ts';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { EnvironmentProvider } from './environment.tsx';
import { loadLanguage, pickLanguage } from './i18n/index.tsx';
import { applyLaunchTheme, readTelegramLaunch } from './launch.ts';
import { startTelegram } from './telegram.ts';
import './styles/global.css';

/** Whether a Telegram client is on the other end of the SDK's events (see init.ts). */
function hasTelegramHost(): boolean {
  const host = window as Window & { TelegramWebviewProxy?: unknown; external?: { notify?: unknown } };
  return (
    window.self !== window.top ||
    host.TelegramWebviewProxy !== undefined ||
    typeof host.external?.notify === 'function'
  );
}

/** How long the first render waits for a sign-in already under way once the texts are in. */
const SIGN_IN_WAIT_MS = 400;

async function bootstrap(): Promise<void> {
  // The condition is a build-time constant, so the production bundle does not contain the mock.
  const mocked = import.meta.env.DEV ? (await import('./mockEnv.ts')).mockTelegramEnvForDev() : false;

  const telegram = readTelegramLaunch();
  const telegramInitData = telegram && !mocked ? telegram.initData : null;
  const api = new ApiClient({
    getLanguage: () => document.documentElement.lang || navigator.language,
    fetch: withEarlySignIn(window.fetch.bind(window)),
  });

  // The sign-in and the texts start downloading now, while React renders: the first screen waits on
  // the round trip of each, not on their sum with the script's run.
  const telegramSignIn = telegramInitData ? signInWithTelegram(api, telegramInitData) : null;
  // AuthProvider takes the answer; until then a failure is not "unhandled".
  telegramSignIn?.catch(() => {});
  const texts = loadLanguage(pickLanguage(telegram?.languageCode, navigator.language));

  if (telegram) {
    // Telegram's colours from the launch itself; the SDK takes over after the first paint.
    applyLaunchTheme(telegram.themeParams);
    startTelegram(telegram.version);
  }

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // Without its texts the app cannot say anything; a failed download still renders (ids), and
  // I18nProvider tries again.
  await texts.catch((error: unknown) => console.error('Texts failed to load:', error));
  // When the sign-in answers soon after the texts, the first frame is the home screen itself rather
  // than a loading screen and then the home screen (a whole render less on a slow phone). Longer
  // than that, the loading screen shows and AuthProvider takes the answer (or the failure) over.
  const signedIn = telegramSignIn
    ? await Promise.race([
        signIn(api, () => telegramSignIn).catch(() => null),
        new Promise<null>((resolve) => setTimeout(resolve, SIGN_IN_WAIT_MS, null)),
      ])
    : null;
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <EnvironmentProvider
          value={{ telegram, telegramChrome: telegram !== null && !mocked && hasTelegramHost() }}
        >
          <ApiProvider client={api}>
            {/* The dev mock's init data is unsigned, so it never goes to the API. */}
            <App
              telegramInitData={telegramInitData}
              telegramSignIn={signedIn ? null : telegramSignIn}
              signedIn={signedIn}
            />
          </ApiProvider>
        </EnvironmentProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

void bootstrap();
