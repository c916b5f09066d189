import type { Ref } from 'react';
import { useI18n } from '../i18n/index.tsx';

/**
 * The "show more" button under every paged list (journal, feed, ledger, admin lists). `buttonRef`
 * lets an infinite-scroll observer watch it; `variant` keeps each screen's spacing.
 */
export function LoadMoreButton(props: {
  onClick: () => void;
  loading: boolean;
  label: string;
  variant: 'load-more' | 'wallet-more';
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const { t } = useI18n();
  return (
    <button
      ref={props.buttonRef}
      type="button"
      className={`button button--secondary button--wide ${props.variant}`}
      onClick={props.onClick}
      disabled={props.loading}
    >
      {props.loading ? t('loading') : props.label}
    </button>
  );
}
