import { type MouseEvent, type ReactNode, useSyncExternalStore } from 'react';

// A hash router small enough to read in one sitting. Hash routes need no server configuration, and
// the hash is where Telegram puts its launch parameters (`#tgWebAppData=…`): any hash that does not
// start with `/` is therefore the home screen.

interface HistoryState {
  /** How many in-app screens lie behind this one; 0 for the screen Telegram opened. */
  depth: number;
}

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('popstate', notify);
    window.addEventListener('hashchange', notify);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('popstate', notify);
      window.removeEventListener('hashchange', notify);
    }
  };
}

/** The current route path without slashes at either end: '' (home), 'profile', 'dreams/new'. */
export function currentPath(): string {
  const hash = window.location.hash.slice(1);
  if (!hash.startsWith('/')) return '';
  // Some clients append launch parameters to an existing hash (`#/profile?tgWebAppData=…`).
  const path = hash.slice(1).split(/[?&]/)[0] ?? '';
  return path.replace(/^\/+|\/+$/g, '');
}

function depth(): number {
  const state = window.history.state as Partial<HistoryState> | null;
  return typeof state?.depth === 'number' ? state.depth : 0;
}

export function hrefFor(path: string): string {
  return `#/${path}`;
}

/** Opens a route; `replace` swaps the current screen instead of stacking a new one. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (!options.replace && path === currentPath()) return;
  const state: HistoryState = { depth: options.replace ? depth() : depth() + 1 };
  if (options.replace) window.history.replaceState(state, '', hrefFor(path));
  else window.history.pushState(state, '', hrefFor(path));
  notify();
}

/**
 * One screen back. A screen opened directly (a deep link from the bot) has nothing in-app behind
 * it, and history.back() would leave the Mini App, so it goes home instead.
 */
export function goBack(): void {
  if (depth() > 0) window.history.back();
  else navigate('', { replace: true });
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

interface LinkProps {
  to: string;
  className?: string;
  children: ReactNode;
  'aria-label'?: string;
}

/** An anchor that navigates in-app (plain clicks) but stays a real link (new tab, copy address). */
export function Link({ to, className, children, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={hrefFor(to)} className={className} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
