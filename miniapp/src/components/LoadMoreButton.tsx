import type { Ref } from 'react';
import { describeError } from '../i18n/describeError.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * The "show more" button under every paged list (journal, feed, ledger, admin lists). `buttonRef`
 * lets an infinite-scroll observer watch it; `variant` keeps each screen's spacing. `error` (the
 * list's `moreError`) says why the last page did not come; pressing the button again retries.
 */
export function LoadMoreButton(props: {
  onClick: () => void;
  loading: boolean;
  label: string;
  variant: 'load-more' | 'wallet-more';
  error?: unknown;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const { t } = useI18n();
  return (
    <>
      {props.error != null && (
        <p className="inline-error" role="alert">
          {t('load-more-failed', { message: describeError(props.error, t) })}
        </p>
      )}
      <button
        ref={props.buttonRef}
        type="button"
        className={`button button--secondary button--wide ${props.variant}`}
        onClick={props.onClick}
        disabled={props.loading}
      >
        {props.loading ? t('loading') : props.label}
      </button>
    </>
  );
}
