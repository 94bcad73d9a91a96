import { readTicketCookie } from '@/api/cookie';
import { startEarlyGet, type EarlyRequest } from '@/api/early';
import { permissionsRequest } from '@/api/queries/access-request';
import { groupListRequest, namespaceListRequest } from '@/api/queries/content-params';
import { datastoreAclPath } from '@/lib/acl-path';
import { parseNs } from '@/lib/namespace-parse';
import { loadShell, matchPage } from './pages';

/** What the shell asks for on every page: the right to stop tasks, the datastores of the navigation, version and zone. */
const SHELL: EarlyRequest[] = [
  permissionsRequest('/system/tasks'),
  { path: '/admin/datastore' },
  { path: '/version' },
  { path: '/nodes/localhost/time' },
];

/** The lists a page asks for before anything else, by its route path. */
const PAGE_DATA: Record<string, (params: Record<string, string>, search: URLSearchParams) => EarlyRequest[]> = {
  'datastores/:store/content': ({ store = '' }, search) => {
    const ns = parseNs(search.get('ns'));
    return ns === null
      ? []
      : [namespaceListRequest(store), groupListRequest(store, ns), permissionsRequest(datastoreAclPath(store, ns))];
  },
};

/**
 * On a page load with a session: starts the shell's and the page's code and their first lists at once,
 * instead of one after another as each part renders. `withData`: false where no server answers yet
 * (the demo build starts its simulator first).
 */
export function startEarly(pathname: string, search: string, withData: boolean): void {
  if (pathname === '/login' || readTicketCookie() === null) return;
  const match = matchPage(pathname);
  // The lists first: the browser opens a few connections per server, and the page waits for its lists most.
  if (withData) {
    const requests = [
      ...(match ? (PAGE_DATA[match.page.path]?.(match.params, new URLSearchParams(search)) ?? []) : []),
      ...SHELL,
    ];
    for (const request of requests) startEarlyGet(request);
  }
  // A chunk that fails here fails again when the router asks, and is reported there.
  loadShell().catch(() => undefined);
  match?.page.load().catch(() => undefined);
}
