/**
 * Route paths by name; features link through these, never through string literals. Kept apart from
 * the route table, which imports the pages that import these.
 */
export const paths = {
  home: '',
  profile: 'profile',
  dreams: 'dreams',
  newDream: 'dreams/new',
  /** A pattern: link to one dream with {@link dreamRoute}. */
  dream: 'dreams/:id',
  feed: 'feed',
  insights: 'insights',
  wallet: 'wallet',
  admin: 'admin',
  /** A pattern: link to one user's admin screen with {@link adminUserRoute}. */
  adminUser: 'admin/users/:id',
} as const;

/** The route path of one dream's screen. */
export function dreamRoute(id: string): string {
  return `dreams/${encodeURIComponent(id)}`;
}

/** The route path of one user's admin screen. */
export function adminUserRoute(id: number | string): string {
  return `admin/users/${encodeURIComponent(String(id))}`;
}
