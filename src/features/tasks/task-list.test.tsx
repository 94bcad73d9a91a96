import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();

beforeEach(() => {
  t.host.reset();
  localStorage.clear();
});

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('task list', () => {
  it('pages as PBS pages: next while PBS marks more, none past the end', async () => {
    await t.loginAs('root@pam');
    const { router } = renderApp('/tasks');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tasks' }, { timeout: 15_000 })).toBeInTheDocument();
    await screen.findByRole('table', {}, { timeout: 10_000 });
    expect(bodyRows()).toHaveLength(50);
    const pages = screen.getByRole('navigation', { name: 'Task pages' });
    expect(pages).toHaveTextContent('Tasks 1–50, more follow');
    expect(within(pages).getByRole('button', { name: 'Previous page' })).toBeDisabled();

    const user = userEvent.setup();
    await user.click(within(pages).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(pages).toHaveTextContent('Tasks 51–100'));
    expect(router.state.location.search).toBe('?start=50');

    // Far past the end PBS returns nothing and no "more" marker.
    await router.navigate('/tasks?start=100000');
    expect(await screen.findByText('No task matches these filters.', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(pages).getByRole('button', { name: 'Next page' })).toBeDisabled();
  }, 60_000);

  it('filters by type and status through the URL, and finds a failed verify', async () => {
    t.sim.corruptChunks('store1', 2);
    t.sim.startVerify('store1', {}, 'root@pam');
    t.sim.advance(4 * 3600);
    t.sim.startGc('store1', 'root@pam');
    t.sim.advance(3600);
    await t.loginAs('root@pam');
    const { router } = renderApp('/tasks');
    await screen.findByRole('table', {}, { timeout: 15_000 });
    const user = userEvent.setup();

    await user.selectOptions(screen.getByLabelText('Type'), 'Garbage collection');
    await waitFor(() => expect(router.state.location.search).toBe('?type=garbage_collection'));
    await waitFor(() => expect(bodyRows().every((r) => /Garbage collection on /.test(r.textContent ?? ''))).toBe(true));
    expect(screen.getAllByRole('link', { name: 'Garbage collection on store1' }).length).toBeGreaterThan(0);

    await user.selectOptions(screen.getByLabelText('Type'), 'Any');
    await user.click(screen.getByRole('checkbox', { name: 'Errors' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=error'));
    const verify = await screen.findByRole('link', { name: 'Verify datastore store1' });
    const row = verify.closest('tr')!;
    expect(row).toHaveTextContent('Error: verification failed - please check the log for details');
    expect(bodyRows().every((r) => /Error: /.test(r.textContent ?? ''))).toBe(true);
  }, 60_000);

  it('opens a task as a panel over the page it was clicked on, and closes back to it', async () => {
    t.sim.startGc('store1', 'root@pam');
    t.sim.advance(3600);
    await t.loginAs('root@pam');
    const { router } = renderApp('/tasks?type=garbage_collection');
    const user = userEvent.setup();
    await user.click(
      (await screen.findAllByRole('link', { name: 'Garbage collection on store1' }, { timeout: 15_000 }))[0]!,
    );

    const panel = await screen.findByRole('dialog', { name: 'Garbage collection on store1' });
    expect(await within(panel).findByRole('region', { name: 'Task log lines' })).toHaveTextContent(
      'starting garbage collection on store store1',
    );
    // The router stays on the list (its filters too); the address bar shows the task.
    expect(router.state.location.pathname).toBe('/tasks');
    expect(router.state.location.search).toBe('?type=garbage_collection');
    expect(router.state.location.mask?.pathname).toMatch(/^\/tasks\/UPID/);

    await user.click(within(panel).getByRole('button', { name: 'Close task' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.mask).toBeUndefined();
    expect(screen.getByRole('heading', { level: 1, name: 'Tasks' })).toBeInTheDocument();
  }, 60_000);

  it('opens plain links from other pages (the dashboard) as a panel too', async () => {
    t.sim.startGc('store1', 'root@pam');
    t.sim.advance(3600);
    await t.loginAs('root@pam');
    const { router } = renderApp('/');
    const recent = await screen.findByRole('region', { name: 'Tasks of the last 24 hours' }, { timeout: 15_000 });
    await userEvent
      .setup()
      .click((await within(recent).findAllByRole('link', { name: 'Garbage collection on store1' }))[0]!);
    expect(await screen.findByRole('dialog', { name: 'Garbage collection on store1' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard', hidden: true })).toBeInTheDocument();
  }, 60_000);
});
