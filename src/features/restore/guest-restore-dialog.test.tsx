import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { formatSnapshotTime } from '@/lib/format-time';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();

beforeEach(() => t.host.reset());

const newest = (type: 'vm' | 'ct', id: string) =>
  t.sim
    .listSnapshots('store1', undefined, type, id)
    .map((s) => s['backup-time'])
    .sort((a, b) => b - a)[0]!;
const command = () => screen.getByTestId('restore-command').textContent;

describe('guest restore dialog', () => {
  it('restores a VM to the next free VMID through Proxmox VE and follows the task to OK', async () => {
    const time = newest('vm', '101');
    const volid = `pbs-store1:backup/vm/101/${formatSnapshotTime(time)}`;
    await t.loginAs('root@pam');
    renderApp(`/datastores/store1/restore?type=vm&id=101&time=${time}`);
    const dialog = await screen.findByRole(
      'dialog',
      { name: `Restore VM 101 from ${formatSnapshotTime(time)}` },
      { timeout: 15_000 },
    );
    const vmid = await within(dialog).findByRole('textbox', { name: 'Target VMID' });
    await waitFor(() => expect(vmid).toHaveValue('106'));
    expect(command()).toBe(`qmrestore ${volid} 106`);

    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Unique: new random MAC addresses' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Bandwidth limit/ }), '100');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Target storage' }), 'vmdata');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Start after restore' }));
    expect(command()).toBe(`qmrestore ${volid} 106 --storage vmdata --unique 1 --bwlimit 102400 && qm start 106`);

    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByText('Restoring…')).toBeInTheDocument();
    t.sim.advance(7200);
    expect(await within(dialog).findByText('Restore finished: OK', {}, { timeout: 8_000 })).toBeInTheDocument();
    const log = within(dialog).getByRole('region', { name: 'Restore task log' });
    await waitFor(() => expect(log).toHaveTextContent('TASK OK'), { timeout: 8_000 });
    expect(log).toHaveTextContent("new volume ID is 'vmdata:vm-106-disk-0'");
    expect(log).toHaveTextContent('Execute autostart');
  }, 60_000);

  it("shows PVE's refusal of a VMID in use in place, and asks before overwriting", async () => {
    const time = newest('vm', '101');
    await t.loginAs('root@pam');
    renderApp(`/datastores/store1/restore?type=vm&id=101&time=${time}`);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    const user = userEvent.setup();
    await user.click(await within(dialog).findByRole('button', { name: 'Original (101)' }));
    expect(await within(dialog).findByText(/In use by VM .* on pve2 \(running\)/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Proxmox VE refused the restore');
    expect(alert).toHaveTextContent("unable to restore VM 101 - VM 101 already exists on node 'pve2'");

    await user.click(within(dialog).getByRole('checkbox', { name: /Overwrite an existing VM/ }));
    expect(command()).toContain('--force 1');
    await user.click(within(dialog).getByRole('button', { name: 'Restore and overwrite' }));
    const confirm = within(dialog).getByRole('group', { name: 'Overwrite VM 101' });
    expect(confirm).toHaveTextContent('is erased for good');
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(within(dialog).queryByRole('group', { name: 'Overwrite VM 101' })).toBeNull();
  }, 60_000);

  it('offers a container no live restore and defaults to a storage with container directories', async () => {
    const time = newest('ct', '110');
    await t.loginAs('root@pam');
    renderApp(`/datastores/store1/restore?type=ct&id=110&time=${time}`);
    const dialog = await screen.findByRole(
      'dialog',
      { name: `Restore container 110 from ${formatSnapshotTime(time)}` },
      { timeout: 15_000 },
    );
    await waitFor(() =>
      expect(command()).toBe(
        `pct restore 106 pbs-store1:backup/ct/110/${formatSnapshotTime(time)} --storage local-lvm`,
      ),
    );
    expect(within(dialog).queryByRole('checkbox', { name: /Live restore/ })).toBeNull();
  }, 60_000);

  it('finds the node itself when PVE_NODE is unset, and says when a backup is encrypted', async () => {
    t.server.use(
      http.get('/deck/config', () =>
        HttpResponse.json({
          backend: 'simulator',
          pve: { node: null, storages: [{ storage: 'pbs-db', store: 'store1', ns: 'prod/db' }] },
        }),
      ),
    );
    const time = t.sim
      .listSnapshots('store1', 'prod/db', 'vm', '300')
      .map((s) => s['backup-time'])
      .sort((a, b) => b - a)[0]!;
    await t.loginAs('root@pam');
    renderApp(`/datastores/store1/restore?ns=prod%2Fdb&type=vm&id=300&time=${time}`);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    expect(await within(dialog).findByText(/This backup is encrypted/)).toHaveTextContent(
      'storage pbs-db holds its encryption key',
    );
    const user = userEvent.setup();
    await user.click(await within(dialog).findByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByText(/^UPID:pve1:/)).toBeInTheDocument();
  }, 60_000);

  it('without a Proxmox VE behind the deck, gives the command and how to enable restores', async () => {
    t.server.use(http.get('/deck/config', () => HttpResponse.json({ backend: 'simulator', pve: null })));
    const time = newest('vm', '100');
    await t.loginAs('root@pam');
    renderApp(`/datastores/store1/restore?type=vm&id=100&time=${time}`);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    expect(await within(dialog).findByText(/give the deck server/)).toHaveTextContent('PVE_URL');
    expect(command()).toBe(`qmrestore store1:backup/vm/100/${formatSnapshotTime(time)} 100`);
    expect(within(dialog).queryByRole('button', { name: 'Restore' })).toBeNull();
  }, 60_000);
});
