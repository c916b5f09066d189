import { useState } from 'react';
import { describeError } from '../i18n/describeError.ts';
import { useI18n } from '../i18n/index.tsx';
import type { AuthState } from './AuthProvider.tsx';
import { useAuth } from './AuthProvider.tsx';

function Spinner({ label }: { label: string }) {
  return (
    <div className="loading" role="status">
      <div className="loading__orb" aria-hidden="true" />
      <p className="loading__label">{label}</p>
    </div>
  );
}

function DemoSignIn() {
  const { t } = useI18n();
  const { signInAsDemo } = useAuth();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onContinue = async () => {
    setPending(true);
    setError(null);
    try {
      await signInAsDemo();
    } catch (failure) {
      setError(describeError(failure, t));
      setPending(false);
    }
  };

  return (
    <section className="welcome">
      <div className="welcome__orb" aria-hidden="true" />
      <h1 className="welcome__title">{t('signin-demo-title')}</h1>
      <p className="welcome__text">{t('signin-demo-text')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button button--primary button--wide"
        onClick={onContinue}
        disabled={pending}
      >
        {pending ? t('signin-progress') : t('signin-demo-button')}
      </button>
    </section>
  );
}

function TelegramRequired({ botUsername }: { botUsername: string | null }) {
  const { t } = useI18n();
  return (
    <section className="welcome">
      <div className="welcome__orb" aria-hidden="true" />
      <h1 className="welcome__title">{t('signin-telegram-title')}</h1>
      <p className="welcome__text">{t('signin-telegram-text')}</p>
      {botUsername && (
        <a
          className="button button--primary button--wide"
          href={`https://t.me/${encodeURIComponent(botUsername)}`}
        >
          {t('signin-telegram-link', { bot: botUsername })}
        </a>
      )}
    </section>
  );
}

function SignInFailed({ error }: { error: unknown }) {
  const { t } = useI18n();
  const { retry } = useAuth();
  return (
    <section className="welcome" role="alert">
      <div className="welcome__orb welcome__orb--dim" aria-hidden="true" />
      <h1 className="welcome__title">{t('signin-failed-title')}</h1>
      <p className="welcome__text">{describeError(error, t)}</p>
      <button type="button" className="button button--secondary button--wide" onClick={retry}>
        {t('signin-retry')}
      </button>
    </section>
  );
}

/** Everything a visitor sees before being signed in. */
export function SignInScreen({ state }: { state: Exclude<AuthState, { status: 'signed-in' }> }) {
  const { t } = useI18n();
  return (
    <main className="page page--center">
      {state.status === 'loading' && <Spinner label={t('signin-progress')} />}
      {state.status === 'demo-available' && <DemoSignIn />}
      {state.status === 'telegram-required' && <TelegramRequired botUsername={state.botUsername} />}
      {state.status === 'failed' && <SignInFailed error={state.error} />}
    </main>
  );
}
