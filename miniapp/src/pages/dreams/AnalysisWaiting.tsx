import { useState } from 'react';
import { useApi } from '../../api/context.tsx';
import type { Dream } from '../../api/dreams.ts';
import { useToast } from '../../components/Toast.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { paths } from '../../navigation/paths.ts';
import { Link } from '../../navigation/router.tsx';
import { hapticNotify } from '../../telegram.ts';

/**
 * A dream kept without an analysis: waiting for tomorrow's quota (or a purchase), or saved without
 * one on purpose. Says which, and offers what moves it on: the analysis on request, or the wallet.
 */
export function AnalysisWaiting({
  dream,
  price,
  onDream,
}: {
  dream: Dream;
  price: number | null;
  onDream(d: Dream): void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const toast = useToast();
  const [asking, setAsking] = useState(false);
  const waiting = dream.analysis_status === 'waiting_quota';

  const ask = async () => {
    setAsking(true);
    try {
      onDream(await api.post('/dreams/{id}/analysis', { params: { path: { id: dream.id } } }));
      hapticNotify('success');
    } catch (error) {
      hapticNotify('error');
      toast(describeError(error, t), 'error');
    } finally {
      setAsking(false);
    }
  };

  return (
    <section className="card analysis analysis--waiting" data-testid="analysis-waiting">
      <p className="analysis__working">{t(waiting ? 'dream-analysis-waiting' : 'dream-analysis-skipped')}</p>
      {waiting ? (
        <Link className="button button--secondary button--wide" to={paths.wallet}>
          {t('dream-analysis-waiting-buy')}
        </Link>
      ) : (
        dream.own && (
          <button
            type="button"
            className="button button--secondary button--wide"
            disabled={asking}
            onClick={ask}
          >
            {price === null ? t('dream-analysis-ask') : t('dream-analysis-ask-priced', { price })}
          </button>
        )
      )}
    </section>
  );
}
