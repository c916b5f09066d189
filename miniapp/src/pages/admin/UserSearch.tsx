import { useEffect, useId, useState } from 'react';
import type { AdminUser } from '../../api/admin.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { ChevronRightIcon, CloseIcon, SearchIcon } from '../../components/icons.tsx';
import { ListStatus } from '../../components/ListStatus.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { adminUserRoute } from '../../navigation/paths.ts';
import { Link } from '../../navigation/router.tsx';
import { initialsOf } from '../profile/initials.ts';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Badges that matter to an admin at a glance. */
export function UserBadges({ user, plan }: { user: AdminUser; plan?: 'free' | 'pro' }) {
  const { t } = useI18n();
  const current = plan ?? user.plan;
  return (
    <span className="user-badges">
      {current === 'pro' && <span className="badge badge--pro">{t('plan-pro')}</span>}
      {user.is_admin && <span className="badge">{t('admin-badge-admin')}</span>}
      {user.is_blocked && <span className="badge badge--blocked">{t('admin-badge-blocked')}</span>}
    </span>
  );
}

function UserRow({ user }: { user: AdminUser }) {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return (
    <Link to={adminUserRoute(user.id)} className="row row--link user-row">
      <span className="avatar user-row__avatar" aria-hidden="true">
        {initialsOf(user)}
      </span>
      <span className="row__body">
        <span className="user-row__name">
          {name} <UserBadges user={user} />
        </span>
        <span className="row__hint">
          {user.username ? `@${user.username} · ` : ''}
          {user.id}
        </span>
      </span>
      <ChevronRightIcon className="row__chevron" />
    </Link>
  );
}

/** Finds users by Telegram id, @username or name; without a query, the newest users. */
export function UserSearch() {
  const { t } = useI18n();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const list = usePagedList('/admin/users', { q: q || undefined }, PAGE_SIZE);

  return (
    <>
      <div className="admin-search">
        <SearchIcon className="admin-search__icon" />
        <label htmlFor={inputId} className="admin-visually-hidden">
          {t('admin-search')}
        </label>
        <input
          id={inputId}
          className="admin-search__input"
          type="search"
          enterKeyHint="search"
          autoComplete="off"
          placeholder={t('admin-search')}
          value={query}
          maxLength={64}
          onChange={(event) => setQuery(event.target.value)}
        />
        {query && (
          <button
            type="button"
            className="admin-search__clear"
            aria-label={t('admin-search-clear')}
            onClick={() => setQuery('')}
          >
            <CloseIcon />
          </button>
        )}
      </div>

      {list.status !== 'ready' ? (
        <ListStatus list={list} variant="admin" />
      ) : list.items.length === 0 ? (
        <p className="group admin-empty">{q ? t('admin-search-empty') : t('admin-users-empty')}</p>
      ) : (
        <>
          {!q && <p className="admin-hint">{t('admin-search-hint')}</p>}
          <div className="group" aria-busy={q !== query.trim()}>
            {list.items.map((user) => (
              <UserRow key={user.id} user={user} />
            ))}
          </div>
          {list.hasNext && (
            <LoadMoreButton
              variant="wallet-more"
              onClick={list.loadMore}
              loading={list.loadingMore}
              error={list.moreError}
              label={t('wallet-load-more')}
            />
          )}
        </>
      )}
    </>
  );
}
