import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { DemoResetContext } from './demo-reset';
import { AppProviders } from './providers';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

/** `resetDemo`: only in the static demo build, where the simulator runs in the page. */
export function App({ resetDemo = null }: { resetDemo?: (() => void) | null }) {
  const [queryClient] = useState(() => createQueryClient());
  const [router] = useState(() => createAppRouter());
  return (
    <DemoResetContext value={resetDemo}>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </DemoResetContext>
  );
}
