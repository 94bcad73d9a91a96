import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { formatSnapshotTime } from '@/lib/format-time';
import { pveDemo, simPve } from '@/test/pve';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();

beforeEach(() => t.host.reset());

/** Restores run as the user's own Proxmox VE login, asked for in the dialog. */
async function logInToPve(dialog: HTMLElement, username: string) {
  const user = userEvent.setup();
  // the login is a lazily loaded chunk: its first load in a test run can take a while on a busy machine
  await user.type(await within(dialog).findByRole('textbox', { name: 'User name' }, { timeout: 15_000 }), username);
  await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Realm' })).toHaveValue('pve'));
  await user.type(within(dialog).getByLabelText('Password'), pveDemo.password);
  await user.click(within(dialog).getByRole('button', { name: 'Log in to Proxmox VE' }));
  const whole = username.includes('@') ? username : `${username}@pve`;
  expect(await within(dialog).findByText(whole)).toBeInTheDocument();
}

const newest = (type: 'vm' | 'ct', id: string) =>
  t.sim
    .listSnapshots('store1', undefined, type, id)
    .map((s) => s['backup-time'])
    .sort((a, b) => b - a)[0]!;
const command = () => screen.getByTestId('restore-command').textContent;

// pve-restore@pve: PVEVMAdmin on the pool lab (VM 101 is in it), PVEDatastoreUser on pbs-store1 and local-lvm.
describe('guest restore dialog', () => {
  it('restores a VM to the next free VMID in the pool the user may allocate in, and follows the task to OK', async () => {
    const time = newest('vm', '101');
    const volid = `pbs-store1:backup/vm/101/${formatSnapshotTime(time)}`;
    await t.loginAs('root@pam');
    renderApp(`/datastores/store1/restore?type=vm&id=101&time=${time}`);
    const dialog = await screen.findByRole(
      'dialog',
      { name: `Restore VM 101 from ${formatSnapshotTime(time)}` },
      { timeout: 15_000 },
    );
    await logInToPve(dialog, 'pve-restore');
    const next = simPve(t.sim).nextId();
    const vmid = await within(dialog).findByRole('textbox', { name: 'Target VMID' });
    await waitFor(() => expect(vmid).toHaveValue(String(next)));
    expect(command()).toBe(`qmrestore ${volid} ${next}`);

    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Unique: new random MAC addresses' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Bandwidth limit/ }), '100');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Target storage' }), 'local-lvm');
    expect(command()).toBe(`qmrestore ${volid} ${next} --storage local-lvm --unique 1 --bwlimit 102400`);
    // outside the pool this user holds no VM.Allocate on the new VMID: PVE says so, in its own words
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /^Proxmox VE refused the restorePermission check failed$/,
    );
    expect(simPve(t.sim).tasks()).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Pool (optional)' }), 'lab');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Start after restore' }));
    expect(command()).toBe(
      `qmrestore ${volid} ${next} --storage local-lvm --unique 1 --bwlimit 102400 --pool lab && qm start ${next}`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByText('Restoring…')).toBeInTheDocument();
    expect(simPve(t.sim).tasks()).toEqual([expect.objectContaining({ vmid: next, user: 'pve-restore@pve' })]);
    t.sim.advance(simPve(t.sim).untilTasksEnd());
    expect(await within(dialog).findByText('Restore finished: OK', {}, { timeout: 8_000 })).toBeInTheDocument();
    const log = within(dialog).getByRole('region', { name: 'Restore task log' });
    await waitFor(() => expect(log).toHaveTextContent('TASK OK'), { timeout: 8_000 });
    expect(log).toHaveTextContent(`new volume ID is 'local-lvm:vm-${next}-disk-0'`);
    expect(log).toHaveTextContent('Execute autostart');
  }, 60_000);

  it("shows PVE's refusal of a VMID in use in place, and asks before overwriting", async () => {
    const time = newest('vm', '101');
    const web01 = simPve(t.sim).guest(101);
    await t.loginAs('root@pam');
    renderApp(`/datastores/store1/restore?type=vm&id=101&time=${time}`);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    await logInToPve(dialog, 'pve-restore');
    const user = userEvent.setup();
    await user.click(await within(dialog).findByRole('button', { name: 'Original (101)' }));
    expect(
      await within(dialog).findByText(`In use by VM ${web01.name} on ${web01.node} (${web01.status})`),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      `Proxmox VE refused the restoreunable to restore VM 101 - VM 101 already exists on node '${web01.node}'`,
    );

    await user.click(within(dialog).getByRole('checkbox', { name: /Overwrite an existing VM/ }));
    expect(command()).toContain('--force 1');
    await user.click(within(dialog).getByRole('button', { name: 'Restore and overwrite' }));
    const confirm = within(dialog).getByRole('group', { name: 'Overwrite VM 101' });
    expect(confirm).toHaveTextContent('is erased for good');
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(within(dialog).queryByRole('group', { name: 'Overwrite VM 101' })).toBeNull();
    expect(simPve(t.sim).tasks()).toEqual([]);
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
    await logInToPve(dialog, 'pve-restore');
    const next = simPve(t.sim).nextId();
    await waitFor(() =>
      expect(command()).toBe(
        `pct restore ${next} pbs-store1:backup/ct/110/${formatSnapshotTime(time)} --storage local-lvm`,
      ),
    );
    expect(within(dialog).queryByRole('checkbox', { name: /Live restore/ })).toBeNull();
  }, 60_000);

  it("shows PVE's refusal word for word when the user holds no right on the backup's storage", async () => {
    // pve-admin@pve: PVEVMAdmin on /, but no Datastore privilege anywhere
    const time = newest('vm', '101');
    await t.loginAs('root@pam');
    renderApp(`/datastores/store1/restore?type=vm&id=101&time=${time}`);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    await logInToPve(dialog, 'pve-admin');
    const next = String(simPve(t.sim).nextId());
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Target VMID' })).toHaveValue(next));
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /^Proxmox VE refused the restorePermission check failed \(\/storage\/pbs-store1, Datastore\.AllocateSpace\)$/,
    );
    expect(simPve(t.sim).tasks()).toEqual([]);
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
    await logInToPve(dialog, 'root@pam');
    expect(await within(dialog).findByText(/This backup is encrypted/)).toHaveTextContent(
      'storage pbs-db holds its encryption key',
    );
    const user = userEvent.setup();
    await user.click(await within(dialog).findByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByText(/^UPID:pve1:/)).toBeInTheDocument();
    expect(simPve(t.sim).tasks()).toEqual([expect.objectContaining({ user: 'root@pam' })]);
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
