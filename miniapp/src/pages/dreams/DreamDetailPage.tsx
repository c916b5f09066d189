import { type CSSProperties, useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import {
  type Dream,
  type DreamAnalysis,
  type DreamVideo,
  isDreamInProgress,
  isVideoInProgress,
} from '../../api/dreams.ts';
import { usePolling } from '../../api/usePolling.ts';
import { useUser } from '../../auth/AuthProvider.tsx';
import { ClockIcon, EyeIcon, FilmIcon, MaskIcon, ShareIcon, TrashIcon } from '../../components/icons.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useToast } from '../../components/Toast.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { paths } from '../../navigation/paths.ts';
import { goBack, Link } from '../../navigation/router.tsx';
import { hapticNotify } from '../../telegram.ts';
import { AnalysisWaiting } from './AnalysisWaiting.tsx';
import { CategoryChip } from './CategoryChip.tsx';
import { CATEGORY_LOOK } from './categories.ts';
import { DreamArt } from './DreamArt.tsx';
import { DreamEditor, ReanalyseCard } from './DreamEditor.tsx';
import { MoodIcon } from './dreamIcons.tsx';
import { dreamTitle, formatDreamDate, formatTimeLeft } from './format.ts';
import { ReadingsCard } from './ReadingsCard.tsx';
import { useNow } from './useNow.ts';
import './dreams.css';

/** While the analysis or the picture is being made (PRODUCT: the screen follows the job). */
const ANALYSIS_POLL_MS = 1500;
const VIDEO_POLL_MS = 2000;

type Load =
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'missing' }
  | { status: 'error'; error: unknown };

