import { useEffect, useId } from 'react';
import type { Wallet } from '../../api/wallet.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatExpiry, formatNumber, formatTimeLeft } from './format.ts';
import { useNow } from './useNow.ts';

const TICK_MS = 15_000;

interface BalanceHeroProps {
  wallet: Wallet;
  /** Called once when a pass runs out while the screen is open, so the plan and limits are re-read. */
  onPassEnded: () => void;
}

/** Tokens, plan, and for a pro pass the time it has left. */
export function BalanceHero({ wallet, onPassEnded }: BalanceHeroProps) {
  const { t, language } = useI18n();
  const labelId = useId();
  const expiresAt = wallet.plan === 'pro' && wallet.pass_expires_at ? wallet.pass_expires_at : null;
  const now = useNow(TICK_MS, expiresAt !== null);
  const left = expiresAt ? new Date(expiresAt).getTime() - now : null;
  const ended = left !== null && left <= 0;

  useEffect(() => {
    if (ended) onPassEnded();
  }, [ended, onPassEnded]);

  const analyses = wallet.prices.analysis > 0 ? Math.floor(wallet.balance / wallet.prices.analysis) : null;

  return (
    <section className="hero wallet-hero" aria-labelledby={labelId}>
      <div className="hero__stars" aria-hidden="true" />
      <div className="hero__top">
        <span id={labelId} className="wallet-hero__label">
          {t('wallet-balance')}
        </span>
        <span className={`badge badge--${wallet.plan}`}>{t(`plan-${wallet.plan}`)}</span>
      </div>
      <p className="wallet-hero__balance" data-testid="wallet-balance">
        <span className="wallet-hero__amount">{formatNumber(wallet.balance, language)}</span>{' '}
        <span className="wallet-hero__unit">{t('wallet-tokens-unit', { count: wallet.balance })}</span>
      </p>
      {expiresAt && left !== null && !ended ? (
        <p className="wallet-hero__plan">
          <span>{t('wallet-pro-until', { date: formatExpiry(expiresAt, language) })}</span>
          <span className="wallet-hero__countdown">
            {t('wallet-pro-left', { left: formatTimeLeft(left, t) })}
          </span>
        </p>
      ) : (
        <p className="wallet-hero__plan">
          {analyses !== null ? t('wallet-enough-for', { count: analyses }) : t('wallet-free-hint')}
        </p>
      )}
    </section>
  );
}
