import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import type { Pagination } from '../../api/types.ts';

export interface PagedRoute<T> {
  items: T[];
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  hasNext: boolean;
  loadingMore: boolean;
  /** A failure of the last "load more" (the list itself stays). */
  moreError: unknown;
  loadMore(): void;
  /** Reads the list again from the first page, keeping what is shown until the answer arrives. */
  reload(): void;
}

interface State<T> {
  items: T[];
  pages: number;
  pagination: Pagination | null;
  status: PagedRoute<T>['status'];
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
}

/**
 * A list route read with a "load more" button (the ledger, admin payments and users). Unlike the
 * journal's endless gallery it is reloaded as a whole after an action changed it; ids may be numbers.
 * `pathFor(page, pageSize)` names the request; a new path starts the list over.
 */
export function usePagedRoute<T extends { id: number | string }>(
  pathFor: (page: number, pageSize: number) => string,
  pageSize: number,
): PagedRoute<T> {
  const api = useApi();
  const key = pathFor(1, pageSize);
  const [state, setState] = useState<State<T>>({
    items: [],
    pages: 0,
    pagination: null,
    status: 'loading',
    error: null,
    loadingMore: false,
    moreError: null,
  });
  const [attempt, setAttempt] = useState(0);
  // Only answers to the newest request generation are applied.
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
    setState((previous) => ({ ...previous, status: previous.pages > 0 ? 'ready' : 'loading', error: null }));
    api.getPage<T[]>(pathForRef.current(1, pageSize), { signal: controller.signal }).then(
      (page) => {
        if (current !== generation.current) return;
        setState({
          items: page.items,
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
        setState((previous) => {
          // Entries added since the first page shift later pages; an item seen already is not repeated.
          const seen = new Set(previous.items.map((item) => item.id));
          return {
            ...previous,
            items: [...previous.items, ...page.items.filter((item) => !seen.has(item.id))],
            pages: pages + 1,
            pagination: page.pagination,
            loadingMore: false,
          };
        });
      },
      (error: unknown) => {
        if (current !== generation.current) return;
        setState((previous) => ({ ...previous, loadingMore: false, moreError: error }));
      },
    );
  }, [api, pageSize]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    items: state.items,
    status: state.status,
    error: state.error,
    hasNext: state.pagination?.has_next ?? false,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    loadMore,
    reload,
  };
}
