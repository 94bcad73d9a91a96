import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();

beforeEach(() => {
  t.host.reset();
  localStorage.clear();
});

describe('failed jobs', () => {
  it('shows a failed verify in the header and on the dashboard until marked seen', async () => {
    t.sim.corruptChunks('store1', 2);
    t.sim.startVerify('store1', {}, 'root@pam');
    t.sim.advance(4 * 3600);
    await t.loginAs('root@pam');
    renderApp('/');

    const indicator = await screen.findByRole(
      'button',
      { name: /^\d+ failed jobs?, not yet seen$/ },
      { timeout: 15_000 },
    );
    const card = await screen.findByRole('region', { name: 'Failed jobs' }, { timeout: 10_000 });
    expect(within(card).getByRole('link', { name: 'Verify datastore store1' })).toBeInTheDocument();
    expect(card).toHaveTextContent('verification failed - please check the log for details');

    const user = userEvent.setup();
    await user.click(indicator);
    const list = await screen.findByRole('dialog', { name: /failed jobs?$/ });
    expect(within(list).getByRole('link', { name: 'Verify datastore store1' })).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Mark all seen' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: /failed jobs?, not yet seen/ })).toBeNull());
    expect(screen.queryByRole('region', { name: 'Failed jobs' })).toBeNull();
    expect(Number(localStorage.getItem('pbs-deck.failures-seen.root@pam'))).toBeGreaterThan(0);
  }, 60_000);

  it('stays quiet about failures already marked seen', async () => {
    t.sim.corruptChunks('store1', 2);
    t.sim.startVerify('store1', {}, 'root@pam');
    t.sim.advance(4 * 3600);
    localStorage.setItem('pbs-deck.failures-seen.root@pam', String(t.sim.now()));
    await t.loginAs('root@pam');
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dashboard' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Tasks of the last 24 hours' });
    await waitFor(() => expect(screen.getByText(/tasks, \d+ failed/)).toBeInTheDocument(), { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: /failed jobs?, not yet seen/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Failed jobs' })).toBeNull();
  }, 60_000);
});
