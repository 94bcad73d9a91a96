import type { ComponentType } from 'react';

/*
 * The console's pages below the shell, as the router mounts them and as a reload starts loading them
 * (early-start): both read this one list, so a page is added in one place. Plain data and import()s:
 * this module is part of the small first script.
 */

type PageModule = Promise<{ default: ComponentType }>;

export interface PageDef {
  /** react-router path below the shell; '' is the index (the dashboard) */
  path: string;
  load: () => PageModule;
}

export const loadShell = (): PageModule => import('./routes/shell-route');

export const pages: readonly PageDef[] = [
  { path: '', load: () => import('./routes/dashboard-route') },
  { path: 'datastores/:store', load: () => import('./routes/datastore-summary-route') },
  { path: 'datastores/:store/content', load: () => import('./routes/datastore-content-route') },
  { path: 'datastores/:store/restore', load: () => import('./routes/guest-restore-route') },
  { path: 'datastores/:store/browse', load: () => import('./routes/browse-route') },
  { path: 'datastores/:store/jobs', load: () => import('./routes/datastore-jobs-route') },
  { path: 'datastores/:store/space', load: () => import('./routes/datastore-space-route') },
  { path: 'guests', load: () => import('./routes/guests-route') },
  { path: 'jobs', load: () => import('./routes/jobs-route') },
  { path: 'tasks', load: () => import('./routes/tasks-route') },
  { path: 'tasks/:upid', load: () => import('./routes/task-route') },
  { path: '*', load: () => import('./routes/not-found-route') },
];

/**
 * The page `pathname` shows and its parameters, matched as the router does for these simple paths
 * (`:name` takes one non-empty segment, `*` the rest); null for paths outside the shell.
 */
export function matchPage(pathname: string): { page: PageDef; params: Record<string, string> } | null {
  const segments = pathname.split('/').filter((s) => s !== '');
  for (const page of pages) {
    const pattern = page.path.split('/').filter((s) => s !== '');
    if (pattern[0] === '*') return { page, params: {} };
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      const s = segments[i] ?? '';
      if (!p.startsWith(':')) return p === s;
      try {
        params[p.slice(1)] = decodeURIComponent(s);
        return true;
      } catch {
        return false;
      }
    });
    if (ok) return { page, params };
  }
  return null;
}
