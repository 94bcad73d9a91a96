import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { logout, restoreSession } from '@/api/auth';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { routes } from '@/app/router';
import { createTestServer, type TestServerOptions } from '@/mocks/node';
import { DEMO_RECOVERY_KEYS, DEMO_TOTP_SECRET } from '@/mocks/sim/auth/demo-users';
import { base32Decode, totpAt } from '@/mocks/sim/auth/totp';
import { nextQuietNoon } from '@/mocks/sim/test-start';

/**
 * The simulator behind msw/node for one test file: one simulator for the whole file (building one
 * takes seconds), no session before each test. Tests that change the simulator undo it.
 */
export function setupTestServer(opts: TestServerOptions = {}) {
  const t = createTestServer(opts);
  beforeAll(() => t.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => logout());
  afterEach(() => {
    t.server.resetHandlers();
    logout();
    t.clearSession();
  });
  afterAll(() => t.server.close());
  return {
    server: t.server,
    host: t.host,
    /** The current simulator (each test gets a fresh one). */
    get sim() {
      return t.host.sim;
    },
    /** Moves the simulator's clock to the next midday in Vienna (on a UTC weekday, 0 = Sunday, if given). */
    toQuietNoon(weekday?: number) {
      t.host.sim.setTime(nextQuietNoon(t.host.sim.now(), weekday));
    },
    /** Logs in through the simulator and hands the session to the console's API client. */
    async loginAs(username: string, password?: string) {
      const result = await t.loginAs(username, password);
      restoreSession();
      return result;
    },
  };
}

/**
 * Renders the whole console (real providers and routes) at `path`, with a fresh QueryClient that never retries,
 * or with `retry: true` the console's own retry policy (app/query-client.ts), for tests of how it rides out faults.
 */
export function renderApp(path: string, { retry = false }: { retry?: boolean } = {}) {
  const queryClient = createQueryClient({ retry });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, queryClient, router };
}

export const demoTfa = {
  totp: () => totpAt(base32Decode(DEMO_TOTP_SECRET), Math.floor(Date.now() / 1000)),
  recoveryKey: DEMO_RECOVERY_KEYS[0] ?? '',
};
