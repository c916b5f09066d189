/**
 * Route paths by name; features link through these, never through string literals. Kept apart from
 * the route table, which imports the pages that import these.
 */
export const paths = {
  home: '',
  profile: 'profile',
  dreams: 'dreams',
  newDream: 'dreams/new',
  feed: 'feed',
  wallet: 'wallet',
} as const;
