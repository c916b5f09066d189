import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from './context.tsx';
import type { Pagination } from './types.ts';

export type PagedStatus = 'loading' | 'ready' | 'error';

export interface PagedList<T> {
  items: T[];
  /** `loading` also while a new request (a new search) replaces items still shown. */
  status: PagedStatus;
  /** Why the list could not be read (status `error`). */
  error: unknown;
  total: number | null;
  hasNext: boolean;
  loadingMore: boolean;
  /** A failure of the last "load more": the list itself stays. */
  moreError: unknown;
  /** Fetches the next page and appends it. */
  loadMore(): void;
  /** Re-reads every page loaded so far in one request (items being processed have changed). */
  refresh(): Promise<void>;
  /**
   * Reads the list again from the first page (after an action changed it, or after an error); what
   * is shown stays until the answer arrives.
   */
  reload(): void;
}

interface State<T> {
  items: T[];
  /** The request whose answers `items` are. */
  key: string | null;
  pages: number;
  pagination: Pagination | null;
  status: PagedStatus;
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
}

const INITIAL: State<never> = {
  items: [],
  key: null,
  pages: 0,
  pagination: null,
  status: 'loading',
  error: null,
  loadingMore: false,
  moreError: null,
};

/** The largest page the API serves (CONTRACT.md). */
const MAX_PAGE_SIZE = 100;

/** Entries added since the first page shift later pages: an item seen already is not repeated. */
function merge<T extends { id: number | string }>(current: T[], more: T[]): T[] {
  const seen = new Set(current.map((item) => item.id));
  return [...current, ...more.filter((item) => !seen.has(item.id))];
}

/**
 * Every paginated list of the Mini App (journal, feed, ledger, admin payments and users), read page
 * by page. `pathFor(page, pageSize)` names the request; when it changes (a new search) the list
 * starts over, and answers to older requests are dropped.
 */
export function usePagedList<T extends { id: number | string }>(
  pathFor: (page: number, pageSize: number) => string,
  pageSize: number,
): PagedList<T> {
  const api = useApi();
  const key = pathFor(1, pageSize);
  const [state, setState] = useState<State<T>>(INITIAL);
  const [attempt, setAttempt] = useState(0);
  // Answers are applied only for the request generation that is current when they arrive.
  const generation = useRef(0);
  const pathForRef = useRef(pathFor);
  useEffect(() => {
    pathForRef.current = pathFor;
  }, [pathFor]);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the request; `attempt` re-runs it.
  useEffect(() => {
    const current = ++generation.current;
    const controller = new AbortController();
    setState((previous) => {
      // Reading the same list again keeps it usable; a different list shows the old one as stale.
      const same = previous.key === key && previous.pages > 0;
      return {
        ...previous,
        pages: same ? previous.pages : 0,
        pagination: same ? previous.pagination : null,
        status: same ? 'ready' : 'loading',
        error: null,
        loadingMore: false,
        moreError: null,
      };
    });
    api.getPage<T[]>(pathForRef.current(1, pageSize), { signal: controller.signal }).then(
      (page) => {
        if (current !== generation.current) return;
        setState({
          items: page.items,
          key,
          pages: 1,
          pagination: page.pagination,
          status: 'ready',
          error: null,
          loadingMore: false,
          moreError: null,
        });
      },
      (error: unknown) => {
        if (current !== generation.current || controller.signal.aborted) return;
        setState((previous) => ({ ...previous, status: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [api, key, pageSize, attempt]);

  const loadMore = useCallback(() => {
    const { status, loadingMore, pagination, pages } = stateRef.current;
    if (status !== 'ready' || loadingMore || !pagination?.has_next) return;
    const current = generation.current;
    setState((previous) => ({ ...previous, loadingMore: true, moreError: null }));
    api.getPage<T[]>(pathForRef.current(pages + 1, pageSize)).then(
      (page) => {
        if (current !== generation.current) return;
        setState((previous) => ({
          ...previous,
          items: merge(previous.items, page.items),
          pages: pages + 1,
          pagination: page.pagination,
          loadingMore: false,
        }));
      },
      (error: unknown) => {
        if (current !== generation.current) return;
        setState((previous) => ({ ...previous, loadingMore: false, moreError: error }));
      },
    );
  }, [api, pageSize]);

  const refresh = useCallback(async () => {
    const { status, pages, items } = stateRef.current;
    if (status !== 'ready') return;
    const current = generation.current;
    const size = Math.min(MAX_PAGE_SIZE, Math.max(pageSize, pages * pageSize, items.length));
    const page = await api.getPage<T[]>(pathForRef.current(1, size));
    if (current !== generation.current) return;
    // Pages loaded later keep their place: only what the refresh saw is replaced.
    setState((previous) => {
      const fresh = new Set(page.items.map((item) => item.id));
      const kept = previous.items.slice(size).filter((item) => !fresh.has(item.id));
      return {
        ...previous,
        items: [...page.items, ...kept],
        pagination:
          previous.pagination && page.pagination
            ? { ...previous.pagination, total: page.pagination.total }
            : previous.pagination,
      };
    });
  }, [api, pageSize]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    items: state.items,
    status: state.status,
    error: state.error,
    total: state.pagination?.total ?? null,
    hasNext: state.pagination?.has_next ?? false,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    loadMore,
    refresh,
    reload,
  };
}
