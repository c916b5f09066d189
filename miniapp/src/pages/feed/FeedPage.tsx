import type { Dream } from '../../api/dreams.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { ClockIcon, EyeIcon, MaskIcon } from '../../components/icons.tsx';
import { Page } from '../../components/Page.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { dreamRoute, paths } from '../../navigation/paths.ts';
import { Link } from '../../navigation/router.tsx';
import { CategoryChip } from '../dreams/CategoryChip.tsx';
import { DreamArt } from '../dreams/DreamArt.tsx';
import { dreamTitle, formatAgo, formatTimeLeft } from '../dreams/format.ts';
import { useInfiniteScroll } from '../dreams/useInfiniteScroll.ts';
import { useNow } from '../dreams/useNow.ts';
import '../dreams/dreams.css';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';

const PAGE_SIZE = 10;
const EXCERPT_CHARS = 220;

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}

function excerpt(dream: Dream): string {
  const source = dream.analysis?.narrative?.trim() || dream.text.trim();
  const chars = [...source];
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('').trimEnd()}…` : source;
}

function FeedCard({ dream, now }: { dream: Dream; now: number }) {
  const { t, language } = useI18n();
  const name = dream.author?.name ?? null;
  const left = dream.public_until ? formatTimeLeft(dream.public_until, t, now) : null;
  return (
    <article className="feed-card">
      <header className="feed-card__head">
        <span
          className={name ? 'feed-card__avatar' : 'feed-card__avatar feed-card__avatar--anonymous'}
          aria-hidden="true"
        >
          {name ? initials(name) : <MaskIcon />}
        </span>
        <span className="feed-card__who">
          <span className="feed-card__name">{name ?? t('dream-author-anonymous')}</span>
          <span className="feed-card__when">
            <time className="feed-card__ago" dateTime={dream.created_at}>
              {formatAgo(dream.created_at, language, now)}
            </time>
            {left && (
              <span className="feed-card__left">
                <ClockIcon />
                {t('feed-time-left', { time: left })}
              </span>
            )}
          </span>
        </span>
      </header>
      <Link to={dreamRoute(dream.id)} className="feed-card__link">
        <DreamArt dream={dream} variant="feed" />
        <span className="feed-card__body">
          <span className="feed-card__title">{dreamTitle(dream)}</span>
          <span className="feed-card__text">{excerpt(dream)}</span>
        </span>
      </Link>
      <footer className="feed-card__foot">
        {dream.analysis && <CategoryChip category={dream.analysis.category} />}
        {dream.own && <span className="soft-badge soft-badge--accent">{t('feed-yours')}</span>}
        <span className="feed-card__views">
          <EyeIcon />
          {dream.views}
        </span>
      </footer>
    </article>
  );
}

/** The public feed: dreams shared in the last 24 hours, newest first, each with its countdown. */
export function FeedPage() {
  const { t } = useI18n();
  const now = useNow(30_000);
  const list = usePagedList('/dreams/feed', {}, PAGE_SIZE);
  const sentinel = useInfiniteScroll<HTMLButtonElement>(list);
  // A dream whose window closed while the feed was open leaves it, as it would on a reload.
  const visible = list.items.filter(
    (dream) => !dream.public_until || new Date(dream.public_until).getTime() > now,
  );

  return (
    <Page title={t('route-feed')}>
      <p className="page-intro">{t('feed-intro')}</p>

      {list.status === 'loading' && list.items.length === 0 && (
        <div className="feed" aria-hidden="true">
          {[0, 1].map((n) => (
            <div key={n} className="feed-card">
              <div className="dream-art dream-art--feed skeleton" />
              <div className="feed-card__body">
                <div className="skeleton skeleton--line" />
                <div className="skeleton skeleton--line skeleton--short" />
              </div>
            </div>
          ))}
        </div>
      )}

      {list.status === 'error' && list.items.length === 0 && (
        <section className="notice" role="alert">
          <h2 className="notice__title">{t('feed-load-failed')}</h2>
          <p className="notice__text">{describeError(list.error, t)}</p>
          <button type="button" className="button button--secondary" onClick={list.reload}>
            {t('dreams-retry')}
          </button>
        </section>
      )}

      {list.status === 'ready' && visible.length === 0 && (
        <section className="notice">
          <div className="notice__orb" aria-hidden="true" />
          <h2 className="notice__title">{t('feed-empty-title')}</h2>
          <p className="notice__text">{t('feed-empty-text')}</p>
          <Link to={paths.dreams} className="button button--secondary">
            {t('feed-empty-action')}
          </Link>
        </section>
      )}

      {visible.length > 0 && (
        <div className="feed">
          {visible.map((dream) => (
            <FeedCard key={dream.id} dream={dream} now={now} />
          ))}
        </div>
      )}

      {list.hasNext && list.status === 'ready' && (
        <LoadMoreButton
          buttonRef={sentinel}
          variant="load-more"
          onClick={list.loadMore}
          loading={list.loadingMore}
          error={list.moreError}
          label={t('journal-load-more')}
        />
      )}
    </Page>
  );
}
