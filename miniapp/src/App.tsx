import { useEffect } from 'react';
import type { AuthResult, User } from './api/types.ts';
import { AuthProvider, useAuth } from './auth/AuthProvider.tsx';
import { SignInScreen } from './auth/SignInScreen.tsx';
import { useDetectedTimeZone } from './auth/useDetectedTimeZone.ts';
import { ToastProvider } from './components/Toast.tsx';
import { useEnvironment } from './environment.tsx';
import { I18nProvider, pickLanguage, useI18n } from './i18n/index.tsx';
import { goBack, usePath } from './navigation/router.tsx';
import { matchRoute } from './navigation/routes.tsx';
import { hideTelegramBackButton, markFirstScreenShown, showTelegramBackButton } from './telegram.ts';

/** The signed-in app: the current route, with Telegram's Back button on every screen but home. */
function Screens() {
  const path = usePath();
  const route = matchRoute(path);
  const { t } = useI18n();
  useDetectedTimeZone();

  useEffect(() => {
    if (route.path === '') {
      hideTelegramBackButton();
      return;
    }
    return showTelegramBackButton(goBack);
  }, [route.path]);

  useEffect(() => {
    document.title = `${t(route.titleId)} · ${t('app-name')}`;
  }, [route, t]);

  // A new screen starts at its top; a language switch on the same screen keeps the scroll position.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on screen changes only.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);

  // Keyed by the full path, so one dream's screen never shows the state of the previous one.
  return <div key={path}>{route.render()}</div>;
}

function Localized() {
  const { state } = useAuth();
  const { telegram } = useEnvironment();
  // The user's saved choice wins; before sign-in, Telegram's language, then the browser's.
  const language =
    state.status === 'signed-in'
      ? state.user.language
      : pickLanguage(telegram?.languageCode, navigator.language);
  useEffect(() => {
    if (state.status !== 'loading') markFirstScreenShown();
  }, [state.status]);
  return (
    <I18nProvider language={language}>
      <ToastProvider>
        {state.status === 'signed-in' ? <Screens /> : <SignInScreen state={state} />}
      </ToastProvider>
    </I18nProvider>
  );
}

export function App({
  telegramInitData,
  telegramSignIn,
  signedIn,
}: {
  telegramInitData: string | null;
  telegramSignIn?: Promise<AuthResult> | null;
  signedIn?: User | null;
}) {
  return (
    <AuthProvider telegramInitData={telegramInitData} telegramSignIn={telegramSignIn} signedIn={signedIn}>
      <Localized />
    </AuthProvider>
  );
}
