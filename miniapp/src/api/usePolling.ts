import { useEffect, useRef } from 'react';

/**
 * Calls `tick` every `intervalMs` while `active`, one call at a time: the next wait starts when the
 * previous call has settled, so a slow server is never asked twice at once. Failures are left to
 * `tick`; polling carries on.
 */
export function usePolling(tick: () => Promise<unknown>, intervalMs: number, active: boolean): void {
  const latest = useRef(tick);
  useEffect(() => {
    latest.current = tick;
  }, [tick]);

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer = 0;
    const run = async () => {
      try {
        await latest.current();
      } catch {
        // The screen shows what it last knew; the next tick tries again.
      }
      if (!stopped) timer = window.setTimeout(run, intervalMs);
    };
    timer = window.setTimeout(run, intervalMs);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [active, intervalMs]);
}
