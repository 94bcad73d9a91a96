import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { AuthGate } from './auth-gate';
import { loadShell, pages } from './pages';
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
        Component: lazyPage(loadShell),
        children: pages.map((p) =>
          p.path === '' ? { index: true, Component: lazyPage(p.load) } : { path: p.path, Component: lazyPage(p.load) },
        ),
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