function Chips({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div className="analysis__group">
      <h3 className="analysis__label">{title}</h3>
      <ul className="tag-list">
        {items.map((item) => (
          <li key={item} className="tag">
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AnalysisCard({
  dream,
  analysisPrice,
  onDream,
}: {
  dream: Dream;
  analysisPrice: number | null;
  onDream(d: Dream): void;
}) {
  const { t } = useI18n();
  if (dream.analysis_status === 'waiting_quota' || dream.analysis_status === 'skipped') {
    return <AnalysisWaiting dream={dream} price={analysisPrice} onDream={onDream} />;
  }
  if (dream.analysis_status === 'pending' && !dream.analysis) {
    return (
      <section className="card analysis analysis--pending" aria-busy="true">
        <p className="analysis__working">
          <span className="pulse-dot" aria-hidden="true" />
          {t('dream-analysing')}
        </p>
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line skeleton--short" />
      </section>
    );
  }
  if (dream.analysis_status === 'failed' || !dream.analysis) {
    return (
      <section className="card analysis">
        <p className="analysis__failed">{t('dream-analysis-failed')}</p>
      </section>
    );
  }
  const analysis: DreamAnalysis = dream.analysis;
  const confidence = Math.round(analysis.confidence * 100);
  return (
    <section className="card analysis" aria-labelledby="analysis-title">
      <div className="analysis__head">
        <h2 id="analysis-title" className="card__title">
          {t('dream-analysis')}
        </h2>
        {analysis.offline && <span className="soft-badge">{t('dream-analysis-offline')}</span>}
      </div>
      {/* A re-analysis in flight: the previous analysis stays until the new one replaces it. */}
      {dream.analysis_status === 'pending' && (
        <p className="analysis__working" aria-live="polite">
          <span className="pulse-dot" aria-hidden="true" />
          {t('dream-reanalysing')}
        </p>
      )}
      <div className="analysis__category">
        <CategoryChip category={analysis.category} size="large" />
        <div
          className="confidence"
          style={{ '--chip-color': CATEGORY_LOOK[analysis.category].color } as CSSProperties}
        >
          <span className="confidence__label">{t('dream-confidence', { percent: confidence })}</span>
          {/* The label above says the figure; the bar only draws it. */}
          <span className="confidence__bar" aria-hidden="true">
            <span className="confidence__fill" style={{ width: `${confidence}%` }} />
          </span>
        </div>
      </div>
      {analysis.narrative && <blockquote className="analysis__narrative">{analysis.narrative}</blockquote>}
      <Chips title={t('dream-themes')} items={analysis.themes} />
      <Chips title={t('dream-emotions')} items={analysis.emotions} />
      <Chips title={t('dream-symbols')} items={analysis.symbols} />
    </section>
  );
}

interface VideoCardProps {
  dream: Dream;
  price: number | null;
  onVideo(video: DreamVideo): void;
}

function VideoCard({ dream, price, onVideo }: VideoCardProps) {
  const api = useApi();
  const { t } = useI18n();
  const [requesting, setRequesting] = useState(false);
  const [problem, setProblem] = useState<{ message: string; offline: boolean } | null>(null);
  const video = dream.video;

  const request = async () => {
    setRequesting(true);
    setProblem(null);
    try {
      // The route answers with the video's state alone; polling then follows it on the dream.
      onVideo(await api.post('/dreams/{id}/video', { params: { path: { id: dream.id } } }));
      hapticNotify('success');
    } catch (error) {
      hapticNotify('error');
      const offline = isApiError(error) && error.code === 'AI_UNAVAILABLE';
      setProblem({ message: describeError(error, t), offline });
    } finally {
      setRequesting(false);
    }
  };

  const analysed = dream.analysis_status === 'done';
  const requestButton = (label: string) => (
    <button
      type="button"
      className="button button--secondary button--wide"
      onClick={request}
      disabled={requesting || !analysed}
    >
      <FilmIcon />
      {requesting ? t('dream-video-requesting') : label}
      {price !== null && !requesting && (
        <span className="price-tag">{t('dreams-tokens', { count: price })}</span>
      )}
    </button>
  );

  return (
    <section className="card" aria-labelledby="video-title">
      <h2 id="video-title" className="card__title">
        {t('dream-video')}
      </h2>
      {!video && (
        <>
          <p className="card__text">{analysed ? t('dream-video-intro') : t('dream-video-wait')}</p>
          {requestButton(t('dream-video-request'))}
        </>
      )}
      {video && (video.status === 'pending' || video.status === 'processing') && (
        <div className="video-progress" aria-live="polite">
          <p className="card__text">
            {video.status === 'pending'
              ? t('dream-video-pending')
              : t('dream-video-processing', { progress: Math.round(video.progress) })}
          </p>
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(video.progress)}
            aria-label={t('dream-video')}
          >
            <div className="progress__fill" style={{ width: `${Math.max(4, video.progress)}%` }} />
          </div>
        </div>
      )}
      {video?.status === 'completed' && video.url && (
        // biome-ignore lint/a11y/useMediaCaption: a generated clip has no speech to caption.
        <video className="dream-video" src={video.url} controls playsInline loop preload="metadata" />
      )}
      {video?.status === 'failed' && (
        <>
          <p className="card__text card__text--error" role="alert">
            {t('dream-video-failed')}
            {video.error ? ` (${video.error})` : ''}
          </p>
          {requestButton(t('dream-video-retry'))}
        </>
      )}
      {problem && (
        <div className="inline-problem" role="alert">
          <p>{problem.message}</p>
          {problem.offline && <p className="inline-problem__note">{t('dream-video-not-charged')}</p>}
        </div>
      )}
    </section>
  );
}

function ShareCard({ dream, onChange }: { dream: Dream; onChange(dream: Dream): void }) {
  const api = useApi();
  const toast = useToast();
  const { t } = useI18n();
  const now = useNow(60_000);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<Dream>, success: string) => {
    setBusy(true);
    try {
      onChange(await action());
      hapticNotify('success');
      toast(success);
    } catch (error) {
      hapticNotify('error');
      toast(describeError(error, t), 'error');
    } finally {
      setBusy(false);
    }
  };
  const share = (anonymous: boolean) =>
    run(
      () => api.post('/dreams/{id}/share', { params: { path: { id: dream.id } }, body: { anonymous } }),
      anonymous ? t('dream-shared-anonymously') : t('dream-shared'),
    );
  const unshare = () =>
    run(() => api.delete('/dreams/{id}/share', { params: { path: { id: dream.id } } }), t('dream-unshared'));

  const left = dream.public_until ? formatTimeLeft(dream.public_until, t, now) : null;

  return (
    <section className="card" aria-labelledby="share-title">
      <h2 id="share-title" className="card__title">
        {t('dream-share')}
      </h2>
      {dream.visibility === 'public' ? (
        <>
          <p className="card__text">
            {dream.anonymous ? t('dream-public-anonymous') : t('dream-public-named')}
          </p>
          <div className="stat-line">
            {left && (
              <span>
                <ClockIcon />
                {t('feed-time-left', { time: left })}
              </span>
            )}
            <span>
              <EyeIcon />
              {t('dream-views', { count: dream.views })}
            </span>
          </div>
          <div className="button-row button-row--stack">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => share(!dream.anonymous)}
            >
              {dream.anonymous ? (
                t('dream-show-name')
              ) : (
                <>
                  <MaskIcon />
                  {t('dream-make-anonymous')}
                </>
              )}
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={unshare}>
              {t('dream-unshare')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="card__text">{t('dream-share-intro')}</p>
          <div className="button-row button-row--stack">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => share(false)}
            >
              <ShareIcon />
              {t('dream-share-named')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => share(true)}
            >
              <MaskIcon />
              {t('dream-share-anonymous')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function DeleteDream({ dream }: { dream: Dream }) {
  const api = useApi();
  const toast = useToast();
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    setBusy(true);
    try {
      await api.delete('/dreams/{id}', { params: { path: { id: dream.id } } });
      hapticNotify('success');
      toast(t('dream-deleted'));
      goBack();
    } catch (error) {
      hapticNotify('error');
      toast(describeError(error, t), 'error');
      setBusy(false);
    }
  };

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--danger button--wide"
        onClick={() => setConfirming(true)}
      >
        <TrashIcon />
        {t('dream-delete')}
      </button>
    );
  }
  return (
    <section
      className="card confirm"
      role="alertdialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-text"
    >
      <h2 id="delete-title" className="card__title">
        {t('dream-delete-confirm-title')}
      </h2>
      <p id="delete-text" className="card__text">
        {t('dream-delete-confirm-text')}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setConfirming(false)}
          disabled={busy}
        >
          {t('dreams-cancel')}
        </button>
        <button type="button" className="button button--danger-solid" onClick={remove} disabled={busy}>
          {busy ? t('dream-deleting') : t('dream-delete-confirm')}
        </button>
      </div>
    </section>
  );
}

/** One dream: text, analysis, picture, video, sharing, deletion; it follows the jobs as they work. */
export function DreamDetailPage({ id }: { id: string }) {
  const api = useApi();
  const { t, language } = useI18n();
  const [dream, setDream] = useState<Dream | null>(null);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [videoPrice, setVideoPrice] = useState<number | null>(null);
  const [analysisPrice, setAnalysisPrice] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [textEdited, setTextEdited] = useState(false);
  const { limits } = useUser().user;
  // Offer a video only where one can be made; a video already made is still shown.
  const canMakeVideo = useUser().user.capabilities.video;
  const [readingPrice, setReadingPrice] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load.
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    api.get('/dreams/{id}', { params: { path: { id } }, signal: controller.signal }).then(
      (loaded) => {
        setDream(loaded);
        setLoad({ status: 'ready' });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad(
          isApiError(error) && error.httpCode === 404 ? { status: 'missing' } : { status: 'error', error },
        );
      },
    );
    return () => controller.abort();
  }, [api, id, attempt]);

  // The price is shown before spending when the wallet can tell it; without it the button still works.
  useEffect(() => {
    const controller = new AbortController();
    api.get('/wallet', { signal: controller.signal }).then(
      (wallet) => {
        setVideoPrice(wallet.prices.video);
        setAnalysisPrice(wallet.prices.analysis);
        setReadingPrice(wallet.prices.reading);
      },
      () => setVideoPrice(null),
    );
    return () => controller.abort();
  }, [api]);

  const refresh = useCallback(async () => {
    setDream(await api.get('/dreams/{id}', { params: { path: { id } } }));
  }, [api, id]);
  const analysing = dream !== null && isDreamInProgress(dream);
  const filming = dream !== null && isVideoInProgress(dream);
  usePolling(refresh, analysing ? ANALYSIS_POLL_MS : VIDEO_POLL_MS, analysing || filming);

  if (load.status === 'loading' && !dream) return <PageLoading titleId="route-dream" />;
  if (load.status === 'missing') {
    return (
      <Page title={t('route-dream')}>
        <section className="notice">
          <div className="notice__orb" aria-hidden="true" />
          <h2 className="notice__title">{t('dream-missing-title')}</h2>
          <p className="notice__text">{t('dream-missing-text')}</p>
          <Link to={paths.dreams} className="button button--secondary">
            {t('dream-missing-action')}
          </Link>
        </section>
      </Page>
    );
  }
  if (load.status === 'error' || !dream) {
    return (
      <Page title={t('route-dream')}>
        <section className="notice" role="alert">
          <h2 className="notice__title">{t('dream-load-failed')}</h2>
          <p className="notice__text">{describeError(load.status === 'error' ? load.error : null, t)}</p>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('dreams-retry')}
          </button>
        </section>
      </Page>
    );
  }

  const author = dream.own ? null : dream.author ? dream.author.name : t('dream-author-anonymous');

  return (
    <Page title={dreamTitle(dream)}>
      <DreamArt dream={dream} variant="hero" />
      {dream.image_skipped && dream.image_status !== 'done' && (
        <p className="art-note">{t(`dream-image-skipped-${dream.image_skipped}`)}</p>
      )}
      {dream.image_status === 'failed' && <p className="art-note">{t('dream-image-failed')}</p>}

      <div className="dream-meta">
        <time dateTime={dream.dream_date}>{formatDreamDate(dream.dream_date, language, t)}</time>
        {author && <span>{t('dream-by', { name: author })}</span>}
        {dream.lucid && <span className="soft-badge soft-badge--accent">{t('dream-lucid')}</span>}
        {dream.mood !== null && (
          <span className="soft-badge" title={t('new-dream-mood')}>
            <MoodIcon mood={dream.mood} className="soft-badge__icon" />
            {t(`mood-${dream.mood}`)}
          </span>
        )}
        {dream.mood_on_waking !== null && (
          <span className="soft-badge" title={t('new-dream-mood-waking')}>
            <MoodIcon mood={dream.mood_on_waking} className="soft-badge__icon" />
            {t('dream-mood-waking-badge', { mood: t(`mood-${dream.mood_on_waking}`) })}
          </span>
        )}
        {dream.own && dream.visibility === 'public' && (
          <span className="soft-badge soft-badge--accent">{t('dream-shared-badge')}</span>
        )}
      </div>

      {editing ? (
        <DreamEditor
          dream={dream}
          limits={limits}
          onCancel={() => setEditing(false)}
          onSaved={(saved, textChanged) => {
            setDream(saved);
            setEditing(false);
            if (textChanged) setTextEdited(true);
          }}
        />
      ) : (
        <section className="card" aria-labelledby="text-title">
          <div className="dream-text-head">
            <h2 id="text-title" className="card__title">
              {t('dream-text')}
            </h2>
            {dream.own && (
              <button
                type="button"
                className="button button--quiet dream-edit-button"
                onClick={() => setEditing(true)}
              >
                {t('dream-edit')}
              </button>
            )}
          </div>
          <p className="dream-text">{dream.text}</p>
        </section>
      )}

      {dream.voice_url && (
        <section className="card" aria-labelledby="voice-title">
          <h2 id="voice-title" className="card__title">
            {t('dream-voice')}
          </h2>
          {/* biome-ignore lint/a11y/useMediaCaption: its transcript is the dream's text, shown above. */}
          <audio className="dream-voice" src={dream.voice_url} controls preload="metadata" />
        </section>
      )}

      {dream.own && textEdited && !editing && (
        <ReanalyseCard
          dream={dream}
          price={analysisPrice}
          onChange={(next) => {
            setDream(next);
            setTextEdited(false);
          }}
        />
      )}

      <AnalysisCard dream={dream} analysisPrice={analysisPrice} onDream={setDream} />
      {dream.own && dream.analysis_status === 'done' && (
        <ReadingsCard dreamId={dream.id} price={readingPrice} />
      )}

      {dream.own && (canMakeVideo || dream.video) && (
        <VideoCard
          dream={dream}
          price={videoPrice}
          onVideo={(video) => setDream((current) => current && { ...current, video })}
        />
      )}
      {!dream.own && dream.video?.status === 'completed' && dream.video.url && (
        <section className="card">
          <h2 className="card__title">{t('dream-video')}</h2>
          {/* biome-ignore lint/a11y/useMediaCaption: a generated clip has no speech to caption. */}
          <video className="dream-video" src={dream.video.url} controls playsInline loop preload="metadata" />
        </section>
      )}
      {dream.own && <ShareCard dream={dream} onChange={setDream} />}
      {dream.own && <DeleteDream dream={dream} />}
    </Page>
  );
}
