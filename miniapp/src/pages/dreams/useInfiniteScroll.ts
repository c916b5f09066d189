import { type RefObject, useEffect, useRef } from 'react';

/**
 * Calls `onVisible` when the element comes within a screen's height of the viewport: the next page
 * loads before the reader reaches the end. The element is also a button, for when this cannot run.
 */
export function useInfiniteScroll<E extends Element>(
  onVisible: () => void,
  enabled: boolean,
  /** Changes when a page has arrived: observing anew reports an element that is still in view. */
  loaded: number,
): RefObject<E | null> {
  const ref = useRef<E | null>(null);
  const latest = useRef(onVisible);
  useEffect(() => {
    latest.current = onVisible;
  }, [onVisible]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `loaded` re-arms the observer.
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current();
      },
      { rootMargin: '0px 0px 100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled, loaded]);

  return ref;
}
