import type { ReactNode } from 'react';
import { useEnvironment } from '../environment.tsx';
import { useI18n } from '../i18n/index.tsx';
import { goBack } from '../navigation/router.tsx';
import { ChevronLeftIcon } from './icons.tsx';

interface PageProps {
  /** Screen title; omitted on home, which has its own greeting. */
  title?: string;
  children: ReactNode;
  /** Pinned to the bottom above the safe area (a Save button). */
  footer?: ReactNode;
}

/** Frame of every screen: safe-area padding, title, and a back arrow where Telegram draws none. */
export function Page({ title, children, footer }: PageProps) {
  const { telegramChrome } = useEnvironment();
  const { t } = useI18n();
  return (
    <main className={footer ? 'page page--with-footer' : 'page'}>
      {title !== undefined && (
        <header className="page__header">
          {!telegramChrome && (
            <button type="button" className="page__back" onClick={goBack} aria-label={t('nav-back')}>
              <ChevronLeftIcon />
            </button>
          )}
          <h1 className="page__title">{title}</h1>
        </header>
      )}
      {children}
      {footer && <div className="page__footer">{footer}</div>}
    </main>
  );
}
