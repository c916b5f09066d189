import type { Offer } from '../../api/wallet.ts';
import { SparkIcon } from '../../components/icons.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatNumber, formatPassDuration } from './format.ts';
import { StarIcon } from './icons.tsx';

type TokenOffer = Extract<Offer, { kind: 'tokens' }>;
type PassOffer = Extract<Offer, { kind: 'pass' }>;

interface OffersProps {
  offers: Offer[];
  /** The offer whose invoice is being prepared; every offer waits meanwhile. */
  buyingId: string | null;
  onBuy: (offer: Offer) => void;
}

/** Percent saved per token against the dearest pack; 0 for that pack itself. */
function savings(pack: TokenOffer, packs: TokenOffer[]): number {
  const dearest = Math.max(...packs.map((p) => p.stars / p.tokens));
  return Math.round((1 - pack.stars / pack.tokens / dearest) * 100);
}

/** A price in Telegram Stars. */
export function Stars({ stars }: { stars: number }) {
  const { language } = useI18n();
  return (
    <span className="stars">
      <StarIcon className="stars__icon" />
      {formatNumber(stars, language)}
    </span>
  );
}

export function TokenPacks({ offers, buyingId, onBuy }: OffersProps) {
  const { t, language } = useI18n();
  const packs = offers.filter((offer): offer is TokenOffer => offer.kind === 'tokens');
  if (packs.length === 0) return null;
  return (
    <div className="pack-grid">
      {packs.map((pack) => {
        const saved = savings(pack, packs);
        const busy = buyingId === pack.id;
        return (
          <button
            key={pack.id}
            type="button"
            className="pack-card"
            disabled={buyingId !== null}
            aria-busy={busy}
            aria-label={t('wallet-offer-tokens-label', { count: pack.tokens, stars: pack.stars })}
            onClick={() => onBuy(pack)}
          >
            {saved > 0 && (
              <span className="pack-card__save">{t('wallet-pack-save', { percent: saved })}</span>
            )}
            <span className="pack-card__amount">{formatNumber(pack.tokens, language)}</span>
            <span className="pack-card__unit">{t('wallet-tokens-unit', { count: pack.tokens })}</span>
            <span className="pack-card__price">
              {busy ? <span className="spinner" /> : <Stars stars={pack.stars} />}
            </span>
          </button>
        );
      })}
    </div>
  );
}

export function PassOffers({ offers, buyingId, onBuy }: OffersProps) {
  const { t } = useI18n();
  const passes = offers.filter((offer): offer is PassOffer => offer.kind === 'pass');
  if (passes.length === 0) return null;
  return (
    <div className="group">
      {passes.map((pass) => {
        const busy = buyingId === pass.id;
        const duration = formatPassDuration(pass.hours, t);
        return (
          <button
            key={pass.id}
            type="button"
            className="row pass-row"
            disabled={buyingId !== null}
            aria-busy={busy}
            aria-label={t('wallet-offer-pass-label', { duration, stars: pass.stars })}
            onClick={() => onBuy(pass)}
          >
            <span className="pass-row__icon">
              <SparkIcon />
            </span>
            <span className="row__body">
              <span className="row__title">{duration}</span>
              <span className="row__hint">{t('wallet-pass-hint')}</span>
            </span>
            <span className="pass-row__price">
              {busy ? <span className="spinner" /> : <Stars stars={pass.stars} />}
            </span>
          </button>
        );
      })}
    </div>
  );
}
