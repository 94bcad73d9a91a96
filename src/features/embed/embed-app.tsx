import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { DatastoreView } from './datastore-view';
import { EmbedFrame } from './embed-frame';
import { isLoginNeeded } from './embed-fetch';
import { matchEmbedRoute } from './embed-route';
import { LoginGate } from './login-gate';
import { OverviewView } from './overview-view';
import { TasksView } from './tasks-view';
import { UnknownView } from './unknown-view';

export function createEmbedQueryClient(retry = 1): QueryClient {
  return new QueryClient({
    // A read the deck answers with "log in" is not tried again: the login form takes its place.
    defaultOptions: {
      queries: {
        staleTime: 20_000,
        refetchOnWindowFocus: false,
        refetchIntervalInBackground: false,
        retry: (n, error) => n < retry && !isLoginNeeded(error),
      },
    },
  });
}

/** Only read-only views under /embed/: no route of the console exists in this entry. */
/** `retry`: how often a failed read is tried again (tests: 0, so a failure shows at once). */
export function EmbedApp({ pathname, search, retry = 1 }: { pathname: string; search: string; retry?: number }) {
  const [client] = useState(() => createEmbedQueryClient(retry));
  const route = matchEmbedRoute(pathname);
  return (
    <QueryClientProvider client={client}>
      <EmbedFrame search={search}>
        <LoginGate>
          {route.view === 'overview' ? (
            <OverviewView />
          ) : route.view === 'datastore' ? (
            <DatastoreView store={route.store} />
          ) : route.view === 'tasks' ? (
            <TasksView />
          ) : (
            <UnknownView />
          )}
        </LoginGate>
      </EmbedFrame>
    </QueryClientProvider>
  );
}
