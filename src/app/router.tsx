import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { AuthGate } from './auth-gate';
import { LoginRoute } from './routes/login-route';
import { RouteError } from './routes/route-error';

/*
 * React.lazy rather than the router's `lazy`: the router would load every matched route module
 * before the gate could send a visitor without a session to the login page.
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>): ComponentType {
  const Page: LazyExoticComponent<ComponentType> = lazy(load);
  function LazyPage() {
    return (
      <Suspense fallback={<Skeleton className="m-6 h-40" label="Loading page…" />}>
        <Page />
      </Suspense>
    );
  }
  return LazyPage;
}

/*
 * Only the login page and the gate are in the entry chunk; the shell, each page, charts and
 * react-aria load with the route that needs them. Content, jobs and tasks pages slot in below.
 */
export const routes: RouteObject[] = [
  { path: '/login', Component: LoginRoute, ErrorBoundary: RouteError },
  {
    Component: AuthGate,
    ErrorBoundary: RouteError,
    children: [
      {
        Component: lazyPage(() => import('./routes/shell-route')),
        children: [
          { index: true, Component: lazyPage(() => import('./routes/dashboard-route')) },
          { path: 'datastores/:store', Component: lazyPage(() => import('./routes/datastore-summary-route')) },
          { path: 'datastores/:store/content', Component: lazyPage(() => import('./routes/datastore-content-route')) },
          { path: 'datastores/:store/restore', Component: lazyPage(() => import('./routes/guest-restore-route')) },
          { path: 'datastores/:store/browse', Component: lazyPage(() => import('./routes/browse-route')) },
          { path: 'datastores/:store/jobs', Component: lazyPage(() => import('./routes/datastore-jobs-route')) },
          { path: 'guests', Component: lazyPage(() => import('./routes/guests-route')) },
          { path: 'jobs', Component: lazyPage(() => import('./routes/jobs-route')) },
          { path: 'tasks', Component: lazyPage(() => import('./routes/tasks-route')) },
          { path: 'tasks/:upid', Component: lazyPage(() => import('./routes/task-route')) },
          { path: '*', Component: lazyPage(() => import('./routes/not-found-route')) },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
