// Tests only: the action components inside a query client that invalidates after mutations the way the console's
// does (mutationKey + meta.invalidates), and a router for their task links.
import { MutationCache, QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';

export function renderAction(ui: ReactNode) {
  const queryClient: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: async (_d, _v, _c, mutation) => {
        const keys: QueryKey[] = [...(mutation.options.mutationKey ? [mutation.options.mutationKey] : []), ...(mutation.meta?.invalidates ?? [])];
        await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      },
    }),
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter([{ path: '*', element: ui }]);
  return {
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}
