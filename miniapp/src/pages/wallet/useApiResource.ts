import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context.tsx';

export interface ApiResource<T> {
  data: T | null;
  /** The last failure; the data read before it stays on screen. */
  error: unknown;
  loading: boolean;
  /** Reads the route again; resolves to the fresh value, or null when the read failed. */
  reload(): Promise<T | null>;
}

/** One GET route read when the screen opens and again on demand (after a payment, an admin action). */
export function useApiResource<T>(path: string | null): ApiResource<T> {
  const api = useApi();
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
      if (path === null) return null;
      const current = ++generation.current;
      setLoading(true);
      try {
        const value = await api.get<T>(path, { signal });
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
    [api, path],
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
