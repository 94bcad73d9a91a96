import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { z } from 'zod';
import { pveRequest } from '@/api/pve-client';
import { formatSnapshotTime } from '@/lib/format-time';
import { pveDemo, simPve, tokenModeDeck, watchPveApi } from '@/test/pve';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();

beforeEach(() => t.host.reset());

async function openRestore() {
  const time = t.sim
    .listSnapshots('store1', undefined, 'vm', '101')
    .map((s) => s['backup-time'])
    .sort((a, b) => b - a)[0]!;
  await t.loginAs('root@pam');
  renderApp(`/datastores/store1/restore?type=vm&id=101&time=${time}`);
  return screen.findByRole('dialog', { name: `Restore VM 101 from ${formatSnapshotTime(time)}` }, { timeout: 15_000 });
}

async function typeLogin(dialog: HTMLElement, username: string, password: string) {
  const user = userEvent.setup();
  const name = await within(dialog).findByRole('textbox', { name: 'User name' }, { timeout: 15_000 });
  await user.clear(name);
  await user.type(name, username);
  const pass = within(dialog).getByLabelText('Password');
  await user.clear(pass);
  await user.type(pass, password);
  await user.click(within(dialog).getByRole('button', { name: 'Log in to Proxmox VE' }));
  return user;
}

const WEBAUTHN_ONLY =
  'this Proxmox VE account signs in with WebAuthn only, which cannot work through the deck: use token mode (see docs/deployment.md)';

