import { Component, type ErrorInfo, type ReactNode } from 'react';
import { createTranslator, pickLanguage } from '../i18n/index.tsx';

interface State {
  error: Error | null;
}

/**
 * The root error boundary: a rendering error shows a calm screen with a reload button instead of a
 * blank Mini App. It sits above the i18n provider, so it reads the language from `<html lang>`.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Mechta crashed:', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const t = createTranslator(pickLanguage(document.documentElement.lang, navigator.language));
    return (
      <main className="page page--center">
        <section className="notice" role="alert">
          <div className="notice__orb" aria-hidden="true" />
          <h1 className="notice__title">{t('error-title')}</h1>
          <p className="notice__text">{t('error-text')}</p>
          <pre className="notice__detail">{this.state.error.message}</pre>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('error-reload')}
          </button>
        </section>
      </main>
    );
  }
}
