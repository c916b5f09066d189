import { useState } from 'react';
import type { Dream } from '../../api/dreams.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CATEGORY_LOOK, PENDING_GRADIENT } from './categories.ts';
import { CategoryIcon } from './dreamIcons.tsx';
import { dreamTitle } from './format.ts';

interface DreamArtProps {
  dream: Dream;
  variant: 'card' | 'hero' | 'feed';
}

/**
 * A dream's picture; until it exists (or when there will be none), a gradient in the colours of the
 * dream's category with its icon, shimmering while the analysis or the painting is in progress.
 */
export function DreamArt({ dream, variant }: DreamArtProps) {
  const { t } = useI18n();
  const [broken, setBroken] = useState(false);
  const category = dream.analysis?.category;
  const look = category ? CATEGORY_LOOK[category] : null;
  const working = dream.analysis_status === 'pending' || dream.image_status === 'pending';
  const showImage = dream.image_url && !broken;

  return (
    <div
      className={`dream-art dream-art--${variant}`}
      style={{ background: look?.gradient ?? PENDING_GRADIENT }}
    >
      {showImage ? (
        <img
          className="dream-art__image"
          src={dream.image_url ?? undefined}
          alt={t('dream-image-alt', { title: dreamTitle(dream) })}
          loading={variant === 'hero' ? 'eager' : 'lazy'}
          decoding="async"
          onError={() => setBroken(true)}
        />
      ) : (
        <div
          className={
            working ? 'dream-art__placeholder dream-art__placeholder--working' : 'dream-art__placeholder'
          }
        >
          <CategoryIcon category={category} className="dream-art__icon" />
          {working && (
            <span className="dream-art__status">
              {dream.analysis_status === 'pending' ? t('dream-status-analysing') : t('dream-status-painting')}
            </span>
          )}
          {/* Kept without an analysis: the journal says so instead of showing a blank. */}
          {dream.analysis_status === 'waiting_quota' && (
            <span className="dream-art__status">{t('dream-status-waiting')}</span>
          )}
          {dream.analysis_status === 'skipped' && (
            <span className="dream-art__status">{t('dream-status-skipped')}</span>
          )}
        </div>
      )}
      {showImage && dream.image_offline && variant !== 'card' && (
        <span className="dream-art__label">{t('dream-image-offline')}</span>
      )}
    </div>
  );
}
