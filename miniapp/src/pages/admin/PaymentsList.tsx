import { useState } from 'react';
import type { AdminPayment } from '../../api/admin.ts';
import { useApi } from '../../api/context.tsx';
import { usePagedList } from '../../api/usePagedList.ts';
import { ListStatus } from '../../components/ListStatus.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { useToast } from '../../components/Toast.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { adminUserRoute } from '../../navigation/paths.ts';
import { Link } from '../../navigation/router.tsx';
import { hapticNotify } from '../../telegram.ts';
import { describePaymentError, isRefundPending } from '../wallet/errors.ts';
import { formatMoment, formatPassDuration } from '../wallet/format.ts';
import { Stars } from '../wallet/Offers.tsx';

const PAGE_SIZE = 20;

function PaymentRow({
  payment,
  onRefunded,
  showUser,
}: {
  payment: AdminPayment;
  onRefunded: (payment: AdminPayment) => void;
  showUser: boolean;
}) {
  const api = useApi();
  const toast = useToast();
  const { t, language } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [refunding, setRefunding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const what =
    payment.kind === 'tokens'
      ? t('wallet-token-count', { count: payment.tokens ?? 0 })
      : t('admin-payment-pass', { duration: formatPassDuration(payment.pass_hours ?? 0, t) });

  const refund = async () => {
    setRefunding(true);
    setError(null);
    try {
      const updated = await api.post('/admin/payments/{id}/refund', { params: { path: { id: payment.id } } });
      hapticNotify('success');
      toast(t('admin-refund-done'));
      setConfirming(false);
      onRefunded(updated);
    } catch (failure) {
      hapticNotify('error');
      setError(describePaymentError(failure, t));
      // Telegram did not answer: the refund is recorded and under way, and the row says so.
      if (isRefundPending(failure)) {
        setConfirming(false);
        onRefunded({ ...payment, status: 'refunding' });
      }
    } finally {
      setRefunding(false);
    }
  };

  const refundedNote =
    payment.status === 'refunded' && payment.kind === 'tokens' && (payment.refund_shortfall ?? 0) > 0
      ? t('admin-payment-shortfall', { count: payment.refund_shortfall ?? 0 })
      : null;

  return (
    <li className="payment-row" data-testid="admin-payment">
      <div className="payment-row__main">
        <span className="payment-row__what">{what}</span>
        <span className="payment-row__meta">
          {showUser && (
            <>
              <Link to={adminUserRoute(payment.user_id)} className="payment-row__user">
                {t('admin-user-id', { id: String(payment.user_id) })}
              </Link>
              {' · '}
            </>
          )}
          <time dateTime={payment.created_at}>{formatMoment(payment.created_at, language, t)}</time>
        </span>
        {refundedNote && <span className="payment-row__meta">{refundedNote}</span>}
      </div>
      <div className="payment-row__side">
        <span className="payment-row__stars">
          <Stars stars={payment.amount} />
        </span>
        <span className={`status-pill status-pill--${payment.status}`}>
          {t(`admin-payment-${payment.status}`)}
        </span>
      </div>
      {payment.status !== 'refunded' && !confirming && (
        <button type="button" className="payment-row__refund" onClick={() => setConfirming(true)}>
          {payment.status === 'refunding' ? t('admin-refund-finish') : t('admin-refund')}
        </button>
      )}
      {confirming && (
        <div className="admin-confirm">
          <p className="admin-confirm__text">{t('admin-refund-confirm', { stars: payment.amount, what })}</p>
          <div className="admin-confirm__buttons">
            <button
              type="button"
              className="button button--secondary"
              disabled={refunding}
              onClick={() => setConfirming(false)}
            >
              {t('admin-cancel')}
            </button>
            <button type="button" className="button admin-danger" disabled={refunding} onClick={refund}>
              {refunding ? t('admin-refunding') : t('admin-refund-yes')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="payment-row__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Stars payments newest first, with a refund for each paid one; one user's when `userId` is given. */
export function PaymentsList({ userId }: { userId?: number }) {
  const { t } = useI18n();
  const list = usePagedList('/admin/payments', { user_id: userId }, PAGE_SIZE);
  const [refunded, setRefunded] = useState<Record<number, AdminPayment>>({});

  if (list.status !== 'ready') return <ListStatus list={list} variant="admin" />;
  if (list.items.length === 0) return <p className="group admin-empty">{t('admin-payments-empty')}</p>;

  return (
    <>
      <ul className="group payment-list">
        {list.items.map((payment) => (
          <PaymentRow
            key={payment.id}
            payment={refunded[payment.id] ?? payment}
            showUser={userId === undefined}
            onRefunded={(updated) => setRefunded((current) => ({ ...current, [updated.id]: updated }))}
          />
        ))}
      </ul>
      {list.hasNext && (
        <LoadMoreButton
          variant="wallet-more"
          onClick={list.loadMore}
          loading={list.loadingMore}
          error={list.moreError}
          label={t('wallet-load-more')}
        />
      )}
    </>
  );
}
