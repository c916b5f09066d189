import type { PagedList } from '../api/usePagedList.ts';
import { describeError } from '../i18n/describeError.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * What a grouped list (ledger, admin payments and users) shows before it is ready: a spinner while
 * it loads, or why it could not and a retry. `variant` keeps each screen's own spacing.
 */
export function ListStatus(props: {
  list: Pick<PagedList<unknown>, 'status' | 'error' | 'reload'>;
  variant: 'wallet' | 'admin';
}) {
  const { t } = useI18n();
  const { list, variant } = props;
  if (list.status === 'loading') {
    return (
      <div className={`group ${variant}-placeholder`} aria-busy="true">
        <span className="spinner" />
      </div>
    );
  }
  return (
    <div className={`group ${variant}-error`} role="alert">
      <p>{t('wallet-load-failed', { message: describeError(list.error, t) })}</p>
      <button type="button" className="link-button" onClick={list.reload}>
        {t('wallet-retry')}
      </button>
    </div>
  );
}