// pve-restore@pve may restore VM 101: PVEVMAdmin on its pool (lab), PVEDatastoreUser on pbs-store1 and local-lvm.
describe('the Proxmox VE login in the restore dialog (user mode)', () => {
  it('reads nothing of PVE before the login, keeps what was typed when PVE refuses it, then reads as that user', async () => {
    const api = watchPveApi(t.server);
    const dialog = await openRestore();
    expect(
      await within(dialog).findByRole('heading', { name: 'Log in to Proxmox VE' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    // the realm PVE marks default, not the first it lists
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Realm' })).toHaveValue('pve'));
    expect(within(dialog).queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(within(dialog).queryByRole('textbox', { name: 'Target VMID' })).toBeNull();

    const user = await typeLogin(dialog, 'pve-restore', 'wrong');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(/^Proxmox VE refused the loginauthentication failure$/);
    expect(within(dialog).getByRole('textbox', { name: 'User name' })).toHaveValue('pve-restore');
    expect(within(dialog).getByLabelText('Password')).toHaveValue('wrong');
    expect(api.pveReads).toEqual([]);

    await user.clear(within(dialog).getByLabelText('Password'));
    await user.type(within(dialog).getByLabelText('Password'), pveDemo.password);
    await user.click(within(dialog).getByRole('button', { name: 'Log in to Proxmox VE' }));
    expect(await within(dialog).findByText('pve-restore@pve')).toBeInTheDocument();
    expect(within(dialog).getByText(/^Proxmox VE:/)).toHaveTextContent('Proxmox VE: pve-restore@pve');
    const nextId = String(simPve(t.sim).nextId());
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Target VMID' })).toHaveValue(nextId));
    // PVE lists only the storages this user may see
    const storages = within(dialog).getByRole('combobox', { name: 'Target storage' });
    await waitFor(() =>
      expect(
        within(storages)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['As in the backup', 'local-lvm (lvmthin)']),
    );
    expect(within(dialog).getByRole('button', { name: 'Restore' })).toBeEnabled();
    expect(api.pveReads).toContain('GET /pve-api/api2/json/cluster/nextid');
  }, 60_000);

  it('asks for the TOTP code PVE wants and keeps a refused one in place', async () => {
    const dialog = await openRestore();
    const user = await typeLogin(dialog, 'pve-totp@pve', pveDemo.password);
    expect(await within(dialog).findByRole('heading', { name: 'Second factor for pve-totp@pve' })).toBeInTheDocument();
    expect(within(dialog).getByRole('tab', { name: 'Recovery key' })).toBeInTheDocument();
    const code = within(dialog).getByRole('textbox', { name: 'TOTP code' });
    const wrong = String((Number(simPve(t.sim).totp()) + 1) % 1_000_000).padStart(6, '0');
    await user.type(code, wrong);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('authentication failure');
    expect(code).toHaveValue(wrong);
    expect(within(dialog).queryByText(/^Proxmox VE:/)).toBeNull();

    await user.clear(code);
    await user.type(code, simPve(t.sim).totp());
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText('pve-totp@pve')).toBeInTheDocument();
    expect(within(dialog).getByText(/^Proxmox VE:/)).toHaveTextContent('Proxmox VE: pve-totp@pve');
    expect(within(dialog).queryByRole('heading', { name: 'Log in to Proxmox VE' })).toBeNull();
  }, 60_000);

  it('takes a recovery key instead, once', async () => {
    const key = pveDemo.recoveryKeys[1]!;
    const dialog = await openRestore();
    let user = await typeLogin(dialog, 'pve-totp', pveDemo.password);
    await user.click(await within(dialog).findByRole('tab', { name: 'Recovery key' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Recovery key' }), key);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText('pve-totp@pve')).toBeInTheDocument();

    // PVE takes each recovery key once
    await user.click(within(dialog).getByRole('button', { name: 'Log out of Proxmox VE' }));
    user = await typeLogin(dialog, 'pve-totp', pveDemo.password);
    await user.click(await within(dialog).findByRole('tab', { name: 'Recovery key' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Recovery key' }), key);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('authentication failure');
    expect(within(dialog).queryByText(/^Proxmox VE:/)).toBeNull();
  }, 60_000);

  it('tells a WebAuthn-only account, word for word, to use token mode', async () => {
    const api = watchPveApi(t.server);
    const dialog = await openRestore();
    await typeLogin(dialog, 'pve-key', pveDemo.password);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(WEBAUTHN_ONLY);
    expect(within(dialog).getByRole('textbox', { name: 'User name' })).toHaveValue('pve-key');
    expect(api.pveReads).toEqual([]);
  }, 60_000);

  it('logs out of Proxmox VE and asks for a login again', async () => {
    const api = watchPveApi(t.server);
    const dialog = await openRestore();
    const user = await typeLogin(dialog, 'pve-restore', pveDemo.password);
    await within(dialog).findByText('pve-restore@pve');
    await user.click(within(dialog).getByRole('button', { name: 'Log out of Proxmox VE' }));
    expect(
      await within(dialog).findByRole('heading', { name: 'Log in to Proxmox VE' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(within(dialog).queryByText('pve-restore@pve')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(api.seen).toContain('DELETE /pve-api/api2/json/access/ticket');
    // the deck no longer calls PVE for this console
    await expect(pveRequest('GET', '/cluster/nextid', z.unknown())).rejects.toMatchObject({
      status: 401,
      loginRequired: true,
    });
  }, 60_000);

  it('asks again when the deck lost the login, keeps the form, and never sends the restore again by itself', async () => {
    const api = watchPveApi(t.server);
    const dialog = await openRestore();
    const user = await typeLogin(dialog, 'pve-restore', pveDemo.password);
    const limit = await within(dialog).findByRole('textbox', { name: /Bandwidth limit/ });
    await user.type(limit, '100');
    // the login ends elsewhere (another tab of this console logs out of PVE)
    await pveRequest('DELETE', '/access/ticket', z.unknown());
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(
      await within(dialog).findByRole('heading', { name: 'Log in to Proxmox VE' }, { timeout: 15_000 }),
    ).toBeInTheDocument();

    await typeLogin(dialog, 'pve-restore', pveDemo.password);
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: /Bandwidth limit/ })).toHaveValue('100'));
    expect(within(dialog).getByRole('button', { name: 'Restore' })).toBeEnabled();
    expect(api.seen.filter((r) => r === 'POST /pve-api/api2/json/nodes/pve1/qemu')).toHaveLength(1);
    // the one that was sent never reached PVE
    expect(simPve(t.sim).tasks()).toEqual([]);
  }, 60_000);
});

// The page runs the deck's layer in user mode; these put the same layer in token mode in front of the simulated PVE.
describe('token mode', () => {
  const rules = { allowOverwrite: false, allowStart: false, targetStorages: ['local-lvm'], pools: ['lab'] };

  it("says why the deck's token does not serve this PBS user, reads nothing of PVE and offers no Restore", async () => {
    t.server.use(...tokenModeDeck(t.host, { ...rules, users: ['admin@pbs'] }));
    const api = watchPveApi(t.server);
    const dialog = await openRestore();
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('This deck does not restore to Proxmox VE for you');
    expect(alert).toHaveTextContent(
      'root@pam is not in PVE_TOKEN_USERS: this deck restores to Proxmox VE only for its users',
    );
    expect(within(dialog).queryByRole('button', { name: /^Restore/ })).toBeNull();
    expect(within(dialog).queryByRole('heading', { name: 'Log in to Proxmox VE' })).toBeNull();
    expect(within(dialog).getByTestId('restore-command')).toHaveTextContent('qmrestore pbs-store1:backup/vm/101/');
    expect(api.pveReads).toEqual([]);
  }, 60_000);

  it('restores with the deck token for a listed user, with no PVE login', async () => {
    t.server.use(...tokenModeDeck(t.host, { ...rules, users: ['root@pam'] }));
    const dialog = await openRestore();
    expect(await within(dialog).findByText(pveDemo.tokenId)).toBeInTheDocument();
    const nextId = simPve(t.sim).nextId();
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'Target VMID' })).toHaveValue(String(nextId)),
    );
    expect(within(dialog).queryByRole('button', { name: 'Log out of Proxmox VE' })).toBeNull();
    expect(within(dialog).queryByRole('heading', { name: 'Log in to Proxmox VE' })).toBeNull();
    const user = userEvent.setup();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Target storage' }), 'local-lvm');
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByText(/^UPID:pve1:/)).toBeInTheDocument();
    // PVE ran it as the deck's token
    expect(simPve(t.sim).tasks()).toEqual([expect.objectContaining({ vmid: nextId, user: pveDemo.tokenId })]);
  }, 60_000);
});
