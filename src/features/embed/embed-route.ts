/*
 * The embed entry's views, matched by hand: it never navigates (every link opens the console in a new
 * tab), so it does without a router library and stays small for a dashboard tile. `embedPaths` is the
 * one list of them; browser tests walk it, so a view added here is visited there too.
 */
export type EmbedRoute =
  { view: 'overview' } | { view: 'datastore'; store: string } | { view: 'tasks' } | { view: 'unknown' };

/** Each view's path; `:store` takes one non-empty segment. */
export const embedPaths = ['/embed/overview', '/embed/tasks', '/embed/datastore/:store'] as const;

export function matchEmbedRoute(pathname: string): EmbedRoute {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/embed') return { view: 'overview' };
  for (const pattern of embedPaths) {
    const [, , view, param] = pattern.split('/');
    const m = new RegExp(`^/embed/${view}${param ? '/([^/]+)' : ''}$`).exec(path);
    if (!m) continue;
    if (view === 'overview' || view === 'tasks') return { view };
    if (view !== 'datastore') break;
    try {
      return { view: 'datastore', store: decodeURIComponent(m[1]!) };
    } catch {
      return { view: 'unknown' };
    }
  }
  return { view: 'unknown' };
}
