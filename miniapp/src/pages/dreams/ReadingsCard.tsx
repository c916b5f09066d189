import { useEffect, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import type { components } from '../../api/schema.gen.ts';
import { useToast } from '../../components/Toast.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hapticNotify } from '../../telegram.ts';

type Reading = components['schemas']['Reading'];
type Lens = Reading['lens'];
type Verdict = NonNullable<Reading['verdict']>;

const LENSES: readonly Lens[] = ['jung', 'cognitive', 'folk'];

/**
 * Readings of the dream through three lenses (Jungian, cognitive, folk): each asked for once and
 * paid for once, shown with its offline label and a fits / doesn't fit toggle.
 */
export function ReadingsCard({ dreamId, price }: { dreamId: string; price: number | null }) {
  const api = useApi();
  const toast = useToast();
  const { t } = useI18n();
  const [readings, setReadings] = useState<Reading[]>([]);
  const [busy, setBusy] = useState<Lens | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get('/dreams/{id}/readings', { params: { path: { id: dreamId } }, signal: controller.signal })
      .then(setReadings, () => undefined);
    return () => controller.abort();
  }, [api, dreamId]);

  const upsert = (reading: Reading) =>
    setReadings((current) => [...current.filter((r) => r.id !== reading.id), reading]);

  const read = async (lens: Lens) => {
    setBusy(lens);
    try {
      upsert(await api.post('/dreams/{id}/readings', { params: { path: { id: dreamId } }, body: { lens } }));
      hapticNotify('success');
    } catch (error) {
      hapticNotify('error');
      toast(describeError(error, t), 'error');
    } finally {
      setBusy(null);
    }
  };

  const mark = async (reading: Reading, verdict: Verdict) => {
    try {
      upsert(
        await api.patch('/dreams/{id}/readings/{reading_id}', {
          params: { path: { id: dreamId, reading_id: reading.id } },
          body: { verdict: reading.verdict === verdict ? null : verdict },
        }),
      );
      hapticNotify('success');
    } catch (error) {
      toast(describeError(error, t), 'error');
    }
  };

  return (
    <section className="card readings" aria-labelledby="readings-title">
      <h2 id="readings-title" className="card__title">
        {t('dream-readings')}
      </h2>
      <p className="card__text">{t('dream-readings-intro')}</p>
      {LENSES.map((lens) => {
        const reading = readings.find((r) => r.lens === lens);
        return (
          <div key={lens} className="reading" data-lens={lens}>
            <h3 className="analysis__label">{t(`dream-reading-lens-${lens}`)}</h3>
            {reading ? (
              <>
                <p className="card__text reading__text">{reading.text}</p>
                <div className="reading__foot">
                  {reading.offline && <span className="soft-badge">{t('dream-reading-offline')}</span>}
                  <fieldset className="reading__verdict" aria-label={t('dream-reading-verdict')}>
                    {(['fits', 'does_not_fit'] as const).map((verdict) => (
                      <button
                        key={verdict}
                        type="button"
                        className={`button button--secondary reading__mark${reading.verdict === verdict ? ' reading__mark--on' : ''}`}
                        aria-pressed={reading.verdict === verdict}
                        onClick={() => mark(reading, verdict)}
                      >
                        {t(`dream-reading-${verdict === 'fits' ? 'fits' : 'does-not-fit'}`)}
                      </button>
                    ))}
                  </fieldset>
                </div>
              </>
            ) : (
              <button
                type="button"
                className="button button--secondary button--wide"
                onClick={() => read(lens)}
                disabled={busy !== null}
              >
                {busy === lens ? t('dream-reading-working') : t('dream-reading-request')}
                {price !== null && busy !== lens && (
                  <span className="price-tag">{t('dreams-tokens', { count: price })}</span>
                )}
              </button>
            )}
          </div>
        );
      })}
    </section>
  );
}
