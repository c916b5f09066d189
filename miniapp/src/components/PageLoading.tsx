import { useI18n } from '../i18n/index.tsx';
import { Page } from './Page.tsx';

/** A screen whose content is still on its way: its title and a quiet spinner. */
export function PageLoading({ titleId }: { titleId?: string }) {
  const { t } = useI18n();
  return (
    <Page title={titleId ? t(titleId) : undefined}>
      <div className="page-loading" role="status">
        <div className="loading__orb" aria-hidden="true" />
        <span className="visually-hidden">{t('loading')}</span>
      </div>
    </Page>
  );
}
