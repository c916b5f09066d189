import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode, Suspense } from 'react';
import { PageLoading } from '../components/PageLoading.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { paths } from './paths.ts';

export { paths };

/**
 * A screen loaded on first visit, with its own CSS: index.html then carries only the shell and the
 * home screen (the first thing every user sees), and each other screen costs nothing until opened.
 * The charts library, the heaviest dependency, is reached only from insights and admin.
 */
function page<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const ProfilePage = page(() => import('../pages/profile/ProfilePage.tsx'), 'ProfilePage');
const JournalPage = page(() => import('../pages/dreams/JournalPage.tsx'), 'JournalPage');
const NewDreamPage = page(() => import('../pages/dreams/NewDreamPage.tsx'), 'NewDreamPage');
const DreamDetailPage = page(() => import('../pages/dreams/DreamDetailPage.tsx'), 'DreamDetailPage');
const FeedPage = page(() => import('../pages/feed/FeedPage.tsx'), 'FeedPage');
const InsightsPage = page(() => import('../pages/insights/InsightsPage.tsx'), 'InsightsPage');
const WalletPage = page(() => import('../pages/wallet/WalletPage.tsx'), 'WalletPage');
const AdminPage = page(() => import('../pages/admin/AdminPage.tsx'), 'AdminPage');
const AdminUserPage = page(() => import('../pages/admin/AdminUserPage.tsx'), 'AdminUserPage');

/** Values of a route's `:name` segments. */
export type RouteParams = Readonly<Record<string, string>>;

export interface Route {
  /** Segments separated by `/`; a `:name` segment matches any one segment. */
  path: string;
  /** Fluent message id of the screen title. */
  titleId: string;
  render: (params: RouteParams) => ReactNode;
}

/** A route matched against the current path, its parameters bound. */
export interface MatchedRoute {
  path: string;
  titleId: string;
  params: RouteParams;
  render: () => ReactNode;
}

/** The one route table of the Mini App; the first match wins, so fixed paths precede patterns. */
export const routes: readonly Route[] = [
  { path: paths.home, titleId: 'route-home', render: () => <HomePage /> },
  { path: paths.profile, titleId: 'route-profile', render: () => <ProfilePage /> },
  { path: paths.dreams, titleId: 'route-dreams', render: () => <JournalPage /> },
  { path: paths.newDream, titleId: 'route-dreams-new', render: () => <NewDreamPage /> },
  { path: paths.dream, titleId: 'route-dream', render: ({ id }) => <DreamDetailPage id={id ?? ''} /> },
  { path: paths.feed, titleId: 'route-feed', render: () => <FeedPage /> },
  { path: paths.insights, titleId: 'route-insights', render: () => <InsightsPage /> },
  { path: paths.wallet, titleId: 'route-wallet', render: () => <WalletPage /> },
  { path: paths.admin, titleId: 'route-admin', render: () => <AdminPage /> },
  { path: paths.adminUser, titleId: 'route-admin-user', render: ({ id }) => <AdminUserPage id={id ?? ''} /> },
];

function matchParams(pattern: string, path: string): RouteParams | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? '';
    if (segment.startsWith(':')) {
      if (!actual) return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

/** The route for a path; unknown paths (an old link, a typo) land on home. */
export function matchRoute(path: string): MatchedRoute {
  for (const route of routes) {
    const params = matchParams(route.path, path);
    if (params)
      return { path: route.path, titleId: route.titleId, params, render: () => suspended(route, params) };
  }
  const home = routes[0]!;
  return { path: home.path, titleId: home.titleId, params: {}, render: () => home.render({}) };
}

/** A route's screen, with its title and a spinner while its code is on the way. */
function suspended(route: Route, params: RouteParams): ReactNode {
  return <Suspense fallback={<PageLoading titleId={route.titleId} />}>{route.render(params)}</Suspense>;
}
