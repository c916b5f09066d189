import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import { usePagedList } from '../../api/usePagedList.ts';
import type { Offer, Wallet } from '../../api/wallet.ts';
import { useUser } from '../../auth/AuthProvider.tsx';
import { Page } from '../../components/Page.tsx';
import { useToast } from '../../components/Toast.tsx';
import { useEnvironment } from '../../environment.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hapticNotify } from '../../telegram.ts';
import { BalanceHero } from './BalanceHero.tsx';
import { describePaymentError } from './errors.ts';
import { LedgerList } from './LedgerList.tsx';
import { PassOffers, TokenPacks } from './Offers.tsx';
import { PriceTable } from './PriceTable.tsx';
import { QuotaCard } from './QuotaCard.tsx';
import { ReferralCard } from './ReferralCard.tsx';
import { payInvoice } from './telegramWallet.ts';
import { useApiResource } from './useApiResource.ts';
import './wallet.css';

const LEDGER_PAGE_SIZE = 15;
/**
 * Telegram closes the invoice as paid when the charge succeeds, but the goods are delivered when the
 * bot receives `successful_payment`, which can arrive a moment later; the wallet is re-read until
 * the purchase shows, a few times at most.
 */
const DELIVERY_CHECKS = 8;
const DELIVERY_RETRY_MS = 1500;

interface PurchaseNotice {
  tone: 'info' | 'success' | 'error';
  text: string;
  /** Shown under the group of offers the purchase started from. */
  kind: Offer['kind'];
  /** The invoice link, for a browser that cannot pay in place. */
  link?: string;
}

function delivered(before: Wallet, after: Wallet): boolean {
  return after.balance !== before.balance || after.pass_expires_at !== before.pass_expires_at;
}

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

function NoticeBox({ notice, onClose }: { notice: PurchaseNotice; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div
      className={`wallet-notice wallet-notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
    >
      <p className="wallet-notice__text">{notice.text}</p>
      {notice.link && (
        <a className="wallet-notice__link" href={notice.link} target="_blank" rel="noopener noreferrer">
          {t('wallet-open-invoice')}
        </a>
      )}
      <button
        type="button"
        className="wallet-notice__close"
        aria-label={t('wallet-notice-close')}
        onClick={onClose}
      >
        ×
      </button>
    </div>
  );
}

function WalletSkeleton() {
  return (
    <div aria-busy="true" className="wallet-skeleton">
      <div className="wallet-skeleton__hero" />
      <div className="wallet-skeleton__block" />
      <div className="wallet-skeleton__block wallet-skeleton__block--short" />
    </div>
  );
}

/** Balance, today's quotas, buying tokens and passes with Stars, the referral link and the ledger. */
export function WalletPage() {
  const api = useApi();
  const { t } = useI18n();
  const toast = useToast();
  const { telegramChrome } = useEnvironment();
  const { setUser } = useUser();
  const wallet = useApiResource('/wallet');
  const referrals = useApiResource('/referrals');
  const ledger = usePagedList('/wallet/ledger', {}, LEDGER_PAGE_SIZE);
  const [buyingId, setBuyingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<PurchaseNotice | null>(null);
  const open = useRef(true);

  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  const { reload: reloadWallet } = wallet;
  const { reload: reloadLedger } = ledger;

  /** Re-reads the wallet until the purchase shows, then the ledger and the plan on the home screen. */
  const awaitDelivery = useCallback(
    async (before: Wallet | null) => {
      for (let check = 0; check < DELIVERY_CHECKS && open.current; check++) {
        const fresh = await reloadWallet();
        if (!before || (fresh && delivered(before, fresh))) break;
        await sleep(DELIVERY_RETRY_MS);
      }
      if (!open.current) return;
      reloadLedger();
      api.get('/me').then(setUser, () => {});
    },
    [api, reloadWallet, reloadLedger, setUser],
  );

  const buy = async (offer: Offer) => {
    if (buyingId) return;
    setBuyingId(offer.id);
    setNotice(null);
    const before = wallet.data;
    try {
      const { invoice_link: link } = await api.post('/wallet/invoice', { body: { offer_id: offer.id } });
      if (!telegramChrome) {
        setNotice({ tone: 'info', kind: offer.kind, text: t('wallet-outside-telegram'), link });
        return;
      }
      const outcome = await payInvoice(link);
      if (outcome === 'paid') {
        hapticNotify('success');
        toast(t('wallet-paid'));
        setNotice({ tone: 'success', kind: offer.kind, text: t('wallet-paid') });
        await awaitDelivery(before);
      } else if (outcome === 'failed') {
        hapticNotify('error');
        setNotice({ tone: 'error', kind: offer.kind, text: t('wallet-payment-failed') });
      } else if (outcome === 'pending' || outcome === 'external') {
        setNotice({ tone: 'info', kind: offer.kind, text: t(`wallet-payment-${outcome}`) });
        void awaitDelivery(before);
      }
    } catch (error) {
      hapticNotify('error');
      setNotice({ tone: 'error', kind: offer.kind, text: describePaymentError(error, t) });
    } finally {
      if (open.current) setBuyingId(null);
    }
  };

  const onPassEnded = useCallback(() => {
    void reloadWallet();
  }, [reloadWallet]);

  const data = wallet.data;
  const noticeFor = (kind: Offer['kind']) =>
    notice?.kind === kind ? <NoticeBox notice={notice} onClose={() => setNotice(null)} /> : null;

  if (!data) {
    return (
      <Page title={t('route-wallet')}>
        {wallet.error ? (
          <section className="notice" role="alert">
            <div className="notice__orb" aria-hidden="true" />
            <h2 className="notice__title">{t('wallet-unavailable')}</h2>
            <p className="notice__text">{describeError(wallet.error, t)}</p>
            <button type="button" className="button button--secondary" onClick={() => void wallet.reload()}>
              {t('wallet-retry')}
            </button>
          </section>
        ) : (
          <WalletSkeleton />
        )}
      </Page>
    );
  }

  const hasPacks = data.offers.some((offer) => offer.kind === 'tokens');
  const hasPasses = data.offers.some((offer) => offer.kind === 'pass');

  return (
    <Page title={t('route-wallet')}>
      <BalanceHero wallet={data} onPassEnded={onPassEnded} />

      <h2 className="section-title">{t('wallet-today')}</h2>
      <QuotaCard wallet={data} />

      {hasPacks && (
        <>
          <h2 className="section-title">{t('wallet-buy-tokens')}</h2>
          <TokenPacks offers={data.offers} buyingId={buyingId} onBuy={buy} />
          {noticeFor('tokens')}
        </>
      )}

      {hasPasses && (
        <>
          <h2 className="section-title">{t('wallet-buy-pass')}</h2>
          <PassOffers offers={data.offers} buyingId={buyingId} onBuy={buy} />
          {noticeFor('pass')}
        </>
      )}

      <h2 className="section-title">{t('referral-section')}</h2>
      {referrals.data ? (
        <ReferralCard stats={referrals.data} />
      ) : referrals.error ? (
        <div className="group wallet-error" role="alert">
          <p>{t('wallet-load-failed', { message: describeError(referrals.error, t) })}</p>
          <button type="button" className="link-button" onClick={() => void referrals.reload()}>
            {t('wallet-retry')}
          </button>
        </div>
      ) : (
        <div className="group wallet-placeholder" aria-busy="true">
          <span className="spinner" />
        </div>
      )}

      <h2 className="section-title">{t('wallet-prices')}</h2>
      <PriceTable prices={data.prices} />

      <h2 className="section-title">{t('wallet-history')}</h2>
      <LedgerList list={ledger} />
    </Page>
  );
}
