import { useId } from 'react';
import type { QuotaKind, Wallet } from '../../api/wallet.ts';
import { ClockIcon } from '../../components/icons.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatClock } from './format.ts';

const KINDS: readonly QuotaKind[] = ['text', 'image'];

function QuotaBar({ kind, used, limit }: { kind: QuotaKind; used: number; limit: number }) {
  const { t } = useI18n();
  const labelId = useId();
  const share = limit > 0 ? Math.min(1, used / limit) : 1;
  const tone = used >= limit ? 'full' : share >= 0.8 ? 'high' : 'ok';
  return (
    <div className="quota">
      <div className="quota__head">
        <span id={labelId} className="quota__label">
          {t(`wallet-quota-${kind}`)}
        </span>
        <span className="quota__value">{t('wallet-quota-used', { used, limit })}</span>
      </div>
      <div
        className={`quota__track quota__track--${tone}`}
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(used, limit)}
        aria-valuetext={t('wallet-quota-used', { used, limit })}
      >
        <div className="quota__fill" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

/** Today's AI quotas of the user's plan, when they start over, and how they differ from tokens. */
export function QuotaCard({ wallet }: { wallet: Wallet }) {
  const { t, language } = useI18n();
  return (
    <div className="group quota-card">
      {KINDS.map((kind) => (
        <QuotaBar key={kind} kind={kind} used={wallet.quotas[kind].used} limit={wallet.quotas[kind].limit} />
      ))}
      <p className="quota-card__reset">
        <ClockIcon aria-hidden="true" />
        {t('wallet-quota-resets', { time: formatClock(wallet.quota_resets_at, language) })}
      </p>
      {/* Tokens and quotas both limit a paying user: which applies when, and what Pro lifts. */}
      <p className="quota-card__explain">
        {t('wallet-quota-explain', {
          analysis: wallet.prices.analysis,
          image: wallet.prices.image,
          video: wallet.prices.video,
        })}
      </p>
      <p className="quota-card__explain">
        {t(wallet.plan === 'pro' ? 'wallet-quota-pro-lifted' : 'wallet-quota-pro-lifts', {
          proText: wallet.plan_quotas.pro.text,
          proImage: wallet.plan_quotas.pro.image,
          freeText: wallet.plan_quotas.free.text,
          freeImage: wallet.plan_quotas.free.image,
        })}
      </p>
    </div>
  );
}
