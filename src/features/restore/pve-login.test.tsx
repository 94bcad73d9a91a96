import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatSnapshotTime } from '@/lib/format-time';
import { base32Decode, totpAt } from '@/mocks/sim/auth/totp';
import { renderApp, setupTestServer } from '@/test/render-app';
import { FAKE_RECOVERY_KEYS, FAKE_TOTP_SECRET, fakePveDeck, WEBAUTHN_ONLY } from './testing/fake-pve-deck';

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
  const name = await within(dialog).findByRole('textbox', { name: 'User name' });
  await user.clear(name);
  await user.type(name, username);
  const pass = within(dialog).getByLabelText('Password');
  await user.clear(pass);
  await user.type(pass, password);
  await user.click(within(dialog).getByRole('button', { name: 'Log in to Proxmox VE' }));
  return user;
}

describe('the Proxmox VE login in the restore dialog (user mode)', () => {
  it('reads nothing of PVE before the login, keeps what was typed when PVE refuses it, then reads as that user', async () => {
    const deck = fakePveDeck();
    t.server.use(...deck.handlers);
    const dialog = await openRestore();
    expect(await within(dialog).findByRole('heading', { name: 'Log in to Proxmox VE' })).toBeInTheDocument();
    // the realm PVE marks default, not the first it lists
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Realm' })).toHaveValue('pve'));
    expect(within(dialog).queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(within(dialog).queryByRole('textbox', { name: 'Target VMID' })).toBeNull();

    const user = await typeLogin(dialog, 'pve-admin', 'wrong');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Proxmox VE refused the login');
    expect(alert).toHaveTextContent(/^Proxmox VE refused the loginauthentication failure$/);
    expect(within(dialog).getByRole('textbox', { name: 'User name' })).toHaveValue('pve-admin');
    expect(within(dialog).getByLabelText('Password')).toHaveValue('wrong');
    expect(deck.inventoryRequests).toEqual([]);

    await user.clear(within(dialog).getByLabelText('Password'));
    await user.type(within(dialog).getByLabelText('Password'), 'demo');
    await user.click(within(dialog).getByRole('button', { name: 'Log in to Proxmox VE' }));
    expect(await within(dialog).findByText('pve-admin@pve')).toBeInTheDocument();
    expect(within(dialog).getByText(/^Proxmox VE:/)).toHaveTextContent('Proxmox VE: pve-admin@pve');
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Target VMID' })).toHaveValue('106'));
    expect(within(dialog).getByRole('button', { name: 'Restore' })).toBeEnabled();
    expect(deck.inventoryRequests).toContain('GET /pve-api/api2/json/cluster/nextid');
    expect(deck.state.writesWithoutCsrf).toBe(0);
  }, 60_000);

  it('asks for the TOTP code PVE wants and keeps a refused one in place', async () => {
    const deck = fakePveDeck();
    t.server.use(...deck.handlers);
    const dialog = await openRestore();
    const user = await typeLogin(dialog, 'pve-totp@pve', 'demo');
    expect(await within(dialog).findByRole('heading', { name: 'Second factor for pve-totp@pve' })).toBeInTheDocument();
    expect(within(dialog).getByRole('tab', { name: 'Recovery key' })).toBeInTheDocument();
    const code = within(dialog).getByRole('textbox', { name: 'TOTP code' });
    await user.type(code, '12345');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('authentication failure');
    expect(code).toHaveValue('12345');
    expect(deck.state.username).toBeNull();

    await user.clear(code);
    await user.type(code, totpAt(base32Decode(FAKE_TOTP_SECRET), Math.floor(Date.now() / 1000)));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText('pve-totp@pve')).toBeInTheDocument();
    expect(within(dialog).queryByRole('heading', { name: 'Log in to Proxmox VE' })).toBeNull();
    expect(deck.state.username).toBe('pve-totp@pve');
  }, 60_000);

  it('takes a recovery key instead', async () => {
    const deck = fakePveDeck();
    t.server.use(...deck.handlers);
    const dialog = await openRestore();
    const user = await typeLogin(dialog, 'pve-totp', 'demo');
    await user.click(await within(dialog).findByRole('tab', { name: 'Recovery key' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Recovery key' }), FAKE_RECOVERY_KEYS[1]!);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText('pve-totp@pve')).toBeInTheDocument();
    expect(deck.state.usedRecovery.has(FAKE_RECOVERY_KEYS[1]!)).toBe(true);
  }, 60_000);

  it('tells a WebAuthn-only account, word for word, to use token mode', async () => {
    const deck = fakePveDeck();
    t.server.use(...deck.handlers);
    const dialog = await openRestore();
    await typeLogin(dialog, 'pve-key', 'demo');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(WEBAUTHN_ONLY);
    expect(within(dialog).getByRole('textbox', { name: 'User name' })).toHaveValue('pve-key');
    expect(deck.inventoryRequests).toEqual([]);
  }, 60_000);

  it('logs out of Proxmox VE and asks for a login again', async () => {
    const deck = fakePveDeck();
    t.server.use(...deck.handlers);
    const dialog = await openRestore();
    const user = await typeLogin(dialog, 'pve-admin', 'demo');
    await within(dialog).findByText('pve-admin@pve');
    await user.click(within(dialog).getByRole('button', { name: 'Log out of Proxmox VE' }));
    expect(await within(dialog).findByRole('heading', { name: 'Log in to Proxmox VE' })).toBeInTheDocument();
    expect(within(dialog).queryByText('pve-admin@pve')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(deck.state.username).toBeNull();
    expect(deck.state.requests).toContain('DELETE /pve-api/api2/json/access/ticket');
    expect(deck.state.writesWithoutCsrf).toBe(0);
  }, 60_000);

  it('asks again when the deck lost the login, keeps the form, and never sends the restore again by itself', async () => {
    const deck = fakePveDeck();
    t.server.use(...deck.handlers);
    const dialog = await openRestore();
    const user = await typeLogin(dialog, 'pve-admin', 'demo');
    const limit = await within(dialog).findByRole('textbox', { name: /Bandwidth limit/ });
    await user.type(limit, '100');
    deck.state.username = null; // the PVE ticket expired on the deck's side
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByRole('heading', { name: 'Log in to Proxmox VE' })).toBeInTheDocument();

    await typeLogin(dialog, 'pve-admin', 'demo');
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: /Bandwidth limit/ })).toHaveValue('100'));
    expect(within(dialog).getByRole('button', { name: 'Restore' })).toBeEnabled();
    expect(deck.state.requests.filter((r) => r === 'POST /pve-api/api2/json/nodes/pve1/qemu')).toHaveLength(1);
  }, 60_000);
});

