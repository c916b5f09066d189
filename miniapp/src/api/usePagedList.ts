import type { PathsWithMethod } from 'openapi-typescript-helpers';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueryOf, ResultOf } from './client.ts';
import { useApi } from './context.tsx';
import type { paths } from './schema.gen.ts';
import type { Pagination } from './types.ts';

type GetPath = PathsWithMethod<paths, 'get'>;
/** The GET routes that answer a page of items with ids (the ones `page`/`page_size` apply to). */
export type ListPath = {
  [P in GetPath]: ResultOf<'get', P> extends readonly { id: number | string }[]
    ? [QueryOf<P>] extends [never]
      ? never
      : 'page' extends keyof QueryOf<P>
        ? P
        : never
    : never;
}[GetPath];
type ItemOf<P extends ListPath> =
  ResultOf<'get', P> extends readonly (infer I extends { id: number | string })[] ? I : never;
/** A list route's filters: its query without the paging, which the hook adds. */
export type ListFilters<P extends ListPath> = Omit<QueryOf<P>, 'page' | 'page_size'>;

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
 * by page. `path` and `filters` name the request; when they change (a new search) the list starts
 * over, and answers to older requests are dropped.
 */
export function usePagedList<P extends ListPath>(
  path: P,
  filters: ListFilters<P>,
  pageSize: number,
): PagedList<ItemOf<P>> {
  type T = ItemOf<P>;
  const api = useApi();
  const key = `${path}?${JSON.stringify(filters)}`;
  const pageAt = (page: number, size: number, signal?: AbortSignal) =>
    api.getPage<ListPath>(path, {
      params: { query: { ...filters, page, page_size: size } },
      signal,
    } as never) as unknown as Promise<{ items: T[]; pagination: Pagination | null }>;
  const [state, setState] = useState<State<T>>(INITIAL);
  const [attempt, setAttempt] = useState(0);
  // Answers are applied only for the request generation that is current when they arrive.
  const generation = useRef(0);
  const pageAtRef = useRef(pageAt);
  useEffect(() => {
    pageAtRef.current = pageAt;
  });
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
    pageAtRef.current(1, pageSize, controller.signal).then(
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
    pageAtRef.current(pages + 1, pageSize).then(
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
  }, [pageSize]);

  const refresh = useCallback(async () => {
    const { status, pages, items } = stateRef.current;
    if (status !== 'ready') return;
    const current = generation.current;
    const size = Math.min(MAX_PAGE_SIZE, Math.max(pageSize, pages * pageSize, items.length));
    const page = await pageAtRef.current(1, size);
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
  }, [pageSize]);

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
