import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiClient } from './api/client.ts';
import { ApiProvider } from './api/context.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { EnvironmentProvider } from './environment.tsx';
import { initTelegram, readTelegramLaunch } from './init.ts';
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

async function bootstrap(): Promise<void> {
  // The condition is a build-time constant, so the production bundle does not contain the mock.
  const mocked = import.meta.env.DEV ? (await import('./mockEnv.ts')).mockTelegramEnvForDev() : false;

  const telegram = readTelegramLaunch();
  if (telegram) {
    try {
      initTelegram();
    } catch (error) {
      // Theme and buttons are niceties; the app itself works without the SDK.
      console.error('Telegram SDK failed to start:', error);
    }
  }

  const api = new ApiClient({ getLanguage: () => document.documentElement.lang || navigator.language });
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <EnvironmentProvider
          value={{ telegram, telegramChrome: telegram !== null && !mocked && hasTelegramHost() }}
        >
          <ApiProvider client={api}>
            {/* The dev mock's init data is unsigned, so it never goes to the API. */}
            <App telegramInitData={telegram && !mocked ? telegram.initData : null} />
          </ApiProvider>
        </EnvironmentProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

void bootstrap();
