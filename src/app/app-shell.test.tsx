import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();

describe('console shell', () => {
  it('lists the datastores in the navigation, with maintenance marked', async () => {
    await t.loginAs('root@pam');
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' }, { timeout: 15_000 });
    for (const ds of t.sim.listDatastores()) {
      expect(await within(nav).findByRole('link', { name: new RegExp(`^${ds.store}`) })).toHaveAttribute(
        'href',
        `/datastores/${ds.store}`,
      );
    }
    const archive = within(nav).getByRole('link', { name: /^archive/ });
    expect(archive).toHaveTextContent(/Maintenance \(read-only\)/);
  });

  it('switches the colour theme and remembers it', async () => {
    await t.loginAs('root@pam');
    renderApp('/');
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Dark theme' }, { timeout: 15_000 }));
    expect(document.documentElement).toHaveClass('dark');
    expect(localStorage.getItem('pbs-deck.theme')).toBe('dark');
    await u.click(screen.getByRole('button', { name: 'Light theme' }));
    expect(document.documentElement).not.toHaveClass('dark');
    await u.click(screen.getByRole('button', { name: 'System theme' }));
    expect(localStorage.getItem('pbs-deck.theme')).toBeNull();
  });

  it('logs out from the user menu', async () => {
    await t.loginAs('root@pam');
    const { router } = renderApp('/');
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: /User menu, logged in as root@pam/ }, { timeout: 15_000 }));
    await u.click(await screen.findByRole('menuitem', { name: 'Log out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(await screen.findByLabelText('User name')).toBeInTheDocument();
  });

  it('asks for the password again in place when the session ends, keeping the page', async () => {
    await t.loginAs('root@pam');
    const { router } = renderApp('/datastores/store1');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Datastore store1' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    const lifetime = t.sim.settings.ticketLifetime;
    t.sim.settings.ticketLifetime = -3600;
    try {
      // Any request now fails with 401 "authentication failed"; switching the chart timeframe makes one.
      await userEvent.setup().selectOptions(await screen.findByLabelText('Timeframe'), 'week');
      const dialog = await screen.findByRole('alertdialog', { name: 'Your session has ended' }, { timeout: 10_000 });
      expect(router.state.location.pathname).toBe('/datastores/store1');
      expect(screen.getByLabelText('Timeframe')).toHaveValue('week');
      t.sim.settings.ticketLifetime = lifetime;
      const u = userEvent.setup();
      await u.type(within(dialog).getByLabelText('Password'), 'demo');
      await u.click(within(dialog).getByRole('button', { name: 'Log in' }));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull(), { timeout: 10_000 });
      expect(screen.getByRole('heading', { level: 1, name: 'Datastore store1' })).toBeInTheDocument();
    } finally {
      t.sim.settings.ticketLifetime = lifetime;
    }
    // a whole login, a chart and a relogin: on a loaded machine this takes longer than the default
  }, 60_000);
});
