// Tests only: the action components inside the console's own query client (its invalidation included), and a
// router for their task links.
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '@/test/query-client';

export function renderAction(ui: ReactNode) {
  const queryClient = createQueryClient({ retry: false });
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
