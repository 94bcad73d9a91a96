// Tests only: the action components inside the console's own query client (its invalidation included), and a
// router for their task links.
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { datastoreAclPath } from '@/lib/access-rules';
import { createQueryClient } from '@/test/query-client';
import type { ContentPermissions } from './permissions';

const DATASTORE_PRIVS = [
  'Datastore.Audit',
  'Datastore.Modify',
  'Datastore.Read',
  'Datastore.Verify',
  'Datastore.Backup',
  'Datastore.Prune',
];

/** What `authId` holds on store1's namespace `ns`, as the content view would have read it from PBS. */
export function granted(privs: readonly string[] = DATASTORE_PRIVS, authId = 'root@pam', ns = ''): ContentPermissions {
  const set = new Set(privs);
  return {
    authId,
    store: 'store1',
    ns,
    path: datastoreAclPath('store1', ns),
    privs: set,
    known: true,
  };
}

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
