import type { PathsWithMethod } from 'openapi-typescript-helpers';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInit, ResultOf } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';
import type { paths } from '../../api/schema.gen.ts';

export interface ApiResource<T> {
  data: T | null;
  /** The last failure; the data read before it stays on screen. */
  error: unknown;
  loading: boolean;
  /** Reads the route again; resolves to the fresh value, or null when the read failed. */
  reload(): Promise<T | null>;
}

/** One GET route read when the screen opens and again on demand (after a payment, an admin action). */
export function useApiResource<P extends PathsWithMethod<paths, 'get'>, T = ResultOf<'get', P>>(
  path: P | null,
  init?: CallInit<'get', P>,
): ApiResource<T> {
  const api = useApi();
  // The route and its parameters name the resource; a new value reads it again.
  const key = path === null ? null : `${path} ${JSON.stringify(init ?? {})}`;
  const initRef = useRef(init);
  initRef.current = init;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const generation = useRef(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const read = useCallback(
    async (signal?: AbortSignal): Promise<T | null> => {
      if (path === null || key === null) return null;
      const current = ++generation.current;
      setLoading(true);
      try {
        // `as never`: `init` was checked against `path` at the call site.
        const value = (await api.get(path as never, { ...initRef.current, signal } as never)) as T;
        if (current === generation.current && mounted.current) {
          setData(value);
          setError(null);
        }
        return value;
      } catch (failure) {
        if (current === generation.current && mounted.current && !signal?.aborted) setError(failure);
        return null;
      } finally {
        if (current === generation.current && mounted.current) setLoading(false);
      }
    },
    // `key` stands for `init` (read through a ref, so a new object with the same values is no change).
    [api, path, key],
  );

  useEffect(() => {
    setData(null);
    setError(null);
    const controller = new AbortController();
    void read(controller.signal);
    return () => controller.abort();
  }, [read]);

  const reload = useCallback(() => read(), [read]);
  return { data, error, loading, reload };
}
