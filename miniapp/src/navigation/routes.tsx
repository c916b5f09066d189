import type { ReactNode } from 'react';
import { ComingSoon } from '../components/ComingSoon.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { ProfilePage } from '../pages/profile/ProfilePage.tsx';

import { paths } from './paths.ts';

export { paths };

export interface Route {
  path: string;
  /** Fluent message id of the screen title. */
  titleId: string;
  render: () => ReactNode;
}

/** The one route table of the Mini App. */
export const routes: readonly Route[] = [
  { path: paths.home, titleId: 'route-home', render: () => <HomePage /> },
  { path: paths.profile, titleId: 'route-profile', render: () => <ProfilePage /> },
  { path: paths.dreams, titleId: 'route-dreams', render: () => <ComingSoon titleId="route-dreams" /> },
  {
    path: paths.newDream,
    titleId: 'route-dreams-new',
    render: () => <ComingSoon titleId="route-dreams-new" />,
  },
  { path: paths.feed, titleId: 'route-feed', render: () => <ComingSoon titleId="route-feed" /> },
  { path: paths.wallet, titleId: 'route-wallet', render: () => <ComingSoon titleId="route-wallet" /> },
];

/** The route for a path; unknown paths (an old link, a typo) land on home. */
export function matchRoute(path: string): Route {
  return routes.find((route) => route.path === path) ?? routes[0]!;
}
