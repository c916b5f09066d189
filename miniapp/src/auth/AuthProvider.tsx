import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type ApiClient, isApiError } from '../api/client.ts';
import { useApi } from '../api/context.tsx';
import type { AuthResult, User } from '../api/types.ts';
import { loadLanguage } from '../i18n/index.tsx';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-in'; user: User }
  /** A plain browser, and the server offers demo sign-in. */
  | { status: 'demo-available' }
  /** A plain browser, and the only way in is through the bot. */
  | { status: 'telegram-required'; botUsername: string | null }
  | { status: 'failed'; error: unknown };

interface AuthContextValue {
  state: AuthState;
  signInAsDemo(): Promise<void>;
  retry(): void;
  /** Replaces the signed-in user after a change (settings saved). */
  setUser(user: User): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Keeps the session of a sign-in and loads the user's language; the user comes back. */
export async function signIn(api: ApiClient, sign: () => Promise<AuthResult>): Promise<User> {
  const result = await sign();
  api.setSession(result);
  // The user's saved language is on screen from the first signed-in frame.
  await loadLanguage(result.user.language).catch(() => {});
  return result.user;
}

/** POST /auth/telegram with a launch's init data; main.tsx fires it before React renders. */
export function signInWithTelegram(api: ApiClient, initData: string): Promise<AuthResult> {
  return api.post('/auth/telegram', { body: { init_data: initData }, auth: false });
}

/**
 * Decides how this visit signs in. A Telegram launch signs in with its init data (fresh proof of
 * who the user is); a stored session from this tab is reused; otherwise the server's
 * `auth/options` say whether a browser may enter as the demo user or must go through the bot.
 */
async function resolveSession(
  api: ApiClient,
  telegramInitData: string | null,
  pending: Promise<AuthResult> | null,
): Promise<AuthState> {
  let telegramError: unknown = null;
  if (telegramInitData) {
    try {
      return {
        status: 'signed-in',
        user: await signIn(api, () => pending ?? signInWithTelegram(api, telegramInitData)),
      };
    } catch (error) {
      // Init data older than a day is refused; a session from earlier in this tab may still be good.
      telegramError = error;
    }
  }
  if (api.hasSession()) {
    try {
      return { status: 'signed-in', user: await api.get('/me') };
    } catch (error) {
      if (!isApiError(error) || error.httpCode !== 401) throw error;
      api.clearSession();
    }
  }
  if (telegramError) throw telegramError;
  const options = await api.get('/auth/options', { auth: false });
  return options.demo
    ? { status: 'demo-available' }
    : { status: 'telegram-required', botUsername: options.bot_username };
}

export function AuthProvider({
  telegramInitData,
  telegramSignIn = null,
  signedIn = null,
  children,
}: {
  /** Raw init data of a real (signed) Telegram launch; null in a browser or under the dev mock. */
  telegramInitData: string | null;
  /** The sign-in with `telegramInitData` already in flight (main.tsx); used by the first attempt. */
  telegramSignIn?: Promise<AuthResult> | null;
  /** The user main.tsx already signed in (session kept, language loaded): the first frame is theirs. */
  signedIn?: User | null;
  children: ReactNode;
}) {
  const api = useApi();
  const [state, setState] = useState<AuthState>(() =>
    signedIn ? { status: 'signed-in', user: signedIn } : { status: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);
  // Taken once: a retry, or StrictMode's second run of the effect, must not reuse a spent answer.
  const [inFlight] = useState(() => ({ sign: telegramSignIn, settled: signedIn !== null }));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` exists to re-run sign-in.
  useEffect(() => {
    if (inFlight.settled) {
      inFlight.settled = false;
      return;
    }
    let cancelled = false;
    setState({ status: 'loading' });
    const pending = inFlight.sign;
    inFlight.sign = null;
    resolveSession(api, telegramInitData, pending).then(
      (next) => !cancelled && setState(next),
      (error: unknown) => !cancelled && setState({ status: 'failed', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, telegramInitData, attempt]);

  useEffect(() => api.onSessionLost(() => setAttempt((n) => n + 1)), [api]);

  const signInAsDemo = useCallback(async () => {
    const user = await signIn(api, () => api.post('/auth/demo', { auth: false }));
    setState({ status: 'signed-in', user });
  }, [api]);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      signInAsDemo,
      retry: () => setAttempt((n) => n + 1),
      setUser: (user) => setState({ status: 'signed-in', user }),
    }),
    [state, signInAsDemo],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() is used outside <AuthProvider>');
  return auth;
}

/** The signed-in user; for screens that only render after sign-in. */
export function useUser(): { user: User; setUser(user: User): void } {
  const { state, setUser } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useUser() is used before sign-in');
  return { user: state.user, setUser };
}
