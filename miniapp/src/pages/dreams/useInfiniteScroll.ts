import { type RefObject, useEffect, useRef } from 'react';
import type { PagedList } from '../../api/usePagedList.ts';

/**
 * Loads the list's next page when the element comes within a screen's height of the viewport: the
 * next page arrives before the reader reaches the end. The element is also a button, for when this
 * cannot run. After a failed page it stays off: the button says why, and pressing it tries again
 * (an observer that asked again at once would loop while the network is down).
 */
export function useInfiniteScroll<E extends Element>(
  list: Pick<PagedList<unknown>, 'loadMore' | 'hasNext' | 'loadingMore' | 'moreError' | 'items'>,
): RefObject<E | null> {
  const ref = useRef<E | null>(null);
  const latest = useRef(list.loadMore);
  useEffect(() => {
    latest.current = list.loadMore;
  }, [list.loadMore]);
  const enabled = list.hasNext && !list.loadingMore && list.moreError === null;
  // A page that has arrived re-arms the observer: observing anew reports an element still in view.
  const loaded = list.items.length;

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
