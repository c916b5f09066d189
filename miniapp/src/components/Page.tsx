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
  /** Small buttons at the end of the title row (search, add). */
  actions?: ReactNode;
}

/** Frame of every screen: safe-area padding, title, and a back arrow where Telegram draws none. */
export function Page({ title, children, footer, actions }: PageProps) {
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
          {actions && <div className="page__actions">{actions}</div>}
        </header>
      )}
      {children}
      {footer && <div className="page__footer">{footer}</div>}
    </main>
  );
}
