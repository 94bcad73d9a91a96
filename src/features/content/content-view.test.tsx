import { screen, waitFor, within } from '@testing-library/react';
import { treeRow } from '@/test/tree-row';
import userEvent from '@testing-library/user-event';
import { giveElementsASize } from '@/test/element-size';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();
// a busy two-core machine: the first render imports the whole console
vi.setConfig({ testTimeout: 60_000 });

giveElementsASize();

const tree = () => screen.findByRole('treegrid', {}, { timeout: 15_000 });
const rowOf = async (text: string | RegExp) => treeRow(await tree(), text);

describe('datastore content', () => {
  it('lists namespaces and groups as a treegrid and opens a group into its snapshots', async () => {
    await t.loginAs('root@pam');
    renderApp('/datastores/store1/content');
    const grid = await tree();
    expect(grid).toHaveAccessibleName('Backups in store1');
    const prod = await rowOf('prod');
    expect(prod).toHaveAttribute('aria-level', '1');
    expect(prod).toHaveAttribute('aria-expanded', 'false');
    const group = await rowOf('vm/100');
    expect(group).toHaveTextContent('pve-gw');
    expect(group).toHaveAttribute(
      'aria-setsize',
      String(t.sim.listGroups('store1').length + t.sim.listNamespaces('store1', '', 1).length - 1),
    );

    await userEvent.setup().click(group);
    await waitFor(() => expect(group).toHaveAttribute('aria-expanded', 'true'));
    const count = t.sim.listSnapshots('store1', '', 'vm', '100').length;
    await waitFor(() =>
      expect(
        within(grid)
          .getAllByRole('row')
          .filter((r) => r.getAttribute('aria-level') === '2'),
      ).toHaveLength(count),
    );
    const first = within(grid)
      .getAllByRole('row')
      .find((r) => r.getAttribute('aria-level') === '2')!;
    expect(first).toHaveAttribute('aria-selected', 'false');
    const newest = t.sim
      .listSnapshots('store1', '', 'vm', '100')
      .reduce((a, b) => (b['backup-time'] > a['backup-time'] ? b : a));
    const cells = within(first).getAllByRole('gridcell');
    expect(cells[4]).toHaveTextContent(
      newest.verification?.state === 'ok' ? 'OK' : newest.verification ? 'Failed' : 'None',
    );
    expect(cells[2]).toHaveTextContent(/GiB$/);
  });

  it('moves, opens and selects with the keyboard', async () => {
    await t.loginAs('root@pam');
    renderApp('/datastores/store1/content');
    const user = userEvent.setup();
    const grid = await tree();
    const ns = await rowOf('lab');
    ns.focus();
    expect(ns).toHaveAttribute('tabindex', '0');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const group = await rowOf('vm/100');
    await waitFor(() => expect(group).toHaveFocus());
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(group).toHaveAttribute('aria-expanded', 'true'));
    const snapshot = await waitFor(() =>
      within(grid)
        .getAllByRole('row')
        .find((r) => r.getAttribute('aria-level') === '2')!,
    );
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(snapshot).toHaveFocus());
    await user.keyboard(' ');
    await waitFor(() => expect(snapshot).toHaveAttribute('aria-selected', 'true'));
    expect(screen.getByRole('region', { name: 'Selected snapshots' })).toHaveTextContent('1 snapshot selected');
    await user.keyboard('{Enter}');
    // the detail panel loads on first use
    const detail = await screen.findByRole('region', { name: /^Snapshot vm\/100\// }, { timeout: 30_000 });
    expect(within(detail).getByText(/^store1:backup\/vm\/100\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)).toBeInTheDocument();
    expect(await within(detail).findByText('Not signed', {}, { timeout: 10_000 })).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    await waitFor(() => expect(group).toHaveFocus());
    await user.keyboard('{ArrowLeft}');
    await waitFor(() => expect(group).toHaveAttribute('aria-expanded', 'false'));
    await user.keyboard('{End}');
    await waitFor(() => expect(within(grid).getAllByRole('row').at(-1)).toHaveFocus());
  });

  it('finds a guest by name in a namespace below and marks the match', async () => {
    await t.loginAs('root@pam');
    const { router } = renderApp('/datastores/store1/content');
    await rowOf('vm/100');
    await userEvent.setup().type(screen.getByRole('searchbox'), 'pg-prim');
    const match = await rowOf('vm/300');
    expect(match).toHaveAttribute('aria-level', '3');
    expect(within(match).getByText('pg-prim', { selector: 'mark' })).toBeInTheDocument();
    expect(await rowOf(/^db/)).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(screen.queryByText('vm/100')).toBeNull());
    expect(router.state.location.search).toContain('q=pg-prim');
  });

  it('filters snapshots by encryption across every group in the background', async () => {
    await t.loginAs('root@pam');
    renderApp('/datastores/store1/content?enc=encrypted');
    const match = await rowOf('vm/301');
    expect(match).toHaveTextContent(/12 of 12|\d+ of \d+/);
    await waitFor(
      () => {
        const groups = within(screen.getByRole('treegrid'))
          .getAllByRole('row')
          .filter((r) => /(vm|ct|host)\//.test(r.textContent ?? ''));
        expect(groups.map((r) => r.textContent?.match(/(vm|ct)\/\d+/)?.[0]).sort()).toEqual([
          'ct/310',
          'vm/300',
          'vm/301',
        ]);
      },
      { timeout: 15_000 },
    );
    expect(screen.getByLabelText('Encryption')).toHaveValue('encrypted');
  });

  it('switches namespace through the URL and says when one does not exist', async () => {
    await t.loginAs('root@pam');
    const { router } = renderApp('/datastores/store1/content?ns=prod');
    expect(await rowOf('vm/200')).toHaveTextContent('erp-app');
    await userEvent.setup().selectOptions(screen.getByLabelText('Namespace'), 'prod/db');
    expect(await rowOf('vm/300')).toHaveAttribute('aria-level', '1');
    expect(router.state.location.search).toBe('?ns=prod%2Fdb');
    await router.navigate('/datastores/store1/content?ns=nope');
    await waitFor(
      () => expect(screen.getByRole('alert')).toHaveTextContent('Namespace nope does not exist in datastore store1'),
      { timeout: 10_000 },
    );
    await router.navigate('/datastores/nosuch/content');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/Datastore nosuch does not exist/), {
      timeout: 10_000,
    });
  });
});
