import { useId } from 'react';
import type { ReferralStats } from '../../api/wallet.ts';
import { ShareIcon } from '../../components/icons.tsx';
import { useToast } from '../../components/Toast.tsx';
import { useEnvironment } from '../../environment.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { hapticNotify } from '../../telegram.ts';
import { formatNumber } from './format.ts';
import { CopyIcon, GiftIcon } from './icons.tsx';
import { copyText, shareLink } from './telegramWallet.ts';

/** The personal invitation link with Copy and Share, and what it has brought so far. */
export function ReferralCard({ stats }: { stats: ReferralStats }) {
  const { t, language } = useI18n();
  const { telegramChrome } = useEnvironment();
  const toast = useToast();
  const link = stats.link;
  const titleId = useId();

  const copy = async () => {
    if (!link) return;
    try {
      await copyText(link);
      hapticNotify('success');
      toast(t('referral-copied'));
    } catch {
      hapticNotify('error');
      toast(t('referral-copy-failed'), 'error');
    }
  };

  const share = async () => {
    if (!link) return;
    // Without a share sheet the link is at least on the clipboard, ready to paste anywhere.
    if (!(await shareLink(link, t('referral-share-text'), telegramChrome))) await copy();
  };

  return (
    <section className="referral-card" aria-labelledby={titleId}>
      <div className="referral-card__head">
        <span className="referral-card__gift" aria-hidden="true">
          <GiftIcon />
        </span>
        <div>
          <h3 id={titleId} className="referral-card__title">
            {t('referral-title')}
          </h3>
          <p className="referral-card__text">
            {t('referral-text', { inviter: stats.bonus.inviter, invitee: stats.bonus.invitee })}
          </p>
        </div>
      </div>

      {link ? (
        <>
          <output className="referral-card__link" aria-label={t('referral-link')}>
            {link.replace(/^https:\/\//, '')}
          </output>
          <div className="referral-card__buttons">
            <button type="button" className="button button--secondary" onClick={copy}>
              <CopyIcon width={20} height={20} />
              {t('referral-copy')}
            </button>
            <button type="button" className="button button--primary" onClick={share}>
              <ShareIcon width={20} height={20} />
              {t('referral-share')}
            </button>
          </div>
        </>
      ) : (
        <p className="referral-card__nolink">{t('referral-no-link', { code: stats.code })}</p>
      )}

      <dl className="referral-card__stats">
        <div>
          <dt>{t('referral-joined')}</dt>
          <dd>{formatNumber(stats.joined, language)}</dd>
        </div>
        <div>
          <dt>{t('referral-earned')}</dt>
          <dd>{t('wallet-token-count', { count: stats.earned })}</dd>
        </div>
      </dl>
    </section>
  );
}