describe('token mode', () => {
  it("says why the deck's token does not serve this PBS user, reads nothing of PVE and offers no Restore", async () => {
    const reason = 'root@pam is not in PVE_TOKEN_USERS';
    const deck = fakePveDeck({ mode: 'token', allowed: false, reason });
    t.server.use(...deck.handlers);
    const dialog = await openRestore();
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('This deck does not restore to Proxmox VE for you');
    expect(alert).toHaveTextContent(reason);
    expect(within(dialog).queryByRole('button', { name: /^Restore/ })).toBeNull();
    expect(within(dialog).queryByRole('heading', { name: 'Log in to Proxmox VE' })).toBeNull();
    expect(within(dialog).getByTestId('restore-command')).toHaveTextContent('qmrestore pbs-store1:backup/vm/101/');
    expect(deck.inventoryRequests).toEqual([]);
  }, 60_000);

  it('restores with the deck token for a listed user, with no PVE login', async () => {
    const deck = fakePveDeck({ mode: 'token', allowed: true, reason: null });
    t.server.use(...deck.handlers);
    const dialog = await openRestore();
    expect(await within(dialog).findByText('deck@pve!restore')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Target VMID' })).toHaveValue('106'));
    expect(within(dialog).getByRole('button', { name: 'Restore' })).toBeEnabled();
    expect(within(dialog).queryByRole('button', { name: 'Log out of Proxmox VE' })).toBeNull();
  }, 60_000);
});
