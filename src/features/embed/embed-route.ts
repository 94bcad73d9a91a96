/*
 * The embed entry's three views, matched by hand: it never navigates (every link opens the console
 * in a new tab), so it does without a router library and stays small for a dashboard tile.
 */
export type EmbedRoute =
  { view: 'overview' } | { view: 'datastore'; store: string } | { view: 'tasks' } | { view: 'unknown' };

export function matchEmbedRoute(pathname: string): EmbedRoute {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/embed' || path === '/embed/overview') return { view: 'overview' };
  if (path === '/embed/tasks') return { view: 'tasks' };
  const m = /^\/embed\/datastore\/([^/]+)$/.exec(path);
  if (m) {
    try {
      return { view: 'datastore', store: decodeURIComponent(m[1]!) };
    } catch {
      return { view: 'unknown' };
    }
  }
  return { view: 'unknown' };
}
