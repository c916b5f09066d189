import { lazy, type ReactNode, Suspense } from 'react';
import { PageLoading } from '../components/PageLoading.tsx';
import { DreamDetailPage } from '../pages/dreams/DreamDetailPage.tsx';
import { JournalPage } from '../pages/dreams/JournalPage.tsx';
import { NewDreamPage } from '../pages/dreams/NewDreamPage.tsx';
import { FeedPage } from '../pages/feed/FeedPage.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { ProfilePage } from '../pages/profile/ProfilePage.tsx';
import { WalletPage } from '../pages/wallet/WalletPage.tsx';

import { paths } from './paths.ts';

export { paths };

// The charts library is the heaviest dependency of the app; only the insights screen needs it.
const InsightsPage = lazy(() =>
  import('../pages/insights/InsightsPage.tsx').then((module) => ({ default: module.InsightsPage })),
);

// Admin screens are for a handful of people and carry charts: nobody else downloads them.
const AdminPage = lazy(() =>
  import('../pages/admin/AdminPage.tsx').then((module) => ({ default: module.AdminPage })),
);
const AdminUserPage = lazy(() =>
  import('../pages/admin/AdminUserPage.tsx').then((module) => ({ default: module.AdminUserPage })),
);

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
  {
    path: paths.dream,
    titleId: 'route-dream',
    render: ({ id }) => <DreamDetailPage id={id ?? ''} />,
  },
  { path: paths.feed, titleId: 'route-feed', render: () => <FeedPage /> },
  {
    path: paths.insights,
    titleId: 'route-insights',
    render: () => (
      <Suspense fallback={<PageLoading titleId="route-insights" />}>
        <InsightsPage />
      </Suspense>
    ),
  },
  { path: paths.wallet, titleId: 'route-wallet', render: () => <WalletPage /> },
  {
    path: paths.admin,
    titleId: 'route-admin',
    render: () => (
      <Suspense fallback={<PageLoading titleId="route-admin" />}>
        <AdminPage />
      </Suspense>
    ),
  },
  {
    path: paths.adminUser,
    titleId: 'route-admin-user',
    render: ({ id }) => (
      <Suspense fallback={<PageLoading titleId="route-admin-user" />}>
        <AdminUserPage id={id ?? ''} />
      </Suspense>
    ),
  },
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
      return { path: route.path, titleId: route.titleId, params, render: () => route.render(params) };
  }
  const home = routes[0]!;
  return { path: home.path, titleId: home.titleId, params: {}, render: () => home.render({}) };
}
