import { type CSSProperties, type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import {
  DREAM_CATEGORIES,
  type Dream,
  type DreamCategory,
  type DreamFilters,
  dreamsListQuery,
  isDreamInProgress,
} from '../../api/dreams.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { usePolling } from '../../api/usePolling.ts';
import { ChartIcon, CloseIcon, PlusIcon, SearchIcon } from '../../components/icons.tsx';
import { Page } from '../../components/Page.tsx';
import { describeError } from '../../i18n/describeError.ts';
import { useI18n } from '../../i18n/index.tsx';
import { dreamRoute, paths } from '../../navigation/paths.ts';
import { Link } from '../../navigation/router.tsx';
import { hapticSelection } from '../../telegram.ts';
import { CategoryChip } from './CategoryChip.tsx';
import { CATEGORY_LOOK } from './categories.ts';
import { DreamArt } from './DreamArt.tsx';
import { CategoryIcon } from './dreamIcons.tsx';
import { dreamTitle, formatDreamDate } from './format.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useInfiniteScroll } from './useInfiniteScroll.ts';
import './dreams.css';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 350;
/** The gallery re-reads itself this often while a dream in it is being analysed or painted. */
const GALLERY_POLL_MS = 2500;
const EMOTION_CHIPS = 6;

function DreamCard({ dream }: { dream: Dream }) {
  const { t, language } = useI18n();
  return (
    <Link to={dreamRoute(dream.id)} className="dream-card">
      <DreamArt dream={dream} variant="card" />
      <span className="dream-card__body">
        <span className="dream-card__title">{dreamTitle(dream)}</span>
        <span className="dream-card__meta">
          <time dateTime={dream.dream_date}>{formatDreamDate(dream.dream_date, language, t)}</time>
          {dream.lucid && <span className="dream-card__lucid">{t('dream-lucid-short')}</span>}
        </span>
        {dream.analysis && <CategoryChip category={dream.analysis.category} />}
      </span>
      {dream.visibility === 'public' && <span className="dream-card__shared">{t('dream-shared-badge')}</span>}
    </Link>
  );
}

function GallerySkeleton() {
  return (
    <div className="dream-grid" aria-hidden="true">
      {[0, 1, 2, 3].map((n) => (
        <div key={n} className="dream-card dream-card--skeleton">
          <div className="dream-art dream-art--card skeleton" />
          <div className="dream-card__body">
            <div className="skeleton skeleton--line" />
            <div className="skeleton skeleton--line skeleton--short" />
          </div>
        </div>
      ))}
    </div>
  );
}

interface ChipProps {
  pressed: boolean;
  onClick: () => void;
  children: ReactNode;
  color?: string;
}

function FilterChip({ pressed, onClick, children, color }: ChipProps) {
  return (
    <button
      type="button"
      className="filter-chip"
      aria-pressed={pressed}
      style={color ? ({ '--chip-color': color } as CSSProperties) : undefined}
      onClick={() => {
        hapticSelection();
        onClick();
      }}
    >
      {children}
    </button>
  );
}

/** The journal: the author's dreams as a gallery, with search, filters and endless scrolling. */
export function JournalPage() {
  const api = useApi();
  const { t } = useI18n();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<DreamCategory | undefined>();
  const [lucidOnly, setLucidOnly] = useState(false);
  const [emotion, setEmotion] = useState<string | undefined>();
  const [emotions, setEmotions] = useState<string[]>([]);
  const q = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);

  const filters = useMemo<DreamFilters>(
    () => ({ q: q || undefined, category, emotion, lucid: lucidOnly ? true : undefined }),
    [q, category, emotion, lucidOnly],
  );
  const filtered = Boolean(filters.q || filters.category || filters.emotion || filters.lucid);
  const list = usePagedList('/dreams', dreamsListQuery(filters), PAGE_SIZE);
  const sentinel = useInfiniteScroll<HTMLButtonElement>(list);
  usePolling(list.refresh, GALLERY_POLL_MS, list.items.some(isDreamInProgress));

  // The emotion chips are the user's own most frequent emotions; without them the row is simply shorter.
  useEffect(() => {
    const controller = new AbortController();
    api.get('/dreams/insights', { signal: controller.signal }).then(
      (insights) => setEmotions(insights.emotions.slice(0, EMOTION_CHIPS).map((e) => e.emotion)),
      () => {},
    );
    return () => controller.abort();
  }, [api]);

  const clearFilters = () => {
    setSearch('');
    setCategory(undefined);
    setEmotion(undefined);
    setLucidOnly(false);
  };

  const actions = (
    <>
      <Link to={paths.insights} className="icon-button" aria-label={t('route-insights')}>
        <ChartIcon />
      </Link>
      <Link
        to={paths.newDream}
        className="icon-button icon-button--accent"
        aria-label={t('route-dreams-new')}
      >
        <PlusIcon />
      </Link>
    </>
  );

  const firstLoad = list.status === 'loading' && list.items.length === 0;
  const empty = list.status === 'ready' && list.items.length === 0;

  return (
    <Page title={t('route-dreams')} actions={actions}>
      <div className="search">
        <SearchIcon className="search__icon" />
        <label htmlFor={searchId} className="visually-hidden">
          {t('journal-search')}
        </label>
        <input
          id={searchId}
          className="search__input"
          type="search"
          enterKeyHint="search"
          placeholder={t('journal-search')}
          value={search}
          maxLength={200}
          onChange={(event) => setSearch(event.target.value)}
        />
        {search && (
          <button
            type="button"
            className="search__clear"
            aria-label={t('journal-search-clear')}
            onClick={() => setSearch('')}
          >
            <CloseIcon />
          </button>
        )}
      </div>

      <fieldset className="chip-row">
        <legend className="visually-hidden">{t('journal-filter-category')}</legend>
        <FilterChip pressed={!category} onClick={() => setCategory(undefined)}>
          {t('journal-filter-all')}
        </FilterChip>
        {DREAM_CATEGORIES.map((option) => (
          <FilterChip
            key={option}
            pressed={category === option}
            color={CATEGORY_LOOK[option].color}
            onClick={() => setCategory(category === option ? undefined : option)}
          >
            <CategoryIcon category={option} className="filter-chip__icon" />
            {t(`dream-category-${option}`)}
          </FilterChip>
        ))}
      </fieldset>
      <fieldset className="chip-row">
        <legend className="visually-hidden">{t('journal-filter-more')}</legend>
        <FilterChip pressed={lucidOnly} onClick={() => setLucidOnly(!lucidOnly)}>
          {t('journal-filter-lucid')}
        </FilterChip>
        {emotions.map((option) => (
          <FilterChip
            key={option}
            pressed={emotion === option}
            onClick={() => setEmotion(emotion === option ? undefined : option)}
          >
            {option}
          </FilterChip>
        ))}
      </fieldset>

      {list.total !== null && list.items.length > 0 && (
        <p className="journal-count" aria-live="polite">
          {t(filtered ? 'journal-found' : 'journal-total', { count: list.total })}
        </p>
      )}

      {firstLoad && <GallerySkeleton />}

      {list.status === 'error' && list.items.length === 0 && (
        <section className="notice" role="alert">
          <h2 className="notice__title">{t('journal-load-failed')}</h2>
          <p className="notice__text">{describeError(list.error, t)}</p>
          <button type="button" className="button button--secondary" onClick={list.reload}>
            {t('dreams-retry')}
          </button>
        </section>
      )}

      {empty && !filtered && (
        <section className="notice">
          <div className="notice__orb" aria-hidden="true" />
          <h2 className="notice__title">{t('journal-empty-title')}</h2>
          <p className="notice__text">{t('journal-empty-text')}</p>
          <Link to={paths.newDream} className="button button--primary">
            {t('journal-empty-action')}
          </Link>
        </section>
      )}

      {empty && filtered && (
        <section className="notice">
          <h2 className="notice__title">{t('journal-nothing-found')}</h2>
          <p className="notice__text">{t('journal-nothing-found-text')}</p>
          <button type="button" className="button button--secondary" onClick={clearFilters}>
            {t('journal-clear-filters')}
          </button>
        </section>
      )}

      {list.items.length > 0 && (
        <div
          className={list.status === 'loading' ? 'dream-grid dream-grid--stale' : 'dream-grid'}
          aria-busy={list.status === 'loading'}
        >
          {list.items.map((dream) => (
            <DreamCard key={dream.id} dream={dream} />
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
