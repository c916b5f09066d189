import { useI18n } from '../i18n/index.tsx';
import { Link } from '../navigation/router.tsx';
import { Page } from './Page.tsx';

/** Placeholder for a screen that is not built yet; its route already exists so links work. */
export function ComingSoon({ titleId }: { titleId: string }) {
  const { t } = useI18n();
  return (
    <Page title={t(titleId)}>
      <section className="notice">
        <div className="notice__orb" aria-hidden="true" />
        <h2 className="notice__title">{t('coming-soon-title')}</h2>
        <p className="notice__text">{t('coming-soon-text')}</p>
        <Link to="" className="button button--secondary">
          {t('coming-soon-home')}
        </Link>
      </section>
    </Page>
  );
}
